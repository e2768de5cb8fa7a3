import { GRAPHQL_PLAYGROUND_GET, GRAPHQL_POST } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import { graphqlEnabled } from '../env'
import { errorResponse } from '../lib/endpoint'
import { GRAPHQL_OFF, graphqlRefusal } from './graphqlLimits'

type Config = SanitizedConfig | Promise<SanitizedConfig>

/** /api/graphql: 404 when GRAPHQL=off; 400 for a query over the limits; Payload's handler otherwise. */
export const graphqlPost = (config: Config) => {
  const payloadHandler = GRAPHQL_POST(config)
  return async (request: Request): Promise<Response> => {
    const refusal = graphqlRefusal(await request.clone().text())
    return refusal ? errorResponse(refusal.status, refusal.message) : payloadHandler(request)
  }
}

/** /api/graphql-playground: not served when GRAPHQL=off (Payload serves it in development regardless). */
export const graphqlPlaygroundGet = (config: Config) => {
  const payloadHandler = GRAPHQL_PLAYGROUND_GET(Promise.resolve(config))
  return async (request: Request): Promise<Response> =>
    graphqlEnabled() ? payloadHandler(request) : errorResponse(404, GRAPHQL_OFF)
}
