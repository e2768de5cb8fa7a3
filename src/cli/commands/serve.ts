import type { Command } from 'commander'

import { port, setPort } from '../../env'

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the web server (admin /admin, REST /api, the public site); production runs migrations first')
    .option('--port <port>', 'port to listen on (default PORT or 3000)')
    .action(async (opts: { port?: string }) => {
      if (opts.port) setPort(opts.port)
      const { startServer } = await import('../../server')
      await startServer()
      console.log(`Briefing on http://localhost:${port()} (admin /admin, API /api)`)
    })
}
