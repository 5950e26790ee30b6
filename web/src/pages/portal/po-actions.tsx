/**
 * The supplier's actions on an answered order: moving a line's ETA (the preview of the customer
 * promises it would delay comes first, and the move is sent only for the previewed date), and
 * shipping with an advance ship notice; then the ASNs sent so far.
 */
import { useEffect, useState } from 'preact/hooks'
import { newKey, ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, ProblemNote, useAction } from '../../ui.tsx'
import type { Schemas } from '../selling/lookups.tsx'
import type { PurchaseOrder } from './po.tsx'
import type { PortalNames } from './words.ts'

type EtaImpact = Schemas['EtaImpact']
type Asn = Schemas['Asn']

const text = defineText(
  {
    move: 'Move an ETA', moveHint: 'Pick the line and the new date: you see what it does to customer promises before you send it.',
    line: 'Line', lineOf: (n: number, sku: string, eta: string) => `Line ${n} · ${sku} · ETA ${eta}`, newEta: 'New ETA', reason: 'Reason (told to the buyer)',
    preview: 'What this move does', checking: 'Checking…', send: 'Send the new ETA', moved: 'The new ETA is sent.',
    delays: (orders: string, units: string) => `Moving the ETA would delay ${orders} customer ${orders === '1' ? 'order' : 'orders'} (${units} ${units === '1' ? 'unit' : 'units'}).`,
    noDelay: 'Moving the ETA delays no customer promise.', improves: (orders: string) => `It brings ${orders} customer ${orders === '1' ? 'order' : 'orders'} forward.`,
    latest: (day: string) => `Latest new ship date: ${day}.`, daysLate: (days: string) => `Up to ${days} days late.`,
    undated: (n: string) => `${n} lines could not get a new date from other supply.`,
    asn: 'Ship: advance ship notice', asnHint: 'Tell the buyer what left and when it arrives: those units are then on the way.',
    asnEta: 'Arrives on', carrier: 'Carrier', tracking: 'Tracking number', reference: 'Your reference',
    shipOf: (n: number, sku: string, left: string) => `Line ${n} (${sku}): units shipped (up to ${left})`, createAsn: 'Send ASN', asnSent: 'ASN sent.',
    asns: 'Advance ship notices', arrives: 'Arrives', status: 'Status', units: 'Lines and units', created: 'Sent',
    in_transit: 'On the way', received: 'Received', cancelled: 'Withdrawn',
  },
  {
    move: '调整预计到货', moveHint: '选择订单行和新日期：发送前先看到它对顾客承诺的影响。',
    line: '订单行', lineOf: (n: number, sku: string, eta: string) => `第 ${n} 行 · ${sku} · 预计 ${eta}`, newEta: '新的预计到货', reason: '原因（告知采购方）',
    preview: '这次调整的影响', checking: '计算中…', send: '发送新的预计到货', moved: '新的预计到货已发送。',
    delays: (orders: string, units: string) => `调整预计到货将使 ${orders} 个顾客订单（${units} 件）延迟。`,
    noDelay: '调整预计到货不会延迟任何顾客承诺。', improves: (orders: string) => `将使 ${orders} 个顾客订单提前。`,
    latest: (day: string) => `最晚的新发货日：${day}。`, daysLate: (days: string) => `最多延迟 ${days} 天。`,
    undated: (n: string) => `${n} 行无法从其他供给获得新日期。`,
    asn: '发货：预先发货通知', asnHint: '告知采购方发出了什么、何时到达：这些件数随即算作在途。',
    asnEta: '到达日期', carrier: '承运商', tracking: '运单号', reference: '您的单号',
    shipOf: (n: number, sku: string, left: string) => `第 ${n} 行（${sku}）：发货件数（最多 ${left}）`, createAsn: '发送发货通知', asnSent: '发货通知已发送。',
    asns: '预先发货通知', arrives: '到达', status: '状态', units: '订单行与件数', created: '发送时间',
    in_transit: '在途', received: '已收货', cancelled: '已撤回',
  },
)

