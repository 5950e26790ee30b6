/**
 * Staff's supplier debits: every debit and credit note, newest first, filtered by supplier, kind
 * and status, with what each is for; and the form to enter a credit note a supplier issued (a
 * number once per supplier: entering it again is refused with its code).
 */
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ok } from '../../api.ts'
import { defineText, majorUnits, useFormat, useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, DataTable, Field, MoreButton, PageTitle, ProblemNote, useAction, useLoad } from '../../ui.tsx'
import { usePaged } from '../stock/paged.ts'
import { debitKinds, debitStatuses, debitText, kindText, statusText, type Debit, type DebitKind } from './words.ts'

const text = defineText(
  {
    title: 'Supplier debits', list: 'Debits and credit notes', hint: 'What suppliers owe back: QC failures and short receipts at the PO price, returns to vendor, their share of the compensation customers got for their delays, and credit notes. Open ones are offset against the next payment.',
    enter: 'Enter a credit note', number: 'Credit note number', amountMajor: (currency: string) => `Amount (${currency})`, reason: 'Reason', save: 'Enter credit note',
    entered: (n: string) => `Credit note ${n} entered.`,
  },
  {
    title: '供应商扣款', list: '扣款与贷项通知单', hint: '供应商应退还的款项：按采购价计的质检不合格与短收、退回供应商、因其延误给顾客补偿的分摊部分，以及贷项通知单。未抵扣的款项将在下次付款时抵扣。',
    enter: '录入贷项通知单', number: '贷项通知单号', amountMajor: (currency: string) => `金额（${currency}）`, reason: '原因', save: '录入',
    entered: (n: string) => `贷项通知单 ${n} 已录入。`,
  },
)

/** What a debit is for, in a few words. */
export function referenceOf(d: { kind: string; detail?: Record<string, unknown>; poId?: string | null; creditNoteNumber?: string | null }, w: (typeof debitText)['en']): string {
  const x = d.detail ?? {}
  const po = (d.poId ?? x.poId) as string | undefined
  if (d.kind === 'credit_note') return w.note(String(d.creditNoteNumber ?? x.number ?? ''))
  if (d.kind === 'delay_chargeback') return w.order(String(x.orderId ?? ''), Number(x.lineNo ?? 0))
  return po ? w.po(po) : ''
}

export function SupplierDebits() {
  const t = useText(text)
  const w = useText(debitText)
  const k = useText(kindText)
  const s = useText(statusText)
  const f = useFormat()
  const { api } = useSession()
  const { query, route } = useLocation()
  const suppliers = useLoad(() => ok(api.GET('/v1/suppliers', { params: { query: { limit: '500' } } })), [api])
  const supplier = query.supplier || undefined
  const kind = debitKinds.find((x) => x === query.kind)
  const status = debitStatuses.find((x) => x === query.status)
  const [round, setRound] = useState(0)
  const debits = usePaged((cursor) => ok(api.GET('/v1/supplier-debits', {
    params: { query: { limit: '50', ...(supplier && { supplier }), ...(kind && { kind }), ...(status && { status }), ...(cursor && { cursor }) } },
  })), [api, supplier, kind, status, round])
  const codeOf = (id: string) => suppliers.data?.items.find((x) => x.id === id)?.code ?? id
  const filter = (name: string, value: string) => {
    const next = new URLSearchParams({ ...(supplier && { supplier }), ...(kind && { kind }), ...(status && { status }) })
    if (value === '') next.delete(name)
    else next.set(name, value)
    const q = next.toString()
    route(q ? `/console/payables/debits?${q}` : '/console/payables/debits')
  }
  const pick = (name: string) => (e: Event) => filter(name, (e.currentTarget as HTMLSelectElement).value)
  return (
    <>
      <PageTitle title={t.title} />
      <p class="hint">{t.hint}</p>
      <Card title={t.list}>
        <div class="filters">
          <Field label={w.supplier}>
            {(id) => (
              <select id={id} value={supplier ?? ''} onChange={pick('supplier')}>
                <option value="">{w.any}</option>
                {suppliers.data?.items.map((x) => <option value={x.id}>{x.code}</option>)}
              </select>
            )}
          </Field>
          <Field label={w.kind}>
            {(id) => (
              <select id={id} value={kind ?? ''} onChange={pick('kind')}>
                <option value="">{w.any}</option>
                {debitKinds.map((x) => <option value={x}>{k[x]}</option>)}
              </select>
            )}
          </Field>
          <Field label={w.status}>
            {(id) => (
              <select id={id} value={status ?? ''} onChange={pick('status')}>
                <option value="">{w.any}</option>
                {debitStatuses.map((x) => <option value={x}>{s[x]}</option>)}
              </select>
            )}
          </Field>
        </div>
        <ProblemNote error={debits.error} />
        {debits.items && (
          <DataTable<Debit> caption={t.list} rows={debits.items} rowKey={(d) => d.id} columns={[
            { label: w.when, cell: (d) => f.instant(d.createdAt) },
            { label: w.supplier, cell: (d) => codeOf(d.supplierId) },
            { label: w.kind, cell: (d) => k[d.kind as DebitKind] },
            { label: w.reference, cell: (d) => referenceOf(d, w) },
            { label: w.units, cell: (d) => f.count(d.quantity), numeric: true },
            { label: w.amount, cell: (d) => f.money(d.amountMinor, d.currency), numeric: true },
            { label: w.status, cell: (d) => s[d.status] },
          ]} />
        )}
        {debits.hasMore && <MoreButton onClick={debits.more} busy={debits.busy} />}
      </Card>
      <CreditNoteForm suppliers={suppliers.data?.items ?? []} onEntered={() => setRound((n) => n + 1)} />
    </>
  )
}

