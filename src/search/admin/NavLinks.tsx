import React from 'react'

/** Links to this feature's admin views, after the collection links in the nav. */
export function NavLinks() {
  return (
    <div className="briefing-nav-links" style={{ display: 'grid', gap: 8, marginTop: 16 }}>
      <a className="nav__link" href="/admin/search">
        Search archive
      </a>
      <a className="nav__link" href="/admin/consistency">
        Consistency
      </a>
    </div>
  )
}
