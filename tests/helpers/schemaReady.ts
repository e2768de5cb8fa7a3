/**
 * Databases of this test process that already have the schema: on PostgreSQL, the copies of the run's
 * template database (bootPayload). A child process started on one of them (CLI, web instance, worker)
 * skips the development schema push (BRIEFING_DB_PUSH=0): the introspection finds nothing to change
 * and cost 8–30 s per start on a busy machine. Children on any other database push as a user's would.
 */
const ready = new Set<string>()

export const markSchemaReady = (uri: string): void => void ready.add(uri)

/** The environment for a child process: BRIEFING_DB_PUSH=0 when its database has the schema (unless set). */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const uri = env.DATABASE_URI
  if (env.BRIEFING_DB_PUSH !== undefined || !uri || !ready.has(uri)) return env
  return { ...env, BRIEFING_DB_PUSH: '0' }
}
