import { simpleParser } from 'mailparser'
import { describe, expect, it } from 'vitest'

import { compileMessage, personalise } from '../../src/newsletter/mime'

const url =
  'https://briefing.example.com/unsubscribe?token=WyJ1bnN1YnNjcmliZSIsIjEyMzQiLCJyZWFkZXJAZXhhbXBsZS5jb20iLDBd.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG&x=1'

describe('compile once, personalise by tokens', () => {
  it('never splits a token with quoted-printable wrapping, at any line offset, with Chinese around it', async () => {
    for (let k = 0; k < 80; k += 3) {
      const html = `<p>${'x'.repeat(k)}<a href="{{unsubscribe_url}}">Unsubscribe</a> 动态清零 ${'中'.repeat(k % 17)}{{email}}</p>`
      const text = `${'y'.repeat(k)}{{unsubscribe_url}}\n${'文'.repeat(k % 13)}{{email}}`
      const message = compileMessage({
        campaignKey: `k${k}`,
        subject: 'Weekly Report 3|9 — 动态清零',
        html,
        text,
        from: { name: 'Briefing 简报', address: 'briefing@example.com' },
        listId: 'Briefing <briefing.example.com>',
      })
      const raw = personalise(message, {
        email: 'reader@example.com',
        name: 'Reader Name',
        messageId: '<id@example.com>',
        unsubscribeUrl: url,
        unsubscribeMailto: 'mailto:unsubscribe@example.com',
        values: { unsubscribe_url: url, email: 'reader@example.com' },
      }).toString('utf8')
      expect(raw.split('\r\n').every((line) => line.length <= 998)).toBe(true)
      const body = raw.slice(raw.indexOf('\r\n\r\n'))
      expect(body.split('\r\n').every((line) => line.length <= 76)).toBe(true)
      const mail = await simpleParser(raw)
      expect(mail.html).toContain(`<a href="${url.replace('&', '&amp;')}">Unsubscribe</a> 动态清零`)
      expect(mail.html).toContain(`${'中'.repeat(k % 17)}reader@example.com</p>`)
      expect(mail.text).toContain(`${'y'.repeat(k)}${url}\n`)
      expect(mail.subject).toBe('Weekly Report 3|9 — 动态清零')
      expect(mail.from?.value[0]).toEqual({ name: 'Briefing 简报', address: 'briefing@example.com' })
    }
  })
})
