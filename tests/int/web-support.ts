import type { AddressInfo } from 'node:net'

import { DOMParser } from '@xmldom/xmldom'
import express, { type Express } from 'express'
import type { Payload } from 'payload'

import { mountWebRoutes } from '../../src/web/routes'

/** An express app with only the web routes, on a random port of 127.0.0.1. */
export async function startWebApp(payload: Payload): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express()
  await mountWebRoutes(app, { payload: async () => payload })
  return serve(app)
}

/** Serve an express app on a random port of 127.0.0.1. */
export async function serve(app: Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Parse XML strictly: any well-formedness error throws. */
export function parseXml(text: string): Document {
  const errors: string[] = []
  const doc = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: (m: string) => errors.push(m),
      fatalError: (m: string) => errors.push(m),
    },
  }).parseFromString(text, 'text/xml')
  if (errors.length) throw new Error(`XML does not parse: ${errors.join('; ')}`)
  return doc as unknown as Document
}
