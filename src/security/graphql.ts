import { GRAPHQL_PLAYGROUND_GET, GRAPHQL_POST } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import { graphqlEnabled } from '../env'
import { GRAPHQL_OFF, graphqlRefusal } from './graphqlLimits'

type Config = SanitizedConfig | Promise<SanitizedConfig>

const refuse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** /api/graphql: 404 when GRAPHQL=off; 400 for a query over the limits; Payload's handler otherwise. */
export const graphqlPost = (config: Config) => {
  const payloadHandler = GRAPHQL_POST(config)
  return async (request: Request): Promise<Response> => {
    const refusal = graphqlRefusal(await request.clone().text())
    return refusal ? refuse(refusal.status, refusal.message) : payloadHandler(request)
  }
}

/** /api/graphql-playground: not served when GRAPHQL=off (Payload serves it in development regardless). */
export const graphqlPlaygroundGet = (config: Config) => {
  const payloadHandler = GRAPHQL_PLAYGROUND_GET(Promise.resolve(config))
  return async (request: Request): Promise<Response> =>
    graphqlEnabled() ? payloadHandler(request) : refuse(404, GRAPHQL_OFF)
}
