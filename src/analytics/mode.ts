/**
 * How much a send may observe of its readers. `off` (the default): no pixel, no rewritten links, no
 * events. `aggregate`: opens and clicks are counted per message (a keyed digest, never the subscriber
 * or the address). `individual`: events keep the subscriber.
 */
export const TRACKING_MODES = ['off', 'aggregate', 'individual'] as const
export type TrackingMode = (typeof TRACKING_MODES)[number]

/** The one place the tracking of a send is read: the campaign being sent (copied there when it starts). */
export const trackingMode = (campaign: { tracking?: string | null } | null | undefined): TrackingMode =>
  (TRACKING_MODES as readonly string[]).includes(campaign?.tracking ?? '')
    ? (campaign!.tracking as TrackingMode)
    : 'off'

export const isTracked = (campaign: { tracking?: string | null } | null | undefined): boolean =>
  trackingMode(campaign) !== 'off'

/** What the privacy and preferences pages say about a mode. */
export const trackingSentence = (mode: TrackingMode): string =>
  mode === 'individual'
    ? 'Our newsletter counts opens (an invisible image) and clicks (links pass through our site) per reader.'
    : mode === 'aggregate'
      ? 'Our newsletter counts opens (an invisible image) and clicks (links pass through our site) in total only; nothing is stored about you personally.'
      : 'Our newsletter does not track opens or clicks.'
