/**
 * Which clicks a person made. Link scanners (corporate mail gateways, security suites) fetch links
 * before the reader sees the message; their clicks are "scanner clicks", excluded from human clicks:
 * - a click within SCANNER_DELAY_MS of delivery (people do not open and click that fast);
 * - clicks on every link of a message within SWEEP_MS of each other (people follow one or two);
 * - a hit on the invisible canary link (index 0), and every click of that message within SWEEP_MS of it.
 */
export const SCANNER_DELAY_MS = 10_000
export const SWEEP_MS = 30_000

export type Click = { message: string; link: number; at: number; sentAt: number | null }

export function scannerClicks(clicks: Click[], linkCount: number): Set<Click> {
  const scanner = new Set<Click>()
  const byMessage = new Map<string, Click[]>()
  for (const c of clicks) {
    if (c.link === 0 || (c.sentAt !== null && c.at - c.sentAt < SCANNER_DELAY_MS)) scanner.add(c)
    const list = byMessage.get(c.message) ?? []
    list.push(c)
    byMessage.set(c.message, list)
  }
  for (const list of byMessage.values()) {
    list.sort((a, b) => a.at - b.at)
    for (const canary of list.filter((c) => c.link === 0))
      for (const c of list) if (Math.abs(c.at - canary.at) <= SWEEP_MS) scanner.add(c)
    if (linkCount < 2) continue
    for (let i = 0; i < list.length; i++) {
      const window = list.filter((c) => c.at >= list[i].at && c.at - list[i].at <= SWEEP_MS && c.link > 0)
      if (new Set(window.map((c) => c.link)).size >= linkCount) for (const c of window) scanner.add(c)
    }
  }
  return scanner
}
