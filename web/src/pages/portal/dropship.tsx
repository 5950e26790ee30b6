/**
 * The supplier's dropship requests, usable on a phone: one card per request, oldest first, with
 * the day each line was promised to ship to the customer (flagged when it is today or past), the
 * parcel label's address, and the one next step — accept, ship with carrier and tracking, or turn
 * lines down with a reason (they go to another node, and the customer hears of any later date).
 * Staff see every supplier's requests.
 */
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { components } from '../../../../clients/typescript/index.ts'
import { ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, Field, MoreButton, PageTitle, ProblemNote, useAction } from '../../ui.tsx'
import { usePaged } from '../stock/paged.ts'
import { LabelAddress } from '../shipments/label.tsx'
import '../shipments/shipments.css'

type Request = components['schemas']['DropshipRequest']
type Status = Request['status']
type Reason = 'out_of_stock' | 'damaged' | 'cannot_ship'
const statuses: readonly Status[] = ['requested', 'accepted', 'shipped', 'delivered', 'cancelled']

const text = defineText(
  {
    title: 'Dropship requests', queue: 'Requests, oldest first', status: 'Status', anyStatus: 'Any status', request: 'Request', order: 'Order',
    supplier: 'Supplier', lines: 'Lines', line: (n: number) => `Line ${n}`, rejected: 'turned down',
    shipBy: (day: string) => `customer promised: ships by ${day}`, due: 'due', sendTo: 'Send to',
    hint: 'Each request is an order line a customer was promised: accept it, then ship it with a tracking number. If you cannot, turn it down now — the line goes to another node and the customer hears of any later date.',
    accept: 'Accept', ship: 'Ship', carrier: 'Carrier', tracking: 'Tracking number', shippedWith: (carrier: string, tracking: string) => `${carrier} ${tracking}`,
    reject: 'Turn down', rejectLines: 'Lines to turn down', reason: 'Reason', note: 'Note', send: 'Turn down',
    none: 'No dropship requests here.', loading: 'Loading requests…',
  },
  {
    title: '代发请求', queue: '请求（最早的在前）', status: '状态', anyStatus: '任意状态', request: '请求', order: '订单',
    supplier: '供应商', lines: '行', line: (n: number) => `第 ${n} 行`, rejected: '已拒绝',
    shipBy: (day: string) => `对顾客的承诺：${day} 前发出`, due: '到期', sendTo: '收件人',
    hint: '每个请求都是已向顾客承诺日期的订单行：请先接单，再填写运单号发货。无法发货请尽早拒绝——该行会转到其他节点，如有延迟会告知顾客。',
    accept: '接单', ship: '发货', carrier: '承运商', tracking: '运单号', shippedWith: (carrier: string, tracking: string) => `${carrier} ${tracking}`,
    reject: '拒绝', rejectLines: '要拒绝的行', reason: '原因', note: '备注', send: '拒绝',
    none: '这里没有代发请求。', loading: '正在加载代发请求…',
  },
)

const statusText = defineText<Record<Status, string>>(
  { requested: 'New request', accepted: 'Accepted', shipped: 'Shipped', delivered: 'Delivered', cancelled: 'Cancelled' },
  { requested: '新请求', accepted: '已接单', shipped: '已发货', delivered: '已签收', cancelled: '已取消' },
)

const reasonText = defineText<Record<Reason, string>>(
  { out_of_stock: 'Out of stock', damaged: 'Damaged', cannot_ship: 'Cannot ship to this address' },
  { out_of_stock: '缺货', damaged: '已损坏', cannot_ship: '无法寄送到该地址' },
)

const tone: Record<Status, string> = { requested: 'warn', accepted: 'warn', shipped: 'good', delivered: 'good', cancelled: 'bad' }

export function PortalDropship() {
  const t = useText(text)
  const s = useText(statusText)
  const { api } = useSession()
  const { query, route } = useLocation()
  const status = statuses.find((x) => x === query.status)
  const [round, setRound] = useState(0)
  const requests = usePaged((cursor) => ok(api.GET('/v1/supplier-portal/dropship', {
    params: { query: { limit: '50', ...(status && { status }), ...(cursor && { cursor }) } },
  })), [api, status, round])
  return (
    <>
      <PageTitle title={t.title} />
      <p class="hint">{t.hint}</p>
      <Card title={t.queue}>
        <Field label={t.status}>
          {(id) => (
            <select id={id} value={status ?? ''} onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value
              route(v === '' ? '/console/portal/dropship' : `/console/portal/dropship?status=${v}`)
            }}>
              <option value="">{t.anyStatus}</option>
              {statuses.map((x) => <option value={x}>{s[x]}</option>)}
            </select>
          )}
        </Field>
        <ProblemNote error={requests.error} />
        {requests.items === undefined && !requests.error && <p aria-busy="true">{t.loading}</p>}
        {requests.items?.length === 0 && <p>{t.none}</p>}
        <ul class="shipment-cards">
          {requests.items?.map((r) => <li key={r.id}><RequestCard request={r} onDone={() => setRound((n) => n + 1)} /></li>)}
        </ul>
        {requests.hasMore && <MoreButton onClick={requests.more} busy={requests.busy} />}
      </Card>
    </>
  )
}

