/**
 * One purchase order as its supplier works it: the lines with the customer urgency behind each,
 * answering open lines (accept with an ETA and quantity, or reject), moving an accepted line's
 * ETA after seeing how many customer promises the move would delay, and shipping with an ASN.
 * Another supplier's order answers not found, as the API does.
 */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, PageTitle, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import type { Schemas } from '../selling/lookups.tsx'
import { StatusBadge } from '../selling/money.tsx'
import { poStatusText } from '../purchasing/words.ts'
import { AsnForm, Asns, MoveEta } from './po-actions.tsx'
import { lateForCustomers, urgencyText, usePortalNames, type PortalNames } from './words.ts'

export type PurchaseOrder = Schemas['PurchaseOrder']

const text = defineText(
  {
    title: (ref: string) => `Purchase order ${ref}`, facts: 'Order', destination: 'Deliver to', requested: 'Requested date', sentAt: 'Sent',
    amount: 'Amount', lines: 'Lines', line: '#', sku: 'SKU', ordered: 'Ordered', accepted: 'Accepted', open: 'Open', inTransit: 'On the way',
    received: 'Received', eta: 'ETA', requestedLine: 'Requested', promise: 'Earliest customer promise', status: 'Status',
    answer: 'Confirm or reject lines', answerHint: 'Accept a quantity with the date it will arrive; 0 rejects the line (say why).',
    acceptOf: (n: number, sku: string) => `Line ${n} (${sku}): units accepted`, etaOf: (n: number) => `Line ${n}: ETA`,
    reasonOf: (n: number) => `Line ${n}: note or reason`, send: 'Send answers', sent: 'Answers sent.', notFound: 'Not found',
  },
  {
    title: (ref: string) => `采购订单 ${ref}`, facts: '订单', destination: '送货至', requested: '要求到货日', sentAt: '发送时间',
    amount: '金额', lines: '订单行', line: '#', sku: 'SKU', ordered: '订购', accepted: '接受', open: '未到', inTransit: '在途',
    received: '已收货', eta: '预计到货', requestedLine: '要求日期', promise: '最早的顾客承诺', status: '状态',
    answer: '确认或拒绝订单行', answerHint: '填写接受的数量及到货日期；填 0 即拒绝该行（请说明原因）。',
    acceptOf: (n: number, sku: string) => `第 ${n} 行（${sku}）：接受件数`, etaOf: (n: number) => `第 ${n} 行：预计到货`,
    reasonOf: (n: number) => `第 ${n} 行：备注或原因`, send: '提交答复', sent: '答复已提交。', notFound: '未找到',
  },
)

export function PortalPurchaseOrder({ id }: { id: string }) {
  const t = useText(text)
  const st = useText(poStatusText)
  const { api } = useSession()
  const names = usePortalNames()
  const [version, setVersion] = useState(0)
  // The ASNs are asked for only once the order is found: another supplier's order is one refusal.
  const po = useLoad(async () => {
    const order = await ok(api.GET('/v1/purchase-orders/{id}', { params: { path: { id } } }))
    const asns = await ok(api.GET('/v1/purchase-orders/{id}/asns', { params: { path: { id } } }))
    return { order, asns: asns.items }
  }, [id, version])
  const changed = () => setVersion((v) => v + 1)
  if (po.error && !po.data) return <PageTitle title={t.notFound}><ProblemNote error={po.error} /></PageTitle>
  return (
    <Show loaded={names}>
      {(n) => (
        <Show loaded={po}>
          {({ order: o, asns }) => (
            <>
              <PageTitle title={t.title(o.reference ?? o.id)}><StatusBadge status={o.status} label={st[o.status]} /></PageTitle>
              <Facts po={o} names={n} />
              <Lines po={o} names={n} />
              {o.lines.some((l) => l.status === 'open') && <AnswerForm key={`answer:${o.version}`} po={o} names={n} onDone={changed} />}
              <MoveEta po={o} names={n} onDone={changed} />
              <AsnForm key={`asn:${o.version}`} po={o} names={n} onDone={changed} />
              <Asns asns={asns} po={o} names={n} />
            </>
          )}
        </Show>
      )}
    </Show>
  )
}

