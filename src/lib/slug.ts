/** URL slug from a name: "People's Daily" → "peoples-daily"; keeps CJK characters. */
export const slugify = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9\u3400-\u9fff]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)

/** beforeValidate helper: fill `slug` from another field when it is empty. */
export const slugFrom =
  (field: string) =>
  ({ value, siblingData }: { value?: unknown; siblingData?: Record<string, unknown> }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    const source = siblingData?.[field]
    return typeof source === 'string' && source.trim() ? slugify(source) : value
  }
