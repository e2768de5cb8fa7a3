import type { Field } from 'payload'

/** `publishOverride: { reason }`: not stored; read by the publish gate on the save that publishes. */
export const publishOverrideField: Field = {
  name: 'publishOverride',
  type: 'group',
  virtual: true,
  label: 'Publish despite preflight problems',
  admin: {
    position: 'sidebar',
    description:
      'Editors: to publish while preflight lists blocking problems, give the reason here, then publish. The reason is kept in the overrides below.',
  },
  fields: [{ name: 'reason', type: 'textarea', label: 'Override reason', maxLength: 1000 }],
}

/** The history of overrides: who published or sent despite which blocking problems, when and why. */
export const overridesField: Field = {
  name: 'overrides',
  type: 'array',
  label: 'Preflight overrides',
  labels: { singular: 'Override', plural: 'Overrides' },
  admin: { readOnly: true, position: 'sidebar', initCollapsed: true },
  fields: [
    { name: 'reason', type: 'textarea', required: true },
    { name: 'user', type: 'relationship', relationTo: 'users' },
    { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'action',
      type: 'select',
      options: [
        { label: 'Publish', value: 'publish' },
        { label: 'Send', value: 'send' },
      ],
    },
    { name: 'codes', type: 'text', hasMany: true, label: 'Problem codes' },
  ],
}

/** The preflight panel in the sidebar (src/preflight/admin/PreflightPanel.tsx). */
export const preflightPanelField: Field = {
  name: 'preflight',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: '/preflight/admin/PreflightPanel#PreflightField' } },
}
