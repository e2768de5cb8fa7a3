import React from 'react'

/** Navigation link to the import screen. */
export function ImportNavLink() {
  return (
    <a
      href="/admin/import"
      className="nav__link"
      id="nav-import-reports"
      style={{ display: 'block', padding: '4px 0' }}
    >
      Import reports
    </a>
  )
}
