/**
 * The exceptions queue: invoices on hold (a line off the PO price, billed beyond what passed QC, or
 * not received) and those waiting for the supplier's credit note, oldest worry first. Each shows
 * only its lines that did not match, with the variances and the server's explanation, and is
 * approved (a reason is required and kept on the invoice), rejected, or sent back for a credit note.
 */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { defineText, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, Field, PageTitle, ProblemNote, Show, useAction, useLoad } from '../../ui.tsx'
import { useLookups } from '../selling/lookups.tsx'
import { InvoiceStatusBadge } from './badges.tsx'
import { InvoiceLines, type Naming } from './invoice-detail.tsx'
import { staffNaming } from './invoices.tsx'
import { invoiceStatusText, type Invoice } from './words.ts'
import './payables.css'

type Action = 'approve' | 'reject' | 'request_credit_note'

const text = defineText(
  {
    title: 'Exceptions queue', hint: 'Invoices that did not match stay here until someone decides: approve with a reason (it is kept on the invoice), reject, or ask the supplier for a credit note. Only matched or approved invoices are paid.',
    onHold: 'On hold', waiting: 'Waiting for a credit note', empty: 'Nothing waits here.', invoice: (number: string, supplier: string) => `Invoice ${number} · ${supplier}`,
    total: 'Total', date: 'Invoice date', open: 'Open in full', offCaption: 'Lines that did not match', reason: 'Reason', reasonHint: 'Required: why you decide so. The supplier reads it in its portal.',
    approve: 'Approve', reject: 'Reject', requestCredit: 'Request a credit note', done: (number: string, status: string) => `Invoice ${number}: ${status}.`,
    needReason: 'Write the reason first.',
  },
  {
    title: '异常队列', hint: '不符的发票留在这里等待处理：填写原因后批准（原因记录在发票上）、拒绝，或要求供应商开具贷项通知单。只有已匹配或已批准的发票才会付款。',
    onHold: '挂起', waiting: '等待贷项通知单', empty: '暂无待处理项。', invoice: (number: string, supplier: string) => `发票 ${number} · ${supplier}`,
    total: '合计', date: '发票日期', open: '查看完整发票', offCaption: '不符的行', reason: '原因', reasonHint: '必填：处理原因。供应商可在门户中看到。',
    approve: '批准', reject: '拒绝', requestCredit: '要求贷项通知单', done: (number: string, status: string) => `发票 ${number}：${status}。`,
    needReason: '请先填写原因。',
  },
)

export function PayablesExceptions() {
  const t = useText(text)
  const { api } = useSession()
  const lookups = useLookups()
  const [round, setRound] = useState(0)
  const [done, setDone] = useState<string | null>(null)
  const load = (status: 'on_hold' | 'credit_requested') => ok(api.GET('/v1/supplier-invoices', { params: { query: { status, limit: '200' } } }))
  const held = useLoad(() => load('on_hold'), [api, round])
  const waiting = useLoad(() => load('credit_requested'), [api, round])
  const st = useText(invoiceStatusText)
  const resolved = (i: Invoice) => {
    setDone(t.done(i.number, st[i.status]))
    setRound((n) => n + 1)
  }
  return (
    <>
      <PageTitle title={t.title} />
      <p class="hint">{t.hint}</p>
      <div aria-live="polite">{done && <p class="notice">{done}</p>}</div>
      <Show loaded={lookups}>
        {(l) => (
          <>
            <h2 class="section">{t.onHold}</h2>
            <Show loaded={held}>{(page) => <Queue items={page.items} naming={staffNaming(l)} onResolved={resolved} />}</Show>
            <h2 class="section">{t.waiting}</h2>
            <Show loaded={waiting}>{(page) => <Queue items={page.items} naming={staffNaming(l)} onResolved={resolved} />}</Show>
          </>
        )}
      </Show>
    </>
  )
}

function Queue({ items, naming, onResolved }: { items: Invoice[]; naming: Naming; onResolved: (i: Invoice) => void }) {
  const t = useText(text)
  if (items.length === 0) return <p>{t.empty}</p>
  // Oldest first: the longest wait is worked first.
  return <ul class="exceptions">{[...items].reverse().map((i) => <li key={i.id}><Exception invoice={i} naming={naming} onResolved={onResolved} /></li>)}</ul>
}

function Exception({ invoice: i, naming, onResolved }: { invoice: Invoice; naming: Naming; onResolved: (i: Invoice) => void }) {
  const t = useText(text)
  const f = useFormat()
  const { api } = useSession()
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const resolve = useAction(async (action: Action) => {
    onResolved(await ok(api.POST('/v1/supplier-invoices/{id}/resolution', { params: { path: { id: i.id } }, body: { action, reason } })))
  })
  const act = (action: Action) => {
    setMissing(reason.trim() === '')
    if (reason.trim() !== '') void resolve.run(action)
  }
  const title = t.invoice(i.number, naming.code(i.supplierId))
  const off = i.lines.filter((l) => l.result !== 'matched')
  return (
    <article class="exception" aria-label={title}>
      <Card title={title} actions={<InvoiceStatusBadge status={i.status} />}>
        <p>
          {t.date}: {f.day(i.invoiceDate)} · {t.total}: <strong>{f.money(i.totalMinor, i.currency)}</strong> · <a href={`/console/payables/invoices/${i.id}`}>{t.open}</a>
        </p>
        {i.resolution && <p class="live">{i.resolution}</p>}
        <InvoiceLines invoice={i} naming={naming} lines={off} caption={t.offCaption} />
        <form class="resolve-form" aria-label={title} onSubmit={(e) => e.preventDefault()}>
          <Field label={t.reason} hint={t.reasonHint}>{(id) => (
            <textarea id={id} name="reason" rows={2} maxLength={1000} value={reason} aria-invalid={missing} onInput={(e) => setReason(e.currentTarget.value)} />
          )}</Field>
          {missing && <p class="problem" role="alert">{t.needReason}</p>}
          <ProblemNote error={resolve.error} />
          <div class="row-actions">
            <button type="button" class="primary" disabled={resolve.busy} onClick={() => act('approve')}>{t.approve}</button>
            <button type="button" class="danger" disabled={resolve.busy} onClick={() => act('reject')}>{t.reject}</button>
            {i.status === 'on_hold' && <button type="button" disabled={resolve.busy} onClick={() => act('request_credit_note')}>{t.requestCredit}</button>}
          </div>
        </form>
      </Card>
    </article>
  )
}