function Facts({ po, names }: { po: PurchaseOrder; names: PortalNames }) {
  const t = useText(text)
  const f = useFormat()
  return (
    <Card title={t.facts}>
      <dl class="facts">
        <dt>{t.destination}</dt><dd>{po.destination ? `${po.destination.name} (${po.destination.code})` : names.code(po.destinationNodeId)}</dd>
        <dt>{t.requested}</dt><dd>{f.day(po.requestedDate)}</dd>
        <dt>{t.sentAt}</dt><dd>{f.instant(po.sentAt)}</dd>
        <dt>{t.amount}</dt><dd>{f.money(po.totals.amountOrdered, po.currency)}</dd>
      </dl>
    </Card>
  )
}

function Lines({ po, names }: { po: PurchaseOrder; names: PortalNames }) {
  const t = useText(text)
  const u = useText(urgencyText)
  const st = useText(poStatusText)
  const f = useFormat()
  return (
    <Card title={t.lines}>
      <DataTable caption={t.lines} rows={po.lines} rowKey={(l) => l.id} columns={[
        { label: t.line, cell: (l) => l.lineNo, numeric: true },
        { label: t.sku, cell: (l) => names.code(l.skuId) },
        { label: t.ordered, cell: (l) => f.count(l.quantityOrdered), numeric: true },
        { label: t.accepted, cell: (l) => f.count(l.quantityAccepted), numeric: true },
        { label: t.open, cell: (l) => f.count(l.quantityOpen), numeric: true },
        { label: t.inTransit, cell: (l) => f.count(l.quantityInTransit), numeric: true },
        { label: t.received, cell: (l) => f.count(l.quantityReceived), numeric: true },
        { label: t.requestedLine, cell: (l) => f.day(l.requestedDate) },
        { label: t.eta, cell: (l) => f.day(l.eta) },
        {
          label: t.promise, cell: (l) => (
            <>
              {f.day(l.earliestCustomerPromiseDate)}
              {lateForCustomers(l.eta, l.earliestCustomerPromiseDate) && <> <span class="badge bad late">{u.late}</span></>}
            </>
          ),
        },
        { label: t.status, cell: (l) => st[l.status] },
      ]} />
    </Card>
  )
}

interface Answer { accepted: string; eta: string; reason: string }

function AnswerForm({ po, names, onDone }: { po: PurchaseOrder; names: PortalNames; onDone: () => void }) {
  const t = useText(text)
  const { api } = useSession()
  const open = po.lines.filter((l) => l.status === 'open')
  const [answers, setAnswers] = useState<Record<string, Answer>>({})
  const answerOf = (line: PurchaseOrder['lines'][number]): Answer => answers[line.id] ?? { accepted: String(line.quantityOrdered), eta: '', reason: '' }
  const set = (line: PurchaseOrder['lines'][number], change: Partial<Answer>) => setAnswers({ ...answers, [line.id]: { ...answerOf(line), ...change } })
  const send = useAction(async () => {
    // Only the lines answered here: an untouched line with no ETA stays open for later.
    const lines = open.filter((l) => answers[l.id] !== undefined).map((l) => {
      const a = answerOf(l)
      return { line: l.id, quantityAccepted: Number(a.accepted || 0), ...(a.eta && { eta: a.eta }), ...(a.reason.trim() && { reason: a.reason.trim() }) }
    })
    await ok(api.POST('/v1/purchase-orders/{id}/confirm', { params: { path: { id: po.id } }, body: { lines } }))
  }, onDone)
  return (
    <Card title={t.answer}>
      <p class="hint">{t.answerHint}</p>
      <form onSubmit={(e) => { e.preventDefault(); void send.run() }}>
        {open.map((l) => {
          const a = answerOf(l)
          const sku = names.code(l.skuId)
          return (
            <div class="form-row">
              <Field label={t.acceptOf(l.lineNo, sku)}>{(id) => <input id={id} name={`accepted-${l.lineNo}`} type="number" min={0} max={l.quantityOrdered} value={a.accepted} onInput={(e) => set(l, { accepted: e.currentTarget.value })} />}</Field>
              <Field label={t.etaOf(l.lineNo)}>{(id) => <input id={id} name={`eta-${l.lineNo}`} type="date" value={a.eta} onInput={(e) => set(l, { eta: e.currentTarget.value })} />}</Field>
              <Field label={t.reasonOf(l.lineNo)}>{(id) => <input id={id} name={`reason-${l.lineNo}`} maxLength={500} value={a.reason} onInput={(e) => set(l, { reason: e.currentTarget.value })} />}</Field>
            </div>
          )
        })}
        <ProblemNote error={send.error} />
        <button type="submit" class="primary" disabled={send.busy || Object.keys(answers).length === 0}>{t.send}</button>
      </form>
    </Card>
  )
}
