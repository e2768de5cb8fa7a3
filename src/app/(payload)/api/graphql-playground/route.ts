import config from '@payload-config'
import '@payloadcms/next/css'

import { graphqlPlaygroundGet } from '../../../../security/graphql'

export const GET = graphqlPlaygroundGet(config)
