import type { Endpoint, GlobalConfig, TextFieldSingleValidation } from 'payload'

import { anyone, isAdmin } from '../access'
import { errorResponse } from '../lib/endpoint'

/** An absolute http(s) URL with a host (no credentials), or nothing. */
export const validatePublicUrl: TextFieldSingleValidation = (value) => {
  if (value === null || value === undefined || value === '') return true
  try {
    const url = new URL(value)
    if (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname &&
      !url.username &&
      value === value.trim()
    )
      return true
  } catch {
    // not a URL at all
  }
  return 'Enter an absolute http(s) URL, such as https://briefing.example.com.'
}

/** Payload serves version routes for every global; settings keep no versions, so say so (not a 500). */
const noVersions: Endpoint['handler'] = () => errorResponse(404, 'Settings keep no version history.')

export const Settings: GlobalConfig = {
  slug: 'settings',
  label: 'Settings',
  access: { read: anyone, update: isAdmin },
  endpoints: [
    { path: '/versions', method: 'get', handler: noVersions },
    { path: '/versions/:id', method: 'get', handler: noVersions },
    { path: '/versions/:id', method: 'post', handler: noVersions },
  ],
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
    {
      name: 'publicUrl',
      type: 'text',
      validate: validatePublicUrl,
      admin: { description: 'Overrides PUBLIC_URL when set: an absolute http(s) URL.' },
    },
    { name: 'footer', type: 'textarea', defaultValue: 'You receive this because you subscribed to the weekly report.' },
    { name: 'logo', type: 'upload', relationTo: 'media' },
  ],
}
