/**
 * Opens fetched by a mail provider's proxy rather than by a person looking at the message: counted as
 * "machine opens", never as human ones.
 *
 * - Apple Mail Privacy Protection pre-fetches every image of every message on delivery, through
 *   Apple's relays (17.0.0.0/8), with the bare user agent `Mozilla/5.0`.
 * - Gmail fetches images through its image proxy: `… (via ggpht.com GoogleImageProxy)`.
 * - Yahoo (`YahooMailProxy`) and other known fetchers that announce themselves.
 */
const MACHINE_AGENTS: RegExp[] = [
  /^Mozilla\/5\.0$/, // Apple MPP
  /GoogleImageProxy/i,
  /ggpht\.com/i,
  /YahooMailProxy/i,
  /Feedfetcher|bot\b|crawler|spider|preview/i,
]

/** IPv4 prefixes of known proxy fetchers (Apple's 17.0.0.0/8). */
const MACHINE_NETWORKS: RegExp[] = [/^(::ffff:)?17\./]

export function isMachineOpen(userAgent: string | undefined, ip: string | undefined): boolean {
  const ua = (userAgent ?? '').trim()
  if (!ua) return true
  return MACHINE_AGENTS.some((re) => re.test(ua)) || MACHINE_NETWORKS.some((re) => re.test(ip ?? ''))
}
