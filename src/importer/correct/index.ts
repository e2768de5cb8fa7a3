import type { Payload } from 'payload'

import { deriveFromRoles, type DeriveBlock } from '../recognise/derive'
import type { Block, Recognised } from '../types'
import { knownNames } from '../writer/lookups'
import { applyCorrections, type Correction } from './corrections'

export type CorrectOptions = { corrections?: Correction[] }

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
 * The correction step: when corrections are given, the structure is re-derived from the blocks'
 * roles after them (the same for preview and import); otherwise the recognition stands.
 */
export async function correctRecognised(
  payload: Payload,
  recognised: Recognised,
  parsed: Block[],
  options: CorrectOptions,
): Promise<Recognised> {
  if (!options.corrections?.length) return recognised
  const blocks = applyCorrections(deriveBlocks(recognised, parsed), options.corrections)
  const known = await knownNames(payload)
  return deriveFromRoles(recognised.kind, blocks, { knownOutlets: known.sources })
}
