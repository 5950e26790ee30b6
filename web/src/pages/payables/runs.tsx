/**
 * Payment runs: propose one (what falls due by a day, plus what is worth paying early for its
 * discount; never an invoice on hold), then read each run per supplier and currency — instalments
 * paid, discounts taken, debits set off, the net to transfer. An admin approves a run and records
 * each supplier's payment with the bank's reference (once); a run with no payment can be cancelled.
 */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, MoreButton, PageTitle, ProblemNote, Show, useAction } from '../../ui.tsx'
import { useLookups, type Lookups } from '../selling/lookups.tsx'
import { usePaged } from '../stock/paged.ts'
import { useInvoiceNumbers } from './references.ts'
import { runText, runStatusText, reasonText } from './run-words.ts'
import type { PaymentRun, RunGroup } from './words.ts'
import './payables.css'

const dayMs = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
/** Who acted, as the role (the server records `role/token id`; the token id means nothing to a reader). */
const roleOf = (actor: string) => actor.split('/')[0] ?? actor
/** The server counts days since 1970 in its explanations ("due day 20455"): the reader gets the date. */
const datedWords = (explanation: string, day: (iso: string) => string) =>
  explanation.replace(/\bday (\d{4,6})\b/g, (_, n: string) => day(isoDay(Number(n) * dayMs)))

export function PayablesRuns() {
  const t = useText(runText)
  const { api } = useSession()
  const lookups = useLookups()
  const [round, setRound] = useState(0)
  const reload = () => setRound((n) => n + 1)
  const runs = usePaged((cursor) => ok(api.GET('/v1/payment-runs', { params: { query: { limit: '20', ...(cursor && { cursor }) } } })), [api, round])
  const invoiceName = useInvoiceNumbers(runs.items ?? [])
  return (
    <>
      <PageTitle title={t.title} />
      <p class="hint">{t.hint}</p>
      <ProposeForm onProposed={reload} />
      <h2 class="section">{t.runs}</h2>
      <ProblemNote error={runs.error} />
      <Show loaded={lookups}>
        {(l) => (
          runs.items?.length === 0 ? <p>{t.none}</p>
            : <ul class="runs">{runs.items?.map((r) => <li key={r.id}><RunCard run={r} lookups={l} invoiceName={invoiceName} onChanged={reload} /></li>)}</ul>
        )}
      </Show>
      {runs.hasMore && <MoreButton onClick={runs.more} busy={runs.busy} />}
    </>
  )
}

function ProposeForm({ onProposed }: { onProposed: () => void }) {
  const t = useText(runText)
  const { api } = useSession()
  const [payBy, setPayBy] = useState(() => isoDay(Date.now() + 7 * dayMs))
  const [payDate, setPayDate] = useState('')
  const [minDiscount, setMinDiscount] = useState('')
  const propose = useAction(async () => {
    await ok(api.POST('/v1/payment-runs', { body: { payBy, ...(payDate && { payDate }), ...(minDiscount && { minDiscountMinor: Number(minDiscount) }) } }))
  }, onProposed)
  return (
    <Card title={t.propose}>
      <form class="filters" aria-label={t.propose} onSubmit={(e) => { e.preventDefault(); void propose.run() }}>
        <Field label={t.payBy} hint={t.payByHint}>{(id) => <input id={id} name="payBy" type="date" required value={payBy} onInput={(e) => setPayBy(e.currentTarget.value)} />}</Field>
        <Field label={t.payDate} hint={t.payDateHint}>{(id) => <input id={id} name="payDate" type="date" value={payDate} onInput={(e) => setPayDate(e.currentTarget.value)} />}</Field>
        <Field label={t.minDiscount} hint={t.minDiscountHint}>{(id) => <input id={id} name="minDiscountMinor" type="number" min={1} step={1} value={minDiscount} onInput={(e) => setMinDiscount(e.currentTarget.value)} />}</Field>
        <button type="submit" class="primary" disabled={propose.busy}>{t.proposeButton}</button>
      </form>
      <ProblemNote error={propose.error} />
    </Card>
  )
}

