import type { CollectionConfig } from 'payload'

const nobody = () => false

/**
 * Rate-limit counters shared by every instance on the database: one row per limit, key and fixed
 * window (`<limit>:<key>:<window start>`), incremented by compare-and-set (src/lib/rateLimit.ts).
 * Expired windows are pruned. Internal: no access except through the Local API with overrideAccess.
 */
export const RateLimits: CollectionConfig = {
  slug: 'rate-limits',
  labels: { singular: 'Rate-limit counter', plural: 'Rate-limit counters' },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  timestamps: false,
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'count', type: 'number', required: true, defaultValue: 0 },
    { name: 'resetAt', type: 'date', required: true, index: true },
  ],
}
