import type { Field } from 'payload'

type Id = number | string
/** Map a related document's id (in collection `relationTo`) to another id; undefined drops it. */
export type IdMap = (relationTo: string, id: Id) => Id | undefined

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => Boolean(v) && typeof v === 'object' && !Array.isArray(v)

/** Inline/blocks in rich text that hold relations, by block type: field → collection. */
const RICH_TEXT_BLOCK_RELATIONS: Record<string, Record<string, string>> = { glossaryTerm: { term: 'glossary-terms' } }

function mapOne(value: unknown, relationTo: string | string[], map: IdMap): unknown {
  if (value === null || value === undefined) return value
  if (Array.isArray(relationTo)) {
    if (!isObj(value)) return value
    const target = value.relationTo as string
    const id = isObj(value.value) ? (value.value.id as Id) : (value.value as Id)
    const mapped = map(target, id)
    return mapped === undefined ? undefined : { relationTo: target, value: mapped }
  }
  const id = isObj(value) ? (value.id as Id) : (value as Id)
  return map(relationTo, id)
}

/** Rich text: relationship/upload nodes, links to documents and glossary marks. */
function mapRichText(value: unknown, map: IdMap): unknown {
  if (Array.isArray(value)) return value.map((v) => mapRichText(v, map))
  if (!isObj(value)) return value
  const out: Obj = {}
  for (const [k, v] of Object.entries(value)) out[k] = mapRichText(v, map)
  if (
    typeof out.relationTo === 'string' &&
    'value' in out &&
    (out.type === 'relationship' || out.type === 'upload' || out.type === undefined)
  ) {
    const mapped = mapOne(out.value, out.relationTo, map)
    if (mapped !== undefined) out.value = mapped
  }
  if (isObj(out.fields) && typeof out.fields.blockType === 'string') {
    const rels = RICH_TEXT_BLOCK_RELATIONS[out.fields.blockType] ?? {}
    for (const [field, target] of Object.entries(rels))
      out.fields[field] = mapOne(out.fields[field], target, map) ?? null
  }
  return out
}

/**
 * Rewrite every relation in a document (relationship and upload fields, inside rows, tabs,
 * groups, arrays and blocks, and inside rich text) through `map`; join fields are dropped.
 */
export function remapRelations(fields: Field[], doc: Obj, map: IdMap, blocks: Record<string, Field[]> = {}): Obj {
  const out: Obj = { ...doc }
  for (const field of fields) {
    if (
      field.type === 'row' ||
      field.type === 'collapsible' ||
      (field.type === 'group' && !('name' in field && field.name))
    ) {
      Object.assign(out, remapRelations(field.fields, out, map, blocks))
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          if (isObj(out[tab.name])) out[tab.name] = remapRelations(tab.fields, out[tab.name] as Obj, map, blocks)
        } else Object.assign(out, remapRelations(tab.fields, out, map, blocks))
      }
      continue
    }
    if (!('name' in field) || !field.name || !(field.name in out)) continue
    const value = out[field.name]
    switch (field.type) {
      case 'join':
        delete out[field.name]
        break
      case 'relationship':
      case 'upload':
        out[field.name] = Array.isArray(value)
          ? value.map((v) => mapOne(v, field.relationTo, map)).filter((v) => v !== undefined)
          : (mapOne(value, field.relationTo, map) ?? null)
        break
      case 'group':
        if (isObj(value)) out[field.name] = remapRelations(field.fields, value, map, blocks)
        break
      case 'array':
        if (Array.isArray(value))
          out[field.name] = value.map((row) => (isObj(row) ? remapRelations(field.fields, row, map, blocks) : row))
        break
      case 'blocks':
        if (Array.isArray(value)) {
          out[field.name] = value.map((row) => {
            if (!isObj(row)) return row
            const block = field.blocks.find((b) => b.slug === row.blockType)
            return block ? remapRelations(block.fields, row, map, blocks) : row
          })
        }
        break
      case 'richText':
        out[field.name] = mapRichText(value, map)
        break
    }
  }
  return out
}

/** The collections a collection's fields point at (relationship and upload fields; only required ones if asked). */
export function relationTargets(fields: Field[], requiredOnly = false): Set<string> {
  const found = new Set<string>()
  const walk = (list: Field[]) => {
    for (const f of list) {
      if ((f.type === 'relationship' || f.type === 'upload') && (!requiredOnly || f.required))
        [f.relationTo].flat().forEach((t) => found.add(t))
      if ('fields' in f && Array.isArray(f.fields)) walk(f.fields)
      if (f.type === 'tabs') f.tabs.forEach((t) => walk(t.fields))
      if (f.type === 'blocks') f.blocks.forEach((b) => walk(b.fields))
      if (f.type === 'richText' && !requiredOnly) found.add('glossary-terms')
    }
  }
  walk(fields)
  return found
}
