/** Field validation: empty, or a full http(s) address. */
export function optionalUrl(value: unknown): true | string {
  if (value === undefined || value === null || value === '') return true
  return typeof value === 'string' && /^https?:\/\/\S+$/i.test(value)
    ? true
    : 'Enter a full web address starting with http:// or https://'
}
