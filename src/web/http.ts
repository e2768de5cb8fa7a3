import type { Request, Response } from 'express'

import type { CachedPage } from './cache'

/** Whether the request's validators match the page (If-None-Match first, then If-Modified-Since). */
export function isNotModified(req: Request, page: CachedPage): boolean {
  const inm = req.headers['if-none-match']
  if (inm) {
    if (inm.trim() === '*') return true
    return inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === page.etag)
  }
  const ims = req.headers['if-modified-since']
  if (ims) {
    const since = Date.parse(ims)
    return Number.isFinite(since) && Date.parse(page.lastModified) <= since
  }
  return false
}

/** Send a page with ETag/Last-Modified, answering 304 to a matching conditional request. */
export function sendPage(
  req: Request,
  res: Response,
  page: CachedPage,
  cacheControl = 'public, max-age=0, must-revalidate',
  extra: Record<string, string> = {},
): void {
  const headers: Record<string, string | number> = {
    ...extra,
    'Content-Type': page.type,
    'Cache-Control': cacheControl,
  }
  if (page.status === 200) {
    headers.ETag = page.etag
    headers['Last-Modified'] = page.lastModified
    if (isNotModified(req, page)) {
      res.writeHead(304, headers)
      res.end()
      return
    }
  }
  headers['Content-Length'] = page.body.length
  res.writeHead(page.status, headers)
  res.end(req.method === 'HEAD' ? undefined : page.body)
}
