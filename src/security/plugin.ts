import type { Plugin } from 'payload'

import { refuseNulInCollection, refuseNulInGlobal } from './nulBytes'

/**
 * Input hardening for every collection and global, including those other plugins add (so this
 * plugin runs last): text containing NUL bytes is refused before validation.
 */
export const securityPlugin: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeValidate: [refuseNulInCollection, ...(collection.hooks?.beforeValidate ?? [])],
    },
  })),
  globals: (config.globals ?? []).map((global) => ({
    ...global,
    hooks: { ...global.hooks, beforeValidate: [refuseNulInGlobal, ...(global.hooks?.beforeValidate ?? [])] },
  })),
})
