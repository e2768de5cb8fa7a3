import type { Payload } from 'payload'

import { asSystem } from '../../lib/system'
import type { DeriveBlock } from '../recognise/derive'
import { ImportError, type Recognised } from '../types'
import { matches, type ProfileRule } from './rules'

export type Profile = {
  name: string
  kind: string
  format?: string | null
  match?: string | null
  rules: ProfileRule[]
}

const all = async (payload: Payload): Promise<Profile[]> =>
  (
    await payload.find({
      collection: 'import-profiles',
      pagination: false,
      sort: 'name',
      depth: 0,
      ...asSystem('import'),
    })
  ).docs as unknown as Profile[]

/** The profile of this name; an unknown name is refused with the names there are. */
export async function profileNamed(payload: Payload, name: string): Promise<Profile> {
  const profiles = await all(payload)
  const found = profiles.find((p) => p.name.toLowerCase() === name.trim().toLowerCase())
  if (found) return found
  const known = profiles.map((p) => `"${p.name}"`).join(', ')
  throw new ImportError(`no import profile named "${name}" (${known ? `saved profiles: ${known}` : 'none saved yet'})`)
}

/** The first profile (by name) for this kind and format whose `match` finds a line of the file. */
export async function matchingProfile(
  payload: Payload,
  kind: Recognised['kind'],
  format: string,
  blocks: DeriveBlock[],
): Promise<Profile | undefined> {
  return (await all(payload)).find(
    (p) =>
      p.kind === kind &&
      (!p.format || p.format === format) &&
      (!p.match || blocks.some((b) => matches(p.match!, b.text))),
  )
}

/** Create or replace the profile of this name. */
export async function saveProfile(payload: Payload, profile: Profile): Promise<void> {
  const found = await payload.find({
    collection: 'import-profiles',
    where: { name: { equals: profile.name } },
    limit: 1,
    depth: 0,
    ...asSystem('import'),
  })
  const data = { ...profile, kind: profile.kind as 'report', format: profile.format as 'txt' | undefined }
  if (found.docs[0])
    await payload.update({ collection: 'import-profiles', id: found.docs[0].id, data, ...asSystem('import') })
  else await payload.create({ collection: 'import-profiles', data, ...asSystem('import') })
}
