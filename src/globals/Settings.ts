import type { GlobalConfig } from 'payload'

import { anyone, isAdmin } from '../access'

export const Settings: GlobalConfig = {
  slug: 'settings',
  label: 'Settings',
  access: { read: anyone, update: isAdmin },
  fields: [
    { name: 'publicationName', type: 'text', required: true, defaultValue: 'Briefing' },
    {
      type: 'row',
      fields: [
        { name: 'senderName', type: 'text', defaultValue: 'Briefing' },
        { name: 'senderEmail', type: 'email', defaultValue: 'briefing@example.com' },
        { name: 'replyTo', type: 'email' },
      ],
    },
    { name: 'publicUrl', type: 'text', admin: { description: 'Overrides PUBLIC_URL when set.' } },
    { name: 'footer', type: 'textarea', defaultValue: 'You receive this because you subscribed to the weekly report.' },
    { name: 'logo', type: 'upload', relationTo: 'media' },
  ],
}
