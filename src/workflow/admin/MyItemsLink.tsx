import React from 'react'

/** "My items" at the top of the nav: the signed-in user's assigned items. */
export function MyItemsLink() {
  return (
    <a href="/admin/my-items" className="nav__link" id="nav-my-items" style={{ display: 'block', padding: '4px 0' }}>
      My items
    </a>
  )
}
