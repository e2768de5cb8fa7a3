/** Small self-contained HTML pages for the subscription flow (no scripts, no external CSS). */
import { escapeHtml } from '../lib/html'

export { escapeHtml }

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font:17px/1.5 Georgia,serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.5rem}button{font:inherit;padding:.5rem 1rem;cursor:pointer}.muted{color:#555}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}.muted{color:#aaa}}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}<p class="muted"><a href="/">Back to the site</a></p></main></body></html>`
}

export const checkInboxPage = () =>
  page(
    'Check your inbox',
    '<p>If this address can receive our newsletter, a message with a confirmation link is on its way. Open it to finish subscribing.</p>',
  )

export const messagePage = (title: string, message: string) => page(title, `<p>${escapeHtml(message)}</p>`)

export const unsubscribeConfirmPage = (token: string, email: string) =>
  page(
    'Unsubscribe?',
    `<p>Stop sending the newsletter to <strong>${escapeHtml(email)}</strong>?</p>
<form method="post" action="/unsubscribe?token=${encodeURIComponent(token)}"><input type="hidden" name="confirm" value="1">
<button type="submit">Unsubscribe</button></form>`,
  )

/** `extra`: further sections (the tracking switch of src/analytics/privacy.ts). */
export const preferencesPage = (token: string, email: string, status: string, extra = '') => {
  const subscribed = status === 'active'
  const action = subscribed ? 'unsubscribe' : 'resubscribe'
  return page(
    'Your newsletter preferences',
    `<p><strong>${escapeHtml(email)}</strong> is ${subscribed ? 'subscribed' : `<em>${escapeHtml(status)}</em>`}.</p>
<form method="post" action="/preferences?token=${encodeURIComponent(token)}"><input type="hidden" name="action" value="${action}">
<button type="submit">${subscribed ? 'Unsubscribe' : 'Subscribe again'}</button></form>${extra}`,
  )
}
