'use client'
import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { usePathname, useRouter } from 'next/navigation'
import { useEffect } from 'react'

const SEEN = 'briefing:composer-seen:'

/** Remember (for this browser tab) that this issue was opened once: the Edit view is then left alone. */
export const markComposerSeen = (id: string): void => {
  try {
    sessionStorage.setItem(`${SEEN}${id}`, '1')
  } catch {
    // storage refused (privacy mode): the Edit tab may then send an editor to the composer again
  }
}

const seen = (id: string): boolean => {
  try {
    return sessionStorage.getItem(`${SEEN}${id}`) === '1'
  } catch {
    return true
  }
}

/**
 * Sits in an issue's edit view: the first time an editor opens a saved issue in this browser tab, it
 * replaces the URL with the Composer tab (Payload has no setting for another default edit view). After
 * that, the Edit tab and links to the issue open the edit view and stay there. Admins keep the edit view.
 */
export function OpenComposer() {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const router = useRouter()
  const pathname = usePathname()
  const editPath = `${config.routes.admin}/collections/issues/${String(id)}`
  useEffect(() => {
    if (id === undefined || id === null || pathname !== editPath) return
    if ((user as { role?: string } | null)?.role !== 'editor' || seen(String(id))) return
    markComposerSeen(String(id))
    router.replace(`${editPath}/composer`)
  }, [id, user, pathname, editPath, router])
  return null
}
