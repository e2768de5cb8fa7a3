import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { defaultPeriod, nextPublicationDay } from '../../src/lib/dates'
import { asSystem } from '../../src/lib/system'

/**
 * Defaults and uniqueness for an issue: volume (latest), number (next in the volume), slug
 * `<volume>-<number>`, planned publication day (next Friday) and the period (the seven days
 * ending on it). A duplicate volume+number is refused with a message naming it.
 */
export const issueNumbering: CollectionBeforeValidateHook = async ({ data, req, originalDoc, operation }) => {
  if (!data) return data
  const merged = { ...(originalDoc ?? {}), ...data }
  const { payload } = req

  if (merged.volume === undefined || merged.volume === null || merged.volume === '') {
    const latest = await payload.find({
      collection: 'issues',
      sort: '-volume',
      limit: 1,
      depth: 0,
      draft: true,
      req,
      ...asSystem('derived'),
    })
    data.volume = (latest.docs[0]?.volume as number | undefined) ?? 1
    merged.volume = data.volume
  }
  if (merged.number === undefined || merged.number === null || merged.number === '') {
    const latest = await payload.find({
      collection: 'issues',
      where: { volume: { equals: merged.volume } },
      sort: '-number',
      limit: 1,
      depth: 0,
      draft: true,
      req,
      ...asSystem('derived'),
    })
    data.number = ((latest.docs[0]?.number as number | undefined) ?? 0) + 1
    merged.number = data.number
  }

  const volume = Number(merged.volume)
  const number = Number(merged.number)
  if (!Number.isInteger(volume) || volume < 1 || !Number.isInteger(number) || number < 1) {
    throw new ValidationError({
      collection: 'issues',
      errors: [{ path: 'number', message: 'Volume and number must be whole numbers from 1 up.' }],
    })
  }
  const clash = await payload.find({
    collection: 'issues',
    where: {
      and: [
        { volume: { equals: volume } },
        { number: { equals: number } },
        ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
    limit: 1,
    depth: 0,
    draft: true,
    req,
    ...asSystem('derived'),
  })
  if (clash.docs.length) {
    throw new ValidationError({
      collection: 'issues',
      errors: [{ path: 'number', message: `Weekly Report ${volume}|${number} already exists: choose another number.` }],
    })
  }
  data.slug = `${volume}-${number}`

  if (operation === 'create' || !merged.plannedPublication) {
    data.plannedPublication ??= (merged.plannedPublication as string | undefined) ?? nextPublicationDay().toISOString()
  }
  const planned = (data.plannedPublication ?? merged.plannedPublication) as string
  const period = defaultPeriod(planned)
  if (!merged.periodEnd) data.periodEnd = period.end.toISOString()
  if (!merged.periodStart) data.periodStart = period.start.toISOString()
  const start = new Date((data.periodStart ?? merged.periodStart) as string)
  const end = new Date((data.periodEnd ?? merged.periodEnd) as string)
  if (start.getTime() > end.getTime()) {
    throw new ValidationError({
      collection: 'issues',
      errors: [{ path: 'periodEnd', message: 'The period must end on or after its start.' }],
    })
  }
  return data
}
