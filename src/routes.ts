import type { Express } from 'express'

/**
 * Public HTTP routes served by express before the Next/Payload handler. Each capability
 * (web pages, feeds, subscriptions, search) adds its router here.
 */
export async function mountPublicRoutes(app: Express): Promise<void> {
  void app
}
