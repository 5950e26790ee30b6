/**
 * One order as the API gives it to the caller: its lines, how each is allocated to stock and
 * supply, the promised ship and delivery dates, payments, the timeline, delays with their
 * compensation, and the messages the customer was sent. Another channel's order is not found.
 */
import type { components } from '../../../../clients/typescript/index.ts'
import { ApiError, ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, MoreButton, PageTitle, ProblemNote, Show, useLoad } from '../../ui.tsx'
import { idsOnly, loadNames, type Names } from '../stock/names.ts'
import { usePaged } from '../stock/paged.ts'
import { labelOf } from '../stock/text.ts'
import '../stock/stock.css'
import { StatusBadge } from './status.tsx'
import { RoutingCard } from './routing.tsx'
import { orderText, termText } from './text.ts'
import { ShipmentBadge } from '../shipments/status.tsx'
import { shipmentText } from '../shipments/text.ts'

type Order = components['schemas']['Order']
type Line = Order['lines'][number]
type Compensation = components['schemas']['DelayCompensation']
type Format = ReturnType<typeof useFormat>

const timelinePage = '100'

export function OrderDetail({ id }: { id: string }) {
  const t = useText(orderText)
  const session = useSession()
  const { api } = session
  const loaded = useLoad(async () => {
    const path = { id }
    const [order, names, payments, delays, messages, shipments] = await Promise.all([
      ok(api.GET('/v1/orders/{id}', { params: { path } })),
      loadNames(session),
      ok(api.GET('/v1/orders/{id}/payments', { params: { path } })),
      ok(api.GET('/v1/orders/{id}/delays', { params: { path } })),
      ok(api.GET('/v1/orders/{id}/messages', { params: { path } })),
      ok(api.GET('/v1/shipments', { params: { query: { order: id, limit: '100' } } })),
    ])
    return { order, names, payments: payments.items, delays: delays.items, messages: messages.items, shipments: shipments.items }
  }, [api, id])
  const error = loaded.error
  if (loaded.data === undefined && error instanceof ApiError && error.problem.status === 404) {
    return <PageTitle title={t.notFound}><ProblemNote error={error} /><a href="/console/orders">{t.back}</a></PageTitle>
  }
  return (
    <Show loaded={loaded}>
      {({ order, names = idsOnly, payments, delays, messages, shipments }) => (
        <>
          <PageTitle title={t.detailTitle(order.id)}><StatusBadge status={order.status} /><a href="/console/orders">{t.back}</a></PageTitle>
          <Summary order={order} names={names} />
          <Lines order={order} names={names} />
          <Shipments shipments={shipments} names={names} />
          <RoutingCard id={order.id} />
          <Delays delays={delays} />
          <Messages messages={messages} />
          <Payments payments={payments} />
          <Timeline id={order.id} />
        </>
      )}
    </Show>
  )
}

function Summary({ order, names }: { order: Order; names: Names }) {
  const t = useText(orderText)
  const f = useFormat()
  const money = (minor: number | undefined) => f.money(minor ?? 0, order.currency)
  const plan = order.paymentPlan
  const fulfilment = order.fulfilment.method === 'pickup' ? t.pickupAt(names.node(order.fulfilment.nodeId ?? '')) : t.shipTo(order.fulfilment.region ?? '—')
  const facts: Array<[string, string | null]> = [
    [t.placed, f.instant(order.placedAt)],
    [t.customer, order.customerId],
    [t.fulfilment, fulfilment],
    [t.promisedShip, f.day(order.promisedShipDate)],
    [t.promisedDelivery, f.day(order.promisedDeliveryDate)],
    [t.paymentPlan, plan.kind === 'deposit' ? t.depositPlan(money(plan.deposit), money(plan.balance)) : t.fullPayment],
    [t.balanceWindow, plan.kind === 'deposit' ? `${f.instant(plan.balanceFrom)} – ${f.instant(plan.balanceBy)}` : null],
    [t.total, money(order.total)],
    [t.paid, money(order.paid)],
    [t.refunded, order.refunded > 0 ? money(order.refunded) : null],
    [t.refundDue, order.refundDue > 0 ? money(order.refundDue) : null],
    [t.owed, money(order.amountOwed)],
    [t.dueAt, order.dueAt ? f.instant(order.dueAt) : null],
    [t.reference, order.reference],
    [t.campaign, order.campaignId],
    [t.risk, order.riskNote],
  ]
  return (
    <Card title={t.summary}>
      <dl class="facts">
        {facts.filter(([, value]) => value !== null).map(([label, value]) => <><dt>{label}</dt><dd>{value}</dd></>)}
      </dl>
    </Card>
  )
}

