import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

/** The admin chrome (nav, header) around one of this feature's custom views. */
export function AdminPage({
  props,
  title,
  children,
}: {
  props: AdminViewServerProps
  title: string
  children: React.ReactNode
}) {
  const { initPageResult, params, searchParams } = props
  const { req, permissions, visibleEntities, locale } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1 style={{ margin: '24px 0' }}>{title}</h1>
        {req.user ? (
          children
        ) : (
          <p>
            Please <a href="/admin/login">sign in</a>.
          </p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
