import type { CollectionConfig } from 'payload'

import { anyone, isEditor, isStaff } from '../src/access'
import { mediaDir as envMediaDir } from '../src/env'

export const mediaDir = envMediaDir()

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Media', plural: 'Media' },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'credit'] },
  access: { read: anyone, create: isStaff, update: isEditor, delete: isEditor },
  upload: {
    staticDir: mediaDir,
    mimeTypes: ['image/*'],
    imageSizes: [
      { name: 'thumbnail', width: 400 },
      { name: 'card', width: 768 },
      { name: 'feature', width: 1280 },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: 'Alt text',
      admin: { description: 'Describe the image for readers who cannot see it.' },
    },
    { name: 'caption', type: 'text' },
    { name: 'credit', type: 'text', admin: { description: 'e.g. XINHUA' } },
  ],
}
