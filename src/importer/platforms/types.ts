import type { ImportedItem } from '../types'

export type Platform = 'wordpress' | 'substack' | 'ghost'

export const PLATFORM_NAMES: Record<Platform, string> = {
  wordpress: 'WordPress export',
  substack: 'Substack export',
  ghost: 'Ghost export',
}

/** One post of a platform export, as an item: `importKey` ("platform:id") finds it again on re-import. */
export type ImportedPost = ImportedItem & {
  importKey: string
  tags: string[]
  /** Published on the platform (items are still written as drafts unless --publish). */
  published: boolean
}

/** Consent as the export states it: only a confirmed, subscribed reader becomes active. */
export type ImportedSubscriber = { email: string; name?: string; status: 'active' | 'pending' | 'unsubscribed' }

export type ImportedExport = {
  kind: 'export'
  platform: Platform
  posts: ImportedPost[]
  subscribers: ImportedSubscriber[]
  warnings: string[]
  /** The issue and section the posts go to (as given). */
  place?: { issue: string; section: string }
}
