import type { Config } from 'payload'

/** The admin Search view. */
export const withSearchAdmin = (config: Config): Config => config
