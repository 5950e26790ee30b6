/**
 * Analytics routes: the dashboard (every figure at once) and one route per figure group. Staff
 * read every channel or one; a channel token reads only its own channel (naming another is not
 * found) and not the shop-wide supplier and inventory figures (403).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Static, TSchema } from '@sinclair/typebox'
import { allow, principalOf, problems, sendProblem } from '../http/support.ts'
import type { Principal } from '../kernel/principal.ts'
import { ok, type Result } from '../kernel/result.ts'
import type { Catalogue, Channel } from '../catalogue/index.ts'
import type { ChannelMeasureSources } from './channels.ts'
import { defaultCurrency } from '../orders/index.ts'
import { fail, notFound } from './errors.ts'
import { periodDaysAllowed } from './model.ts'
import type { Analytics, FigureGroup } from './service.ts'
import {
  answerOf, BackorderFigures, ChannelMeasuresAnswer, Dashboard, DelayFigures, InventoryFigures, OnTimeFigures, FulfilmentFigures, PeriodChannelQuery, PeriodQuery, PresaleFigures,
  PayablesFigures, PromiseSourceFigures, ReplenishmentFigures, ReturnFigures, SalesFigures, SupplierFiguresView,
} from './schemas.ts'

const tags = ['analytics']
const defaultPeriodDays = 30

/** The period asked for: 7, 30 or 90 days; anything else is `invalid_period`. */
export function periodDaysOf(text: string | undefined): Result<number> {
  if (text === undefined) return ok(defaultPeriodDays)
  const days = /^[0-9]{1,3}$/.test(text) ? Number(text) : NaN
  return (periodDaysAllowed as readonly number[]).includes(days)
    ? ok(days)
    : fail('invalid_period', `periodDays must be one of ${periodDaysAllowed.join(', ')}.`)
}

interface Scope { periodDays: number; channel: { id: string; code: string } | null }

const groupRoutes: Array<{ path: string; key: FigureGroup; schema: TSchema; title: string; summary: string; shopWide?: true }> = [
  { path: 'sales', key: 'sales', schema: SalesFigures, title: 'SalesAnswer', summary: 'Orders, lines and units placed, and orders cancelled, per day' },
  { path: 'promise-sources', key: 'promiseSources', schema: PromiseSourceFigures, title: 'PromiseSourcesAnswer', summary: 'Lines placed promised from stock, from future supply and from presale' },
  { path: 'on-time', key: 'onTime', schema: OnTimeFigures, title: 'OnTimeAnswer', summary: 'Lines shipped on or before their first promised ship date' },
  { path: 'backorders', key: 'backorders', schema: BackorderFigures, title: 'BackordersAnswer', summary: 'Open backorders now, by age since placement' },
  { path: 'delays', key: 'delays', schema: DelayFigures, title: 'DelaysAnswer', summary: 'Delays announced and the compensation they granted' },
  { path: 'presale', key: 'presale', schema: PresaleFigures, title: 'PresaleAnswer', summary: 'Presale deposits paid, balances paid (conversion) and deposits forfeited' },
  { path: 'fulfilment', key: 'fulfilment', schema: FulfilmentFigures, title: 'FulfilmentAnswer', summary: 'Fill rate (lines shipped in full from their first node), split rate, on-time delivery to the first promised day, pickup ready time (hours from payment to ready: mean, p50, p90), pickup expiry rate, dropship requests shipped (mean hours from request to shipped) and the share of their lines suppliers turned down' },
  { path: 'returns', key: 'returns', schema: ReturnFigures, title: 'ReturnsAnswer', summary: 'Returns opened, units returned over units sold (return rate), refunds requested and paid (mean hours between), the disposition mix and the value recovered; by reason, SKU, supplier and channel' },
  { path: 'suppliers', key: 'suppliers', schema: SupplierFiguresView, title: 'SuppliersAnswer', summary: 'Each supplier’s on-time, fill and QC pass rates (its scorecard)', shopWide: true },
  { path: 'inventory', key: 'inventory', schema: InventoryFigures, title: 'InventoryAnswer', summary: 'Units shipped, on-hand, inventory turnover and days of supply (shop-wide)', shopWide: true },
  {
    path: 'replenishment', key: 'replenishment', schema: ReplenishmentFigures, title: 'ReplenishmentAnswer', shopWide: true,
    summary: 'Forecast accuracy (WAPE, MASE, bias) overall, by model, node and week, and the worst series; days of supply; turnover; the replenishment cycle (suggestion → approved → sent → received)',
  },
  {
    path: 'payables', key: 'payables', schema: PayablesFigures, title: 'PayablesAnswer', shopWide: true,
    summary: 'Supplier invoices received and matched the first time, the exceptions queue and how long it takes, payments, early-payment discounts taken and lapsed, instalments paid by their due day, what is open and overdue',
  },
]

