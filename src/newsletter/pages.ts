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

const tokenAction = (path: string, token: string) => `${path}?token=${encodeURIComponent(token)}`

/** The sign-up form naming every newsletter (the default ones ticked). */
export const subscribePage = (newsletters: Array<{ slug: string; name: string; checked: boolean }>) =>
  page(
    'Subscribe',
    `<form method="post" action="/subscribe">
<p><label>Email address <input type="email" name="email" required autocomplete="email"></label></p>
<p><label>Name (optional) <input type="text" name="name" autocomplete="name"></label></p>
<fieldset><legend>Newsletters</legend>${newsletters
      .map(
        (n) =>
          `<label><input type="checkbox" name="newsletter" value="${escapeHtml(n.slug)}"${n.checked ? ' checked' : ''}> ${escapeHtml(n.name)}</label><br>`,
      )
      .join('')}</fieldset>
<div hidden><label>Leave this field empty <input type="text" name="website" tabindex="-1" autocomplete="off"></label></div>
<button type="submit">Subscribe</button></form>`,
  )

/** Leave the newsletter the link came from, or everything. */
export const unsubscribeConfirmPage = (token: string, email: string, newsletter?: string) =>
  page(
    'Unsubscribe?',
    `<p>Stop sending ${newsletter ? `<strong>${escapeHtml(newsletter)}</strong>` : 'the newsletter'} to <strong>${escapeHtml(email)}</strong>?</p>
<form method="post" action="${tokenAction('/unsubscribe', token)}"><input type="hidden" name="confirm" value="1">
<button type="submit">Unsubscribe${newsletter ? ` from ${escapeHtml(newsletter)}` : ''}</button></form>${
      newsletter
        ? `<form method="post" action="${tokenAction('/unsubscribe', token)}"><input type="hidden" name="confirm" value="1"><input type="hidden" name="scope" value="all">
<button type="submit">Unsubscribe from everything</button></form>`
        : ''
    }
<p><a href="${tokenAction('/preferences', token)}">Choose newsletters</a></p>`,
  )

export type NewsletterChoice = { slug: string; name: string; status: string | null }

export const preferencesPage = (
  token: string,
  email: string,
  status: string,
  choices: NewsletterChoice[] = [],
  /** Further sections (the tracking switch of src/analytics/privacy.ts). */
  extra = '',
) => {
  const subscribed = status === 'active'
  const action = subscribed ? 'unsubscribe' : 'resubscribe'
  const boxes = choices
    .map(
      (n) =>
        `<label><input type="checkbox" name="newsletter" value="${escapeHtml(n.slug)}"${n.status === 'active' ? ' checked' : ''}> ${escapeHtml(n.name)}${n.status && n.status !== 'active' ? ` <span class="muted">(${escapeHtml(n.status)})</span>` : ''}</label><br>`,
    )
    .join('')
  return page(
    'Your newsletter preferences',
    `<p><strong>${escapeHtml(email)}</strong> is ${subscribed ? 'subscribed' : `<em>${escapeHtml(status)}</em>`}.</p>${
      choices.length
        ? `<form method="post" action="${tokenAction('/preferences', token)}"><input type="hidden" name="action" value="save">
<fieldset><legend>Newsletters</legend>${boxes}</fieldset><button type="submit">Save my choice</button></form>`
        : ''
    }
<form method="post" action="${tokenAction('/preferences', token)}"><input type="hidden" name="action" value="${action}">
<button type="submit">${subscribed ? 'Unsubscribe from everything' : 'Subscribe again'}</button></form>${extra}`,
  )
}
