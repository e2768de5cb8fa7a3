import type { Config } from 'payload'

/** Reuse with provenance: the reuse endpoint, the "reused in" join, the related-items panel. */
export const withReuse = (config: Config): Config => config
