/** What each channel shows of each SKU, in each scope, and how it is fed to the channel. */
import type { AvailabilityStatus, ChannelAvailability } from '../events/index.ts'

export type { AvailabilityStatus, ChannelAvailability }

/**
 * A part of a channel that has its own availability: the whole channel, the channel's nodes in
 * one region, or one store the shopper can pick up from.
 */
export interface Scope {
  /** `channel`, `region:<region>` or `store:<nodeId>`. */
  key: string
  nodeIds: string[]
  /** Delivery days are quoted into this region (regions and stores); null for the whole channel. */
  region: string | null
  pickup: boolean
}

/** One stored value with its place in the channel's feed. */
export interface AvailabilityRow extends ChannelAvailability {
  channelId: string
  seq: number
  changedAtMs: number
}

/** What changed for a channel after a sequence number, in order, each value the latest. */
export interface ChangesPage {
  items: AvailabilityRow[]
  /** Pass as `after` next time; unchanged when nothing changed. */
  lastSeq: number
}