function Lines({ order, names }: { order: Order; names: Names }) {
  const t = useText(orderText)
  const terms = useText(termText)
  const f = useFormat()
  // One row per part of a line's allocation, and one for what is not allocated yet.
  const parts = order.lines.flatMap((line) => [
    ...line.allocations.map((a, i) => ({ key: `${line.lineNo}:${i}`, line, source: a.source, kind: a.kind, quantity: a.quantity, ready: a.readyDate })),
    ...(line.unallocated > 0 ? [{ key: `${line.lineNo}:none`, line, source: '—', kind: 'unallocated', quantity: line.unallocated, ready: null }] : []),
  ])
  const sku = (line: Line) => names.sku(line.skuId)
  return (
    <>
      <Card title={t.lines}>
        <div class="caption-hidden">
          <DataTable caption={t.lines} rows={order.lines} rowKey={(l) => String(l.lineNo)} columns={[
            { label: t.line, cell: (l) => l.lineNo, numeric: true },
            { label: t.sku, cell: sku },
            { label: t.node, cell: (l) => names.node(l.nodeId) },
            { label: t.quantity, cell: (l) => f.count(l.quantity), numeric: true },
            { label: t.unitPrice, cell: (l) => f.money(l.unitPrice, order.currency), numeric: true },
            { label: t.status, cell: (l) => labelOf(terms, l.status) },
            { label: t.promisedShip, cell: (l) => f.day(l.promisedShipDate) },
            { label: t.promisedDelivery, cell: (l) => f.day(l.promisedDeliveryDate) },
            { label: t.firstPromised, cell: (l) => f.day(l.firstPromisedShipDate) },
          ]} />
        </div>
      </Card>
      <Card title={t.allocations}>
        <div class="caption-hidden">
          <DataTable caption={t.allocations} rows={parts} rowKey={(p) => p.key} columns={[
            { label: t.line, cell: (p) => `${p.line.lineNo} · ${sku(p.line)}` },
            { label: t.kind, cell: (p) => (p.kind === 'unallocated' ? t.unallocated : labelOf(terms, p.kind)) },
            { label: t.source, cell: (p) => p.source },
            { label: t.quantity, cell: (p) => f.count(p.quantity), numeric: true },
            { label: t.ready, cell: (p) => f.day(p.ready) },
          ]} />
        </div>
      </Card>
    </>
  )
}

function compensationOf(c: Compensation, f: Format, none: string, terms: Record<string, unknown>): string {
  if (c.kind === 'none' || c.amountMinor === 0) return none
  return `${labelOf(terms, c.kind)} ${f.money(c.amountMinor, c.currency)}`
}

/** The order's shipments: which node sends what, where each is, the carrier and tracking. */
function Shipments({ shipments, names }: { shipments: components['schemas']['Shipment'][]; names: Names }) {
  const t = useText(shipmentText)
  const f = useFormat()
  if (shipments.length === 0) return null
  return (
    <Card title={t.orderShipments}>
      <DataTable caption={t.orderShipments} rows={shipments} rowKey={(x) => x.id} columns={[
        { label: t.shipment, cell: (x) => x.id },
        { label: t.node, cell: (x) => names.node(x.nodeId) },
        { label: t.status, cell: (x) => <ShipmentBadge status={x.status} /> },
        { label: t.lines, cell: (x) => x.lines.map((l) => `${t.line(l.lineNo)}: ${l.quantity}${l.status === 'rejected' ? ` (${t.rejected})` : ''}`).join(', ') },
        { label: t.carrier, cell: (x) => (x.carrier ? t.shippedWith(x.carrier, x.tracking ?? '') : '—') },
        { label: t.shipped, cell: (x) => f.instant(x.shippedAt) },
        { label: t.delivered, cell: (x) => f.instant(x.deliveredAt) },
      ]} />
    </Card>
  )
}