function RunCard({ run: r, lookups, invoiceName, onChanged }: { run: PaymentRun; lookups: Lookups; invoiceName: (id: string) => string; onChanged: () => void }) {
  const t = useText(runText)
  const rs = useText(runStatusText)
  const f = useFormat()
  const { api, kind } = useSession()
  const admin = kind === 'admin'
  const approve = useAction(() => ok(api.POST('/v1/payment-runs/{id}/approve', { params: { path: { id: r.id } } })), onChanged)
  const cancel = useAction(() => ok(api.POST('/v1/payment-runs/{id}/cancel', { params: { path: { id: r.id } } })), onChanged)
  const title = t.run(f.day(r.payDate), rs[r.status])
  const paidAny = r.groups.some((g) => g.payment !== null)
  const tone = r.status === 'paid' ? 'good' : r.status === 'cancelled' ? 'muted' : 'warn'
  return (
    <article class="run" aria-label={title}>
      <Card title={title} actions={
        <div class="row-actions">
          <span class={`badge ${tone}`}>{rs[r.status]}</span>
          {admin && r.status === 'proposed' && <button type="button" class="primary" disabled={approve.busy} onClick={() => void approve.run()}>{t.approve}</button>}
          {(r.status === 'proposed' || r.status === 'approved') && !paidAny && <button type="button" class="danger" disabled={cancel.busy} onClick={() => void cancel.run()}>{t.cancel}</button>}
        </div>
      }>
        <p class="live">
          {t.payBy}: {f.day(r.payBy)} · {t.proposedBy(roleOf(r.createdBy), f.instant(r.createdAt))}
          {r.approvedBy && <> · {t.approvedBy(roleOf(r.approvedBy), f.instant(r.approvedAt))}</>}
        </p>
        {!admin && r.status === 'proposed' && <p class="hint">{t.adminApproves}</p>}
        <ProblemNote error={approve.error ?? cancel.error} />
        {r.groups.map((g) => <GroupView key={`${g.supplierId}|${g.currency}`} run={r} group={g} lookups={lookups} invoiceName={invoiceName} onChanged={onChanged} />)}
      </Card>
    </article>
  )
}

function GroupView({ run, group: g, lookups, invoiceName, onChanged }: {
  run: PaymentRun; group: RunGroup; lookups: Lookups; invoiceName: (id: string) => string; onChanged: () => void
}) {
  const t = useText(runText)
  const why = useText(reasonText)
  const f = useFormat()
  const { kind } = useSession()
  const money = (minor: number) => f.money(minor, g.currency)
  const title = t.group(lookups.code(g.supplierId), g.currency)
  return (
    <section class="run-group" aria-label={title}>
      <h3>{title}</h3>
      <dl class="facts">
        <dt>{t.instalmentsPaid}</dt><dd>{money(g.payMinor)}</dd>
        <dt>{t.discounts}</dt><dd>{money(g.discountMinor)}</dd>
        <dt>{t.debits}</dt><dd>{money(g.debitsMinor)}{g.debitIds.length > 0 && <> · {t.debitCount(g.debitIds.length)}</>}</dd>
        <dt>{t.net}</dt><dd><strong>{money(g.netMinor)}</strong></dd>
        <dt>{t.payment}</dt>
        <dd>{g.payment ? t.paidWith(g.payment.bankReference, f.day(g.payment.paidDate), money(g.payment.amountMinor)) : t.notPaid}</dd>
      </dl>
      <DataTable caption={t.linesCaption(title)} rows={g.lines} rowKey={(l) => `${l.invoiceId}|${l.seq}`} columns={[
        { label: t.invoice, cell: (l) => <a href={`/console/payables/invoices/${l.invoiceId}`}>{invoiceName(l.invoiceId)}</a> },
        { label: t.seq, cell: (l) => l.seq },
        { label: t.why, cell: (l) => why[l.reason] },
        { label: t.pay, cell: (l) => money(l.payMinor), numeric: true },
        { label: t.discount, cell: (l) => (l.discountMinor > 0 ? money(l.discountMinor) : '—'), numeric: true },
        { label: t.explanation, cell: (l) => datedWords(l.explanation, f.day) },
      ]} />
      {kind === 'admin' && run.status === 'approved' && g.payment === null && <RecordPayment run={run} group={g} title={title} onChanged={onChanged} />}
    </section>
  )
}

function RecordPayment({ run, group: g, title, onChanged }: { run: PaymentRun; group: RunGroup; title: string; onChanged: () => void }) {
  const t = useText(runText)
  const { api } = useSession()
  const [reference, setReference] = useState('')
  const [paidDate, setPaidDate] = useState(run.payDate)
  const record = useAction(() => ok(api.POST('/v1/payment-runs/{id}/payments', {
    params: { path: { id: run.id } }, body: { supplierId: g.supplierId, currency: g.currency, bankReference: reference, paidDate },
  })), onChanged)
  const name = t.recordFor(title)
  return (
    <form class="filters record-payment" aria-label={name} onSubmit={(e) => { e.preventDefault(); void record.run() }}>
      <Field label={t.bankReference}>{(id) => <input id={id} name="bankReference" required maxLength={100} value={reference} onInput={(e) => setReference(e.currentTarget.value)} />}</Field>
      <Field label={t.paidDate}>{(id) => <input id={id} name="paidDate" type="date" required value={paidDate} onInput={(e) => setPaidDate(e.currentTarget.value)} />}</Field>
      <button type="submit" class="primary" disabled={record.busy}>{t.record}</button>
      <ProblemNote error={record.error} />
    </form>
  )
}