const dashboardGroups: FigureGroup[] = ['sales', 'promiseSources', 'onTime', 'backorders', 'delays', 'presale', 'fulfilment', 'returns', 'suppliers', 'inventory', 'replenishment', 'payables']
const definitionNames: Record<FigureGroup, string> = {
  sales: 'sales', promiseSources: 'promise_sources', onTime: 'on_time_to_promise', backorders: 'open_backorders', delays: 'delays',
  presale: 'presale_conversion', fulfilment: 'fulfilment', returns: 'returns', suppliers: 'supplier_performance', inventory: 'inventory_turnover',
  replenishment: 'forecast_accuracy', payables: 'payables',
}

/** The dashboard and the figure-group routes. */
export function analyticsRoutes({ analytics, catalogue, channelSources }: { analytics: Analytics; catalogue: Catalogue; channelSources: ChannelMeasureSources }): FastifyPluginAsyncTypebox {
  /** The period and channel a caller may ask for: a channel token always gets its own channel. */
  async function scopeOf(p: Principal, query: { periodDays?: string; channel?: string }): Promise<Result<Scope>> {
    const periodDays = periodDaysOf(query.periodDays)
    if (!periodDays.ok) return periodDays
    if (p.kind === 'channel') {
      const own = await catalogue.resolveChannel(p.scopeId)
      if (!own || (query.channel !== undefined && query.channel !== own.id && query.channel !== own.code)) return notFound('channel', query.channel ?? p.scopeId)
      return ok({ periodDays: periodDays.value, channel: own })
    }
    if (query.channel === undefined) return ok({ periodDays: periodDays.value, channel: null })
    const channel = await catalogue.resolveChannel(query.channel)
    return channel ? ok({ periodDays: periodDays.value, channel }) : notFound('channel', query.channel)
  }

  async function answer(scope: Scope, groups: FigureGroup[]) {
    const [figures, asOfEventId] = await Promise.all([
      analytics.figures({ periodDays: scope.periodDays, channelId: scope.channel?.id ?? null, groups }),
      analytics.cursor(),
    ])
    return { periodDays: scope.periodDays, channel: scope.channel?.code ?? null, asOfEventId, currency: defaultCurrency, ...figures }
  }

  return async (app) => {
    app.get('/v1/analytics/dashboard', {
      preHandler: allow('admin', 'ops', 'channel'),
      schema: {
        tags, summary: 'Every figure over the period (7, 30 or 90 days), for every channel or one, with daily series for charts',
        querystring: PeriodChannelQuery, response: { 200: Dashboard, ...problems },
      },
    }, async (req, reply) => {
      const p = principalOf(req)
      const scope = await scopeOf(p, req.query)
      if (!scope.ok) return sendProblem(reply, scope)
      const groups = p.kind === 'channel' ? dashboardGroups.filter((g) => g !== 'suppliers' && g !== 'inventory' && g !== 'replenishment' && g !== 'payables') : dashboardGroups
      const definitions = Object.fromEntries(groups.map((g) => [g, definitionNames[g]]))
      // The groups asked for are all there; a channel's answer leaves out the two optional ones.
      return { ...(await answer(scope.value, groups)), definitions } as Static<typeof Dashboard>
    })

    app.get('/v1/analytics/channels', {
      preHandler: allow('admin', 'ops', 'channel'),
      schema: {
        tags, summary: 'Per channel: values shown by status, feed position, projector lag, deltas sent and webhook deliveries in the period',
        description: 'Definition: docs/analytics.md#channel-measures. A channel token gets only its own channel.',
        querystring: PeriodChannelQuery, response: { 200: ChannelMeasuresAnswer, ...problems },
      },
    }, async (req, reply) => {
      const p = principalOf(req)
      const scope = await scopeOf(p, req.query)
      if (!scope.ok) return sendProblem(reply, scope)
      const one = scope.value.channel && await catalogue.resolveChannel(scope.value.channel.id)
      const channels = one ? [one] : await allChannels(catalogue)
      const measured = await analytics.channelMeasures(channelSources, channels, scope.value.periodDays, { onlyOne: Boolean(one), withStaffEndpoints: p.kind !== 'channel' })
      return { definition: 'channel_measures' as const, ...measured }
    })

    for (const route of groupRoutes) {
      app.get(`/v1/analytics/${route.path}`, {
        preHandler: route.shopWide ? allow('admin', 'ops') : allow('admin', 'ops', 'channel'),
        schema: {
          tags, summary: route.summary,
          querystring: route.shopWide ? PeriodQuery : PeriodChannelQuery,
          response: { 200: answerOf(route.title, route.key, route.schema), ...problems },
        },
      }, async (req, reply) => {
        const scope = await scopeOf(principalOf(req), req.query as { periodDays?: string; channel?: string })
        if (!scope.ok) return sendProblem(reply, scope)
        // The one group asked for is there; the schema is picked per route, so its type is not known here.
        return (await answer(scope.value, [route.key])) as never
      })
    }
  }
}

async function allChannels(catalogue: Catalogue): Promise<Channel[]> {
  const out: Channel[] = []
  let cursor: string | undefined
  do {
    const page = await catalogue.listChannels({ cursor, limit: 500 })
    out.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return out
}
