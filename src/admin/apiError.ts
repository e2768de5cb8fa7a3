/** An API answer as the admin reads it: Payload's error shape `{ errors: [{ message }] }` on failure. */
export type ApiErrors = { errors?: Array<{ message?: string; data?: unknown }> }

/** The message of an error answer (every custom endpoint answers in Payload's shape), or `fallback`. */
export const apiErrorMessage = (body: unknown, fallback: string): string => {
  const message = (body as ApiErrors | null)?.errors?.[0]?.message
  return typeof message === 'string' && message ? message : fallback
}
