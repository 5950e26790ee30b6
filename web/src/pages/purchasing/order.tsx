/**
 * One purchase order: its lines, the lifecycle actions its status allows (send, cancel, close),
 * receiving with QC counts, the receipts so far, and the supply it makes at its destination.
 */
import { useState } from 'preact/hooks'
import { newKey, ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, PageTitle, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import { useLookups, type Lookups, type Schemas } from '../selling/lookups.tsx'
import { StatusBadge } from '../selling/money.tsx'
import { SupplyView } from './supply.tsx'
import { poStatusText } from './words.ts'

type PurchaseOrder = Schemas['PurchaseOrder']
type Receipt = Schemas['Receipt']

const cancellable = ['draft', 'sent', 'confirmed']
const closable = ['confirmed', 'partially_received', 'received']
const receivable = ['sent', 'confirmed', 'shipped', 'partially_received']

const text = defineText(
  {
    title: (ref: string) => `Purchase order ${ref}`, facts: 'Order', supplier: 'Supplier', destination: 'Destination', requested: 'Requested date',
    sentAt: 'Sent', amount: 'Amount', cancelReason: 'Cancelled because', lines: 'Lines', line: '#', sku: 'SKU', ordered: 'Ordered', accepted: 'Accepted',
    open: 'Open', inTransit: 'On the way', passed: 'Passed QC', failed: 'Failed QC', eta: 'ETA', status: 'Status',
    actions: 'Actions', send: 'Send to supplier', reason: 'Reason (to cancel or close)', cancel: 'Cancel order', close: 'Close order',
    done: 'Done.', receive: 'Receive with QC counts', passedOf: (n: number, sku: string) => `Line ${n} (${sku}): units passed`,
    failedOf: (n: number, sku: string) => `Line ${n} (${sku}): units failed`, failReason: (n: number) => `Line ${n}: why they failed`,
    closeLine: (n: number) => `Line ${n}: nothing more will come`, record: 'Record receipt', recorded: 'Receipt recorded.',
    receipts: 'Receipts', receivedAt: 'Received', short: 'Short', over: 'Over', whyFailed: 'Why failed', supply: 'Supply at the destination',
  },
  {
    title: (ref: string) => `采购订单 ${ref}`, facts: '订单', supplier: '供应商', destination: '收货地', requested: '要求到货日',
    sentAt: '发送时间', amount: '金额', cancelReason: '取消原因', lines: '订单行', line: '#', sku: 'SKU', ordered: '订购', accepted: '接受',
    open: '未到', inTransit: '在途', passed: '质检合格', failed: '质检不合格', eta: '预计到货', status: '状态',
    actions: '操作', send: '发送给供应商', reason: '原因（取消或关闭时填写）', cancel: '取消订单', close: '关闭订单',
    done: '已完成。', receive: '收货并质检', passedOf: (n: number, sku: string) => `第 ${n} 行（${sku}）：合格件数`,
    failedOf: (n: number, sku: string) => `第 ${n} 行（${sku}）：不合格件数`, failReason: (n: number) => `第 ${n} 行：不合格原因`,
    closeLine: (n: number) => `第 ${n} 行：不会再到货`, record: '登记收货', recorded: '收货已登记。',
    receipts: '收货记录', receivedAt: '收货时间', short: '短收', over: '超收', whyFailed: '不合格原因', supply: '收货地的供给',
  },
)

export function PurchaseOrderPage({ id }: { id: string }) {
  const t = useText(text)
  const st = useText(poStatusText)
  const { api } = useSession()
  const lookups = useLookups()
  const [version, setVersion] = useState(0)
  const po = useLoad(() => ok(api.GET('/v1/purchase-orders/{id}', { params: { path: { id } } })), [id, version])
  const receipts = useLoad(() => ok(api.GET('/v1/purchase-orders/{id}/receipts', { params: { path: { id } } })), [id, version])
  const changed = () => setVersion((v) => v + 1)
  return (
    <Show loaded={lookups}>
      {(l) => (
        <Show loaded={po}>
          {(o) => (
            <>
              <PageTitle title={t.title(o.reference ?? o.id)}><StatusBadge status={o.status} label={st[o.status]} /></PageTitle>
              <div class="grid">
                <Facts po={o} lookups={l} />
                <Actions po={o} onChanged={changed} />
              </div>
              <Lines po={o} lookups={l} />
              {receivable.includes(o.status) && <ReceiveForm key={`${o.id}:${o.version}`} po={o} lookups={l} onReceived={changed} />}
              <Show loaded={receipts}>{(r) => <Receipts receipts={r.items} lookups={l} />}</Show>
              <h2 class="section">{t.supply}</h2>
              <SupplyView sku="" node={o.destinationNodeId} lookups={l} version={version} />
            </>
          )}
        </Show>
      )}
    </Show>
  )
}

function Facts({ po, lookups }: { po: PurchaseOrder; lookups: Lookups }) {
  const t = useText(text)
  const f = useFormat()
  return (
    <Card title={t.facts}>
      <dl class="facts">
        <dt>{t.supplier}</dt><dd>{lookups.code(po.supplierId)}</dd>
        <dt>{t.destination}</dt><dd>{lookups.code(po.destinationNodeId)}</dd>
        <dt>{t.requested}</dt><dd>{f.day(po.requestedDate)}</dd>
        <dt>{t.sentAt}</dt><dd>{f.instant(po.sentAt)}</dd>
        <dt>{t.amount}</dt><dd>{f.money(po.totals.amountOrdered, po.currency)}</dd>
        {po.cancelReason && <><dt>{t.cancelReason}</dt><dd>{po.cancelReason}</dd></>}
      </dl>
    </Card>
  )
}

function Actions({ po, onChanged }: { po: PurchaseOrder; onChanged: () => void }) {
  const t = useText(text)
  const { api } = useSession()
  const [reason, setReason] = useState('')
  const path = { path: { id: po.id } }
  const act = useAction(async (step: 'send' | 'cancel' | 'close') => {
    if (step === 'send') await ok(api.POST('/v1/purchase-orders/{id}/send', { params: path }))
    if (step === 'cancel') await ok(api.POST('/v1/purchase-orders/{id}/cancel', { params: path, body: { reason } }))
    if (step === 'close') await ok(api.POST('/v1/purchase-orders/{id}/close', { params: path, body: { reason } }))
  }, onChanged)
  const canCancel = cancellable.includes(po.status)
  const canClose = closable.includes(po.status)
  if (po.status !== 'draft' && !canCancel && !canClose) return null
  return (
    <Card title={t.actions}>
      {po.status === 'draft' && <p><button type="button" class="primary" disabled={act.busy} onClick={() => void act.run('send')}>{t.send}</button></p>}
      {(canCancel || canClose) && (
        <div class="form-row">
          <Field label={t.reason}>{(id) => <input id={id} name="reason" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}</Field>
          {canCancel && <button type="button" class="danger" disabled={act.busy || reason.trim() === ''} onClick={() => void act.run('cancel')}>{t.cancel}</button>}
          {canClose && <button type="button" disabled={act.busy || reason.trim() === ''} onClick={() => void act.run('close')}>{t.close}</button>}
        </div>
      )}
      <ProblemNote error={act.error} />
    </Card>
  )
}

function Lines({ po, lookups }: { po: PurchaseOrder; lookups: Lookups }) {
  const t = useText(text)
  const st = useText(poStatusText)
  const f = useFormat()
  return (
    <Card title={t.lines}>
      <DataTable caption={t.lines} rows={po.lines} rowKey={(l) => l.id} columns={[
        { label: t.line, cell: (l) => l.lineNo, numeric: true },
        { label: t.sku, cell: (l) => lookups.code(l.skuId) },
        { label: t.ordered, cell: (l) => f.count(l.quantityOrdered), numeric: true },
        { label: t.accepted, cell: (l) => f.count(l.quantityAccepted), numeric: true },
        { label: t.open, cell: (l) => f.count(l.quantityOpen), numeric: true },
        { label: t.inTransit, cell: (l) => f.count(l.quantityInTransit), numeric: true },
        { label: t.passed, cell: (l) => f.count(l.quantityPassed), numeric: true },
        { label: t.failed, cell: (l) => f.count(l.quantityFailed), numeric: true },
        { label: t.eta, cell: (l) => f.day(l.eta) },
        { label: t.status, cell: (l) => st[l.status] },
      ]} />
    </Card>
  )
}

interface Count { passed: string; failed: string; reason: string; close: boolean }

function ReceiveForm({ po, lookups, onReceived }: { po: PurchaseOrder; lookups: Lookups; onReceived: () => void }) {
  const t = useText(text)
  const { api } = useSession()
  const open = po.lines.filter((l) => l.quantityOpen > 0)
  const [counts, setCounts] = useState<Record<string, Count>>({})
  // One key per receipt being counted: a retry after a lost answer records it once.
  const [key] = useState(newKey)
  const countOf = (line: string): Count => counts[line] ?? { passed: '', failed: '', reason: '', close: false }
  const set = (line: string, change: Partial<Count>) => setCounts({ ...counts, [line]: { ...countOf(line), ...change } })
  const receive = useAction(async () => {
    const lines = open.filter((l) => countOf(l.id).passed !== '' || countOf(l.id).failed !== '').map((l) => {
      const c = countOf(l.id)
      return {
        line: l.id, quantityPassed: Number(c.passed || 0),
        ...(c.failed !== '' && { quantityFailed: Number(c.failed) }), ...(c.reason && { failReason: c.reason }), ...(c.close && { closeLine: true }),
      }
    })
    await ok(api.POST('/v1/purchase-orders/{id}/receipts', { params: { path: { id: po.id }, header: { 'Idempotency-Key': key } }, body: { lines } }))
  }, onReceived)
  if (open.length === 0) return null
  return (
    <Card title={t.receive}>
      <form onSubmit={(e) => { e.preventDefault(); void receive.run() }}>
        {open.map((l) => {
          const c = countOf(l.id)
          const sku = lookups.code(l.skuId)
          return (
            <div class="form-row">
              <Field label={t.passedOf(l.lineNo, sku)}>{(id) => <input id={id} type="number" min={0} value={c.passed} onInput={(e) => set(l.id, { passed: e.currentTarget.value })} />}</Field>
              <Field label={t.failedOf(l.lineNo, sku)}>{(id) => <input id={id} type="number" min={0} value={c.failed} onInput={(e) => set(l.id, { failed: e.currentTarget.value })} />}</Field>
              <Field label={t.failReason(l.lineNo)}>{(id) => <input id={id} maxLength={500} value={c.reason} onInput={(e) => set(l.id, { reason: e.currentTarget.value })} />}</Field>
              <label class="check"><input type="checkbox" checked={c.close} onChange={(e) => set(l.id, { close: e.currentTarget.checked })} /> {t.closeLine(l.lineNo)}</label>
            </div>
          )
        })}
        <ProblemNote error={receive.error} />
        <button type="submit" class="primary" disabled={receive.busy}>{t.record}</button>
      </form>
    </Card>
  )
}

function Receipts({ receipts, lookups }: { receipts: Receipt[]; lookups: Lookups }) {
  const t = useText(text)
  const f = useFormat()
  const rows = receipts.flatMap((r) => r.lines.map((l) => ({ ...l, receiptId: r.id, receivedAt: r.receivedAt })))
  return (
    <Card title={t.receipts}>
      <DataTable caption={t.receipts} rows={rows} rowKey={(r) => `${r.receiptId}:${r.poLineId}`} columns={[
        { label: t.receivedAt, cell: (r) => f.instant(r.receivedAt) },
        { label: t.sku, cell: (r) => lookups.code(r.skuId) },
        { label: t.passed, cell: (r) => f.count(r.quantityPassed), numeric: true },
        { label: t.failed, cell: (r) => f.count(r.quantityFailed), numeric: true },
        { label: t.whyFailed, cell: (r) => r.failReason ?? '—' },
        { label: t.short, cell: (r) => f.count(r.quantityShort), numeric: true },
        { label: t.over, cell: (r) => f.count(r.quantityOver), numeric: true },
      ]} />
    </Card>
  )
}