function RequestCard({ request: r, onDone }: { request: Request; onDone: () => void }) {
  const t = useText(text)
  const s = useText(statusText)
  const f = useFormat()
  const { kind } = useSession()
  const today = new Date().toISOString().slice(0, 10)
  const open = r.lines.filter((l) => l.status === 'open')
  return (
    <article class="shipment-card" aria-label={`${t.request} ${r.id}`}>
      <header><strong>{r.id}</strong> <span class={`badge ${tone[r.status]}`}>{s[r.status]}</span></header>
      <p class="muted-text">{t.order}: {r.orderId}{kind !== 'supplier' && <> · {t.supplier}: {r.supplierId}</>}</p>
      <ul class="shipment-lines" aria-label={t.lines}>
        {r.lines.map((l) => (
          <li key={l.lineNo}>
            {t.line(l.lineNo)}: {l.quantity} × {l.skuCode} {l.skuName}
            {l.status === 'rejected' ? <> · <em>{t.rejected}</em></> : l.shipBy && (
              <> · {t.shipBy(f.day(l.shipBy))}{r.status === 'requested' || r.status === 'accepted' ? l.shipBy <= today && <> <span class="badge bad">{t.due}</span></> : null}</>
            )}
          </li>
        ))}
      </ul>
      {r.shipTo && <LabelAddress label={r.shipTo} heading={t.sendTo} />}
      {r.carrier && <p>{t.shippedWith(r.carrier, r.tracking ?? '')} · {f.instant(r.shippedAt)}</p>}
      {r.status === 'requested' && <AcceptButton id={r.id} onDone={onDone} />}
      {r.status === 'accepted' && <ShipForm id={r.id} onDone={onDone} />}
      {(r.status === 'requested' || r.status === 'accepted') && open.length > 0 && <RejectForm id={r.id} lines={open.map((l) => l.lineNo)} onDone={onDone} />}
    </article>
  )
}

const pathOf = (id: string) => ({ params: { path: { id } } })

function AcceptButton({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useText(text)
  const { api } = useSession()
  const accept = useAction(async () => ok(api.POST('/v1/supplier-portal/dropship/{id}/accept', pathOf(id))), onDone)
  return (
    <>
      <button type="button" class="primary" disabled={accept.busy} onClick={() => void accept.run()}>{t.accept}</button>
      <ProblemNote error={accept.error} />
    </>
  )
}

function ShipForm({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useText(text)
  const { api } = useSession()
  const [carrier, setCarrier] = useState('')
  const [tracking, setTracking] = useState('')
  const ship = useAction(async () => ok(api.POST('/v1/supplier-portal/dropship/{id}/ship', { ...pathOf(id), body: { carrier, tracking } })), onDone)
  return (
    <form class="ship-form" aria-label={t.ship} onSubmit={(e) => { e.preventDefault(); void ship.run() }}>
      <Field label={t.carrier}>{(fid) => <input id={fid} required value={carrier} onInput={(e) => setCarrier((e.currentTarget as HTMLInputElement).value)} />}</Field>
      <Field label={t.tracking}>{(fid) => <input id={fid} required value={tracking} onInput={(e) => setTracking((e.currentTarget as HTMLInputElement).value)} />}</Field>
      <button type="submit" class="primary" disabled={ship.busy}>{t.ship}</button>
      <ProblemNote error={ship.error} />
    </form>
  )
}

function RejectForm({ id, lines, onDone }: { id: string; lines: number[]; onDone: () => void }) {
  const t = useText(text)
  const why = useText(reasonText)
  const { api } = useSession()
  const [chosen, setChosen] = useState<number[]>(lines)
  const [reason, setReason] = useState<Reason>('out_of_stock')
  const [note, setNote] = useState('')
  const reject = useAction(async () => ok(api.POST('/v1/supplier-portal/dropship/{id}/reject', {
    ...pathOf(id), body: { reason, ...(chosen.length < lines.length && { lines: chosen }), ...(note && { note }) },
  })), onDone)
  const toggle = (n: number, on: boolean) => setChosen((c) => (on ? [...c, n].sort((x, y) => x - y) : c.filter((x) => x !== n)))
  return (
    <details>
      <summary>{t.reject}</summary>
      <form class="reject-form" aria-label={t.reject} onSubmit={(e) => { e.preventDefault(); void reject.run() }}>
        {lines.length > 1 && (
          <fieldset>
            <legend>{t.rejectLines}</legend>
            {lines.map((n) => (
              <label key={n}><input type="checkbox" checked={chosen.includes(n)} onChange={(e) => toggle(n, (e.currentTarget as HTMLInputElement).checked)} /> {t.line(n)}</label>
            ))}
          </fieldset>
        )}
        <Field label={t.reason}>
          {(fid) => (
            <select id={fid} value={reason} onChange={(e) => setReason((e.currentTarget as HTMLSelectElement).value as Reason)}>
              {(['out_of_stock', 'damaged', 'cannot_ship'] as const).map((x) => <option value={x}>{why[x]}</option>)}
            </select>
          )}
        </Field>
        <Field label={t.note}>{(fid) => <input id={fid} value={note} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />}</Field>
        <button type="submit" disabled={reject.busy || chosen.length === 0}>{t.send}</button>
        <ProblemNote error={reject.error} />
      </form>
    </details>
  )
}
