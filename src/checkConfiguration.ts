// Imported first by the entry points (src/server.ts, src/cli/index.ts): with a bad configuration the
// process stops here, with one line naming the variable, before Payload, Next or a database loads.
import { exitOnBadConfiguration } from './env'

exitOnBadConfiguration()
