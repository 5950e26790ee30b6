/**
 * The channel measures: what each channel shows now (values by status), how far its feed has
 * got and how far the availability projector is behind, the deltas sent in the period, and how
 * its webhook deliveries went. Read at request time from the availability and webhooks contexts'
 * own functions (their tables are theirs): each is a grouped count over at most one row per
 * channel × SKU × scope, 90 rows per channel, and the deliveries of the period.
 */
import type { Availability, AvailabilityStatus } from '../availability/index.ts'
import type { Channel } from '../catalogue/index.ts'
import type { OwnerDeliveryFigures, Webhooks } from '../webhooks/index.ts'
import { dayTextOf } from '../kernel/clock.ts'
import { dayStartOf } from './decide.ts'
import { periodOf } from './figures.ts'

const statuses: readonly AvailabilityStatus[] = ['in_stock', 'low_stock', 'backorder', 'presale', 'out_of_stock']

export interface ChannelMeasureSources {
  availability: Availability
  webhooks: Webhooks
}

export interface WebhookFigures {
  delivered: number
  failed: number
  successRate: number | null
  pending: number
  oldestUndeliveredAgeSeconds: number | null
}

export interface ChannelMeasures {
  channel: string
  name: string
  availability: Record<AvailabilityStatus, number> & { total: number }
  feedPosition: number
  projectorLagSeconds: number
  deltas: number
  webhooks: WebhookFigures
}

/** Whether one channel was asked for (the first given), and whether staff endpoints' figures are the caller's to see. */
export interface MeasureScope { onlyOne: boolean; withStaffEndpoints: boolean }

const noDeliveries: WebhookFigures = { delivered: 0, failed: 0, successRate: null, pending: 0, oldestUndeliveredAgeSeconds: null }

const webhookFiguresOf = (f: OwnerDeliveryFigures | undefined): WebhookFigures =>
  f ? { delivered: f.delivered, failed: f.failed, successRate: f.successRate, pending: f.pending, oldestUndeliveredAgeSeconds: f.oldestUndeliveredAgeSeconds } : noDeliveries

/**
 * The measures of these channels over the period. The projector is one for every channel, so its
 * lag is the same in each; staff endpoints (which hear every channel) are answered apart.
 */
export async function channelMeasures(sources: ChannelMeasureSources, channels: readonly Channel[], periodDays: number, nowMs: number, scope: MeasureScope) {
  const { fromDayMs, toDayMs } = periodOf(dayStartOf(nowMs), periodDays)
  const onlyId = scope.onlyOne ? channels[0]?.id : undefined
  const [counts, deltas, lagSeconds, deliveries, positions] = await Promise.all([
    sources.availability.statusCounts(onlyId),
    sources.availability.deltasSince(fromDayMs, onlyId),
    sources.availability.lagSeconds(),
    sources.webhooks.ownerFigures(fromDayMs),
    Promise.all(channels.map((c) => sources.availability.lastSeq(c.id))),
  ])
  const byOwner = new Map(deliveries.map((d) => [d.channelId, d]))
  const items: ChannelMeasures[] = channels.map((c, i) => {
    const byStatus = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<AvailabilityStatus, number>
    for (const row of counts) if (row.channelId === c.id) byStatus[row.status] += row.rows
    return {
      channel: c.code, name: c.name,
      availability: { ...byStatus, total: statuses.reduce((sum, s) => sum + byStatus[s], 0) },
      feedPosition: positions[i] ?? 0, projectorLagSeconds: lagSeconds, deltas: deltas.get(c.id) ?? 0,
      webhooks: webhookFiguresOf(byOwner.get(c.id)),
    }
  })
  return {
    periodDays, from: dayTextOf(fromDayMs)!, to: dayTextOf(toDayMs)!, projectorLagSeconds: lagSeconds, channels: items,
    // A channel token hears only its own channel's endpoints, not staff's.
    staffWebhooks: scope.withStaffEndpoints ? webhookFiguresOf(byOwner.get(null)) : null,
  }
}
