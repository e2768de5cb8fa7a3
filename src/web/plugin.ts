import type { Plugin } from 'payload'

/** Payload config extensions of this feature (collections, endpoints, hooks, admin views). */
export const webPlugin: Plugin = (config) => config
