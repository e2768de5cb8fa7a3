import type { Command } from 'commander'

import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../security/passwords'
import { fail, withPayload } from '../context'
import { asSystem } from '../../lib/system'

const ROLES = ['admin', 'editor', 'contributor'] as const

export function registerUsers(program: Command): void {
  program
    .command('user:create')
    .description('Create a user account')
    .requiredOption('--email <email>', 'sign-in address')
    .requiredOption('--password <password>', `password (at least ${MIN_PASSWORD_LENGTH} characters, not a common one)`)
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'contributor')
    .option('--name <name>', 'display name')
    .action(async (opts: { email: string; password: string; role: string; name?: string }) => {
      if (!ROLES.includes(opts.role as (typeof ROLES)[number])) fail(`--role must be one of ${ROLES.join(', ')}`)
      const problem = passwordProblem(opts.password)
      if (problem) fail(`--password: ${problem}`)
      await withPayload(async (payload) => {
        const existing = await payload.find({
          collection: 'users',
          where: { email: { equals: opts.email.toLowerCase() } },
          limit: 1,
        })
        if (existing.docs.length) fail(`a user with email ${opts.email} already exists`)
        const user = await payload.create({
          collection: 'users',
          ...asSystem('operator'),
          context: { explicitRole: true },
          data: {
            email: opts.email,
            password: opts.password,
            role: opts.role as (typeof ROLES)[number],
            name: opts.name,
          },
        })
        console.log(`created ${user.role} ${user.email} (id ${user.id})`)
      }).catch((err: Error) => fail(err.message))
    })
}
