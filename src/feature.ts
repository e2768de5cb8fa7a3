import type { Command } from 'commander'
import type { Express } from 'express'
import type { Plugin } from 'payload'

/**
 * What a capability adds to Briefing, exported as one manifest from `src/<feature>/index.ts`: its
 * Payload plugin (collections, fields, endpoints, hooks, admin views), its express routes and its CLI
 * commands. Routes and commands are loaded when used, so that the Payload config (which Next bundles)
 * only pulls in the plugins.
 */
export type Feature = {
  name: string
  plugin?: Plugin
  /** Mount the feature's express routes (before the Next/Payload handler). */
  routes?: (app: Express) => Promise<void>
  /** Register the feature's `briefing` commands. */
  commands?: (program: Command) => Promise<void>
  /** The web pages own `/`: their routes are mounted after every other feature's. */
  routesLast?: boolean
}
