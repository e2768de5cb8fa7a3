import type { CollectionConfig } from 'payload'

import { adminOrSelf, isAdmin, isAdminField } from '../src/access'
import { publicUrl } from '../src/env'
import { checkNewPassword, forgiveSuccessfulLogin, loginGuard } from '../src/security/login'
import { asSystem } from '../src/lib/system'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'User', plural: 'Users' },
  auth: {
    tokenExpiration: 60 * 60 * 8,
    // No lockout: an attacker could lock every admin out. Failed sign-ins are rate-limited per
    // address and account instead (src/security/login.ts), answering 429.
    maxLoginAttempts: 0,
    // Browsers drop Secure cookies on plain http, so only when the public address is https.
    cookies: { secure: publicUrl().startsWith('https:'), sameSite: 'Lax' },
  },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'role'] },
  access: {
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    admin: ({ req }) => Boolean(req.user),
  },
  hooks: {
    beforeOperation: [loginGuard],
    afterLogin: [forgiveSuccessfulLogin],
    beforeValidate: [checkNewPassword],
    beforeChange: [
      async ({ data, req, operation, context }) => {
        // The first account created on a fresh install becomes the admin, unless a role was chosen
        // explicitly (the `user:create` CLI passes context.explicitRole).
        if (operation === 'create' && !context?.explicitRole) {
          const { totalDocs } = await req.payload.count({ collection: 'users', req, ...asSystem('derived') })
          if (totalDocs === 0) data.role = 'admin'
        }
        return data
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'contributor',
      saveToJWT: true,
      access: { create: isAdminField, update: isAdminField },
      options: [
        { label: 'Admin', value: 'admin' },
        { label: 'Editor', value: 'editor' },
        { label: 'Contributor', value: 'contributor' },
      ],
      admin: {
        description: 'Contributors draft items; editors publish; admins manage users and settings.',
        // Not on the sign-up form of a fresh install: the first account is made admin whatever it showed.
        condition: (_data, _siblingData, { user }) => Boolean(user),
      },
    },
  ],
}
