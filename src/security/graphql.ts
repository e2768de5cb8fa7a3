import { GRAPHQL_PLAYGROUND_GET, GRAPHQL_POST } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import { graphqlEnabled } from '../env'
import { queryProblem } from './graphqlLimits'

type Config = SanitizedConfig | Promise<SanitizedConfig>

const refuse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })
const OFF = 'GraphQL is off on this server (GRAPHQL=off); use the REST API at /api.'

/** The limits of a POST body, checked before Payload parses or runs anything. */
async function bodyProblem(request: Request): Promise<string | null> {
  let body: unknown
  try {
    body = await request.clone().json()
  } catch {
    return null // not JSON: Payload answers that itself
  }
  const { query, variables } = (body ?? {}) as { query?: unknown; variables?: unknown }
  if (typeof query !== 'string') return null
  const vars = variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {}
  return queryProblem(query, vars)
}

/** /api/graphql: 404 when GRAPHQL=off; 400 for a query over the limits; Payload's handler otherwise. */
export const graphqlPost = (config: Config) => {
  const payloadHandler = GRAPHQL_POST(config)
  return async (request: Request): Promise<Response> => {
    if (!graphqlEnabled()) return refuse(404, OFF)
    const problem = await bodyProblem(request)
    if (problem) return refuse(400, problem)
    return payloadHandler(request)
  }
}

/** /api/graphql-playground: not served when GRAPHQL=off (Payload serves it in development regardless). */
export const graphqlPlaygroundGet = (config: Config) => {
  const payloadHandler = GRAPHQL_PLAYGROUND_GET(Promise.resolve(config))
  return async (request: Request): Promise<Response> => (graphqlEnabled() ? payloadHandler(request) : refuse(404, OFF))
}
