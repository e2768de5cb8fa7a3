import { getPayload, type Payload } from 'payload'

import config from '../payload.config'

/** The process-wide Payload instance (getPayload caches it). */
export const getBriefingPayload = (): Promise<Payload> => getPayload({ config })