function CreditNoteForm({ suppliers, onEntered }: { suppliers: ReadonlyArray<{ id: string; code: string; currency: string }>; onEntered: () => void }) {
  const t = useText(text)
  const w = useText(debitText)
  const { api } = useSession()
  const [supplierId, setSupplierId] = useState('')
  const [number, setNumber] = useState('')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [entered, setEntered] = useState<string | null>(null)
  const chosen = suppliers.find((x) => x.id === supplierId) ?? suppliers[0]
  const currency = chosen?.currency ?? 'CNY'
  const enter = useAction(async () => {
    setEntered(null)
    // Major units as typed, to whole minor units by the currency's own digits.
    const amountMinor = Math.round(Number(amount) / majorUnits(1, currency))
    const made = await ok(api.POST('/v1/suppliers/{id}/credit-notes', { params: { path: { id: chosen!.id } }, body: { number: number.trim(), amountMinor, currency, reason: reason.trim() } }))
    setEntered(String(made.detail.number ?? number))
    setNumber('')
    setAmount('')
    setReason('')
  }, onEntered)
  const input = (set: (v: string) => void) => (e: Event) => set((e.currentTarget as HTMLInputElement).value)
  return (
    <Card title={t.enter}>
      <form aria-label={t.enter} onSubmit={(e) => { e.preventDefault(); void enter.run() }}>
        <Field label={w.supplier}>
          {(id) => (
            <select id={id} required value={chosen?.id ?? ''} onChange={(e) => setSupplierId((e.currentTarget as HTMLSelectElement).value)}>
              {suppliers.map((x) => <option value={x.id}>{x.code}</option>)}
            </select>
          )}
        </Field>
        <Field label={t.number}>{(id) => <input id={id} required maxLength={64} autoComplete="off" spellcheck={false} value={number} onInput={input(setNumber)} />}</Field>
        <Field label={t.amountMajor(currency)}>{(id) => <input id={id} required type="number" min="0" step="any" inputMode="decimal" value={amount} onInput={input(setAmount)} />}</Field>
        <Field label={t.reason}>{(id) => <input id={id} required maxLength={500} value={reason} onInput={input(setReason)} />}</Field>
        <button type="submit" disabled={enter.busy || !chosen}>{t.save}</button>
        <ProblemNote error={enter.error} />
        {entered && <p class="live" role="status">{t.entered(entered)}</p>}
      </form>
    </Card>
  )
}