const movable = (po: PurchaseOrder) => po.lines.filter((l) => l.status === 'accepted' && l.quantityOpen > 0)

export function MoveEta({ po, names, onDone }: { po: PurchaseOrder; names: PortalNames; onDone: () => void }) {
  const t = useText(text)
  const f = useFormat()
  const { api } = useSession()
  const lines = movable(po)
  const [picked, setLineId] = useState('')
  // The line picked, or the first one movable now (a line accepted since this form opened counts).
  const lineId = lines.some((l) => l.id === picked) ? picked : (lines[0]?.id ?? '')
  const [eta, setEta] = useState('')
  const [reason, setReason] = useState('')
  const [impact, setImpact] = useState<EtaImpact | null>(null)
  const [done, setDone] = useState(false)
  const preview = useAction(async () => {
    setImpact(await ok(api.GET('/v1/purchase-orders/{id}/lines/{line}/eta-impact', { params: { path: { id: po.id, line: lineId }, query: { eta } } })))
  })
  // Every change of line or date asks again: the move is only sent for the date just previewed.
  useEffect(() => {
    setImpact(null)
    if (lineId && /^\d{4}-\d{2}-\d{2}$/.test(eta)) void preview.run()
  }, [lineId, eta])
  const move = useAction(async () => {
    await ok(api.POST('/v1/purchase-orders/{id}/lines/{line}/eta', { params: { path: { id: po.id, line: lineId } }, body: { eta, reason: reason.trim() } }))
    setEta('')
    setReason('')
    setDone(true)
  }, onDone)
  if (lines.length === 0) return done ? <p class="notice" role="status">{t.moved}</p> : null
  const previewed = impact !== null && impact.lineId === lineId && impact.proposedEta === eta
  return (
    <Card title={t.move}>
      <p class="hint">{t.moveHint}</p>
      {done && <p class="notice" role="status">{t.moved}</p>}
      <form onSubmit={(e) => { e.preventDefault(); void move.run() }}>
        <div class="form-row">
          <Field label={t.line}>{(id) => (
            <select id={id} name="line" value={lineId} onChange={(e) => setLineId(e.currentTarget.value)}>
              {lines.map((l) => <option value={l.id}>{t.lineOf(l.lineNo, names.code(l.skuId), f.day(l.eta))}</option>)}
            </select>
          )}</Field>
          <Field label={t.newEta}>{(id) => <input id={id} name="eta" type="date" required value={eta} onInput={(e) => setEta(e.currentTarget.value)} />}</Field>
          <Field label={t.reason}>{(id) => <input id={id} name="reason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}</Field>
        </div>
        <div class="impact" aria-live="polite">
          {preview.busy && <p aria-busy="true">{t.checking}</p>}
          <ProblemNote error={preview.error} />
          {previewed && <ImpactNote impact={impact} />}
        </div>
        <ProblemNote error={move.error} />
        <button type="submit" class="primary" disabled={!previewed || reason.trim() === '' || move.busy}>{t.send}</button>
      </form>
    </Card>
  )
}

function ImpactNote({ impact: i }: { impact: EtaImpact }) {
  const t = useText(text)
  const f = useFormat()
  const delays = i.ordersDelayed > 0
  return (
    <section class={delays ? 'problem impact-note' : 'notice impact-note'} aria-label={t.preview}>
      <strong>{delays ? t.delays(f.count(i.ordersDelayed), f.count(i.unitsDelayed)) : t.noDelay}</strong>
      {delays && i.maxDaysLate !== null && <> {t.daysLate(f.count(i.maxDaysLate))}</>}
      {delays && i.latestNewShipBy && <> {t.latest(f.day(i.latestNewShipBy))}</>}
      {i.linesWithoutNewDate > 0 && <> {t.undated(f.count(i.linesWithoutNewDate))}</>}
      {i.ordersImproved > 0 && <> {t.improves(f.count(i.ordersImproved))}</>}
    </section>
  )
}

export function AsnForm({ po, names, onDone }: { po: PurchaseOrder; names: PortalNames; onDone: () => void }) {
  const t = useText(text)
  const f = useFormat()
  const { api } = useSession()
  const shippable = movable(po).filter((l) => l.quantityOpen > l.quantityInTransit)
  const [eta, setEta] = useState('')
  const [carrier, setCarrier] = useState('')
  const [tracking, setTracking] = useState('')
  const [reference, setReference] = useState('')
  const [quantities, setQuantities] = useState<Record<string, string>>({})
  // One key per notice being written: a retry after a lost answer sends it once.
  const [key] = useState(newKey)
  const create = useAction(async () => {
    const lines = shippable.filter((l) => Number(quantities[l.id] || 0) > 0).map((l) => ({ line: l.id, quantity: Number(quantities[l.id]) }))
    await ok(api.POST('/v1/purchase-orders/{id}/asns', {
      params: { path: { id: po.id }, header: { 'Idempotency-Key': key } },
      body: { eta, lines, ...(carrier.trim() && { carrier: carrier.trim() }), ...(tracking.trim() && { tracking: tracking.trim() }), ...(reference.trim() && { reference: reference.trim() }) },
    }))
  }, onDone)
  if (shippable.length === 0) return null
  return (
    <Card title={t.asn}>
      <p class="hint">{t.asnHint}</p>
      <form onSubmit={(e) => { e.preventDefault(); void create.run() }}>
        <div class="form-row">
          <Field label={t.asnEta}>{(id) => <input id={id} name="asn-eta" type="date" required value={eta} onInput={(e) => setEta(e.currentTarget.value)} />}</Field>
          <Field label={t.carrier}>{(id) => <input id={id} name="carrier" maxLength={100} value={carrier} onInput={(e) => setCarrier(e.currentTarget.value)} />}</Field>
          <Field label={t.tracking}>{(id) => <input id={id} name="tracking" maxLength={200} value={tracking} onInput={(e) => setTracking(e.currentTarget.value)} />}</Field>
          <Field label={t.reference}>{(id) => <input id={id} name="asn-reference" maxLength={100} value={reference} onInput={(e) => setReference(e.currentTarget.value)} />}</Field>
        </div>
        <div class="form-row">
          {shippable.map((l) => {
            const left = l.quantityOpen - l.quantityInTransit
            return <Field label={t.shipOf(l.lineNo, names.code(l.skuId), f.count(left))}>{(id) => (
              <input id={id} name={`ship-${l.lineNo}`} type="number" min={0} max={left} value={quantities[l.id] ?? ''} onInput={(e) => setQuantities({ ...quantities, [l.id]: e.currentTarget.value })} />
            )}</Field>
          })}
        </div>
        <ProblemNote error={create.error} />
        <button type="submit" class="primary" disabled={create.busy || eta === ''}>{t.createAsn}</button>
      </form>
    </Card>
  )
}

export function Asns({ asns, po, names }: { asns: Asn[]; po: PurchaseOrder; names: PortalNames }) {
  const t = useText(text)
  const f = useFormat()
  if (asns.length === 0) return null
  const lineOf = (id: string) => po.lines.find((l) => l.id === id)
  return (
    <Card title={t.asns}>
      <DataTable caption={t.asns} rows={asns} rowKey={(a) => a.id} columns={[
        { label: t.reference, cell: (a) => a.reference ?? a.id },
        { label: t.arrives, cell: (a) => f.day(a.eta) },
        { label: t.carrier, cell: (a) => [a.carrier, a.tracking].filter(Boolean).join(' · ') || '—' },
        { label: t.units, cell: (a) => a.lines.map((l) => { const line = lineOf(l.poLineId); return `#${line?.lineNo ?? '?'} ${names.code(line?.skuId)} × ${f.count(l.quantity)}` }).join(', ') },
        { label: t.status, cell: (a) => t[a.status] },
        { label: t.created, cell: (a) => f.instant(a.createdAt) },
      ]} />
    </Card>
  )
}
