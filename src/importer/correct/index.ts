import type { Payload } from 'payload'

import { deriveFromRoles, type DeriveBlock } from '../recognise/derive'
import { ImportError, type Block, type Recognised } from '../types'
import { knownNames } from '../writer/lookups'
import { applyCorrections, type Correction } from './corrections'
import { matchingProfile, profileNamed, saveProfile, type Profile } from './profiles'
import { applyRules, generalise } from './rules'

export type CorrectOptions = {
  corrections?: Correction[]
  /** Apply this profile (by name) instead of one that matches the file. */
  profile?: string
  /** Save the corrections (with the profile applied, if any) as a profile of this name. */
  saveProfile?: string
}

/** The recognised blocks in file order, each with whether it was a list item (for re-derivation). */
export function deriveBlocks(recognised: Recognised, parsed: Block[]): DeriveBlock[] {
  const lists = new Map(
    parsed
      .filter((b) => b.kind === 'list-item')
      .map((b) => [b.line, b.ordered === false ? 'bullet' : 'number'] as const),
  )
  return (recognised.blocks ?? []).map((b) => (lists.has(b.line) ? { ...b, list: lists.get(b.line) } : { ...b }))
}

/**
 * The correction step: a profile's rules (the one named, or the first that matches the file), then
 * the editor's corrections; when either applies, the structure is re-derived from the blocks'
 * roles (the same for preview and import). Otherwise the recognition stands.
 */
export async function correctRecognised(
  payload: Payload,
  recognised: Recognised,
  parsed: { format: string; blocks: Block[] },
  options: CorrectOptions,
): Promise<{ recognised: Recognised; profile?: string }> {
  if (recognised.kind === 'special') {
    // Special issues are recognised from their date groups; the correction step does not derive them.
    if (options.corrections?.length || options.profile || options.saveProfile)
      throw new ImportError('corrections and profiles apply to reports, articles and listings, not to special issues')
    return { recognised }
  }
  const base = deriveBlocks(recognised, parsed.blocks)
  const profile: Profile | undefined = options.profile
    ? await profileNamed(payload, options.profile)
    : await matchingProfile(payload, recognised.kind, parsed.format, base)
  const corrections = options.corrections ?? []
  if (!profile && !corrections.length && !options.saveProfile) return { recognised }
  const profiled = profile ? applyRules(base, profile.rules) : base
  const blocks = applyCorrections(profiled, corrections)
  const known = await knownNames(payload)
  const derived = deriveFromRoles(recognised.kind, blocks, { knownOutlets: known.sources })
  if (options.saveProfile) {
    const rules = [...(profile?.rules ?? []), ...generalise(profiled, corrections)]
    await saveProfile(payload, { name: options.saveProfile, kind: recognised.kind, format: parsed.format, rules })
  }
  return { recognised: derived, profile: profile?.name }
}