function Delays({ delays }: { delays: components['schemas']['OrderDelay'][] }) {
  const t = useText(orderText)
  const terms = useText(termText)
  const f = useFormat()
  if (delays.length === 0) return null
  return (
    <Card title={t.delays}>
      <div class="caption-hidden">
        <DataTable caption={t.delays} rows={delays} rowKey={(d) => d.id} columns={[
          { label: t.line, cell: (d) => d.lineNo, numeric: true },
          { label: t.cause, cell: (d) => labelOf(terms, d.cause) },
          { label: t.reason, cell: (d) => d.reason },
          { label: t.shipDates, cell: (d) => `${f.day(d.oldShipBy)} → ${f.day(d.newShipBy)}` },
          { label: t.daysLate, cell: (d) => f.count(d.daysLate), numeric: true },
          { label: t.compensation, cell: (d) => compensationOf(d.compensation, f, t.noCompensation, terms) },
          { label: t.status, cell: (d) => labelOf(terms, d.status) },
        ]} />
      </div>
    </Card>
  )
}

function notifierStateOf(t: { notifyPending: string; notifyDelivered: string; notifyFailed: string; notifyNoEndpoint: string; notifyNotYet: string }, state: string | undefined): string {
  switch (state) {
    case 'pending': return t.notifyPending
    case 'delivered': return t.notifyDelivered
    case 'failed': return t.notifyFailed
    case 'no_endpoint': return t.notifyNoEndpoint
    default: return t.notifyNotYet
  }
}

function Messages({ messages }: { messages: components['schemas']['CustomerMessage'][] }) {
  const t = useText(orderText)
  const terms = useText(termText)
  const f = useFormat()
  if (messages.length === 0) return null
  return (
    <Card title={t.messages}>
      <div class="caption-hidden">
        <DataTable caption={t.messages} rows={messages} rowKey={(m) => m.id} columns={[
          { label: t.sent, cell: (m) => f.instant(m.createdAt) },
          { label: t.kind, cell: (m) => labelOf(terms, m.kind) },
          { label: t.subject, cell: (m) => m.subject },
          { label: t.body, cell: (m) => m.body },
          // Where the notification carrying it is on its way to the merchant's notifier (docs/notifications.md).
          { label: t.notifier, cell: (m) => notifierStateOf(t, m.notification?.state) },
        ]} />
      </div>
    </Card>
  )
}

function Payments({ payments }: { payments: components['schemas']['Payment'][] }) {
  const t = useText(orderText)
  const terms = useText(termText)
  const f = useFormat()
  return (
    <Card title={t.payments}>
      <div class="caption-hidden">
        <DataTable caption={t.payments} rows={payments} rowKey={(p) => p.id} columns={[
          { label: t.at, cell: (p) => f.instant(p.at) },
          { label: t.kind, cell: (p) => labelOf(terms, p.kind) },
          { label: t.amount, cell: (p) => f.money(p.amount, p.currency), numeric: true },
          { label: t.provider, cell: (p) => p.provider },
          { label: t.providerRef, cell: (p) => p.providerRef },
        ]} />
      </div>
    </Card>
  )
}

/** A timeline entry's detail as `key: value` pairs, nested values as the API wrote them. */
const detailOf = (detail: Record<string, unknown>): string =>
  Object.entries(detail).map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`).join(', ') || '—'

function Timeline({ id }: { id: string }) {
  const t = useText(orderText)
  const terms = useText(termText)
  const f = useFormat()
  const { api } = useSession()
  const paged = usePaged((cursor) => ok(api.GET('/v1/orders/{id}/timeline', {
    params: { path: { id }, query: { limit: timelinePage, ...(cursor && { cursor }) } },
  })), [api, id])
  return (
    <Card title={t.timeline}>
      <ProblemNote error={paged.error} />
      {paged.items && (
        <div class="caption-hidden">
          <DataTable caption={t.timeline} rows={paged.items} rowKey={(e) => String(e.id)} columns={[
            { label: t.at, cell: (e) => f.instant(e.at) },
            { label: t.kind, cell: (e) => labelOf(terms, e.kind) },
            { label: t.actor, cell: (e) => e.actor },
            { label: t.detail, cell: (e) => <span class="detail">{detailOf(e.detail)}</span> },
          ]} />
        </div>
      )}
      {paged.hasMore && <MoreButton onClick={paged.more} busy={paged.busy} />}
    </Card>
  )
}
