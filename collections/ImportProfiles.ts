import type { CollectionConfig } from 'payload'

import { isEditor } from '../src/access'
import { checkRules, PATTERN_RULE, safePattern } from '../src/importer/correct/rules'

const validPattern = (value: unknown): true | string =>
  value === undefined || value === null || value === '' || safePattern(value)
    ? true
    : `The pattern must be ${PATTERN_RULE} (or leave it empty).`

/**
 * Corrections from the admin Import view saved under a name ("CACR Wix page"), generalised into
 * rules that find blocks by their text. Imports of the same kind and format apply a matching
 * profile automatically; `briefing import --profile NAME` names one (docs/import.md).
 */
export const ImportProfiles: CollectionConfig = {
  slug: 'import-profiles',
  labels: { singular: 'Import profile', plural: 'Import profiles' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'format', 'match'],
    description: 'Saved corrections for the importer, applied to later imports of the same kind.',
  },
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 120 },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { label: 'Weekly report', value: 'report' },
        { label: 'Single article', value: 'article' },
        { label: 'Listing of posts', value: 'listing' },
      ],
    },
    {
      name: 'format',
      type: 'select',
      options: ['txt', 'html', 'md', 'docx', 'pdf'].map((f) => ({ label: f, value: f })),
      admin: { description: 'Only files of this format (empty: any).' },
    },
    {
      name: 'match',
      type: 'text',
      validate: validPattern,
      admin: {
        description:
          'Applied automatically only to files with a line matching this pattern — text, \\d+ for a number, \\s+ for spaces, ^ and $ (empty: every file of the kind and format).',
      },
    },
    {
      name: 'rules',
      type: 'json',
      required: true,
      validate: checkRules,
      admin: {
        description:
          'role, join, split and move rules; each finds blocks by "match" (a pattern: text, \\d+, \\s+, ^ and $).',
      },
    },
  ],
}
