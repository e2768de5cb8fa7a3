/**
 * Boot Payload once on DATABASE_URI (a new PostgreSQL database: Payload creates it and pushes the
 * schema), then close it: the template the int suite copies for each test file (pgTemplate.ts).
 */
import { getPayload } from 'payload'

import config from '../../src/payload.config'
import { closeDatabase } from '../../src/lib/db'

const payload = await getPayload({ config })
await closeDatabase(payload)
process.exit(0)
