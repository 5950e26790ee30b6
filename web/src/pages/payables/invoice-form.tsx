/**
 * Entering a supplier invoice: its number, day and currency, lines billed against purchase order
 * lines (the PO picked from the supplier's orders, the line from its lines, prefilled with the units
 * that passed QC at the PO price), charges and tax. Staff pick the supplier; in the portal it is the
 * supplier itself, against its own orders. The server matches it at once and answers the invoice.
 */
import { useState } from 'preact/hooks'
import { ok } from '../../api.ts'
import { useText } from '../../i18n.tsx'
import { useSession } from '../../session.tsx'
import { Card, Field, ProblemNote, useAction, useLoad } from '../../ui.tsx'
import { CodeSelect, type Schemas, type Supplier } from '../selling/lookups.tsx'
import { poStatusText } from '../purchasing/words.ts'
import { minorOf, typedOf } from './money.ts'
import { chargeKinds, chargeText, formText, type ChargeKind, type Invoice, type InvoiceRequest } from './words.ts'

type Po = Schemas['PurchaseOrder']
interface LineDraft { po: string; lineNo: string; quantity: string; price: string }
interface ChargeDraft { kind: ChargeKind; amount: string; description: string }

const blankLine = (): LineDraft => ({ po: '', lineNo: '', quantity: '', price: '' })
const today = () => new Date().toISOString().slice(0, 10)
/** Orders that can be billed: sent to the supplier and not cancelled. */
const billable = (po: Po) => po.status !== 'draft' && po.status !== 'cancelled'

export function InvoiceForm({ suppliers, code, onSent }: {
  /** Staff pick among these; the portal passes none (the supplier is the caller). */
  suppliers?: readonly Supplier[]
  code: (id: string) => string
  onSent: (invoice: Invoice) => void
}) {
  const t = useText(formText)
  const c = useText(chargeText)
  const st = useText(poStatusText)
  const { api } = useSession()
  const portal = suppliers === undefined
  const [supplierId, setSupplierId] = useState('')
  const [number, setNumber] = useState('')
  const [date, setDate] = useState(today)
  const [currency, setCurrency] = useState('')
  const [lines, setLines] = useState<LineDraft[]>([blankLine()])
  const [charges, setCharges] = useState<ChargeDraft[]>([])
  const [tax, setTax] = useState('')
  const [note, setNote] = useState('')
  const [invalid, setInvalid] = useState<string | null>(null)
  const pos = useLoad(async () => {
    if (!portal && !supplierId) return []
    const query = { limit: '100', ...(!portal && { supplier: supplierId }) }
    return (await ok(api.GET('/v1/purchase-orders', { params: { query } }))).items.filter(billable)
  }, [api, supplierId])
  const poOf = (id: string) => pos.data?.find((p) => p.id === id)
  const effectiveCurrency = currency || poOf(lines[0]?.po ?? '')?.currency || suppliers?.find((s) => s.id === supplierId)?.currency || ''

  const setLine = (i: number, patch: Partial<LineDraft>) => setLines((all) => all.map((l, n) => (n === i ? { ...l, ...patch } : l)))
  const pickLine = (i: number, lineNo: string) => {
    const po = poOf(lines[i]!.po)
    const line = po?.lines.find((l) => String(l.lineNo) === lineNo)
    setLine(i, { lineNo, ...(line && po && { quantity: String(line.quantityPassed || line.quantityOrdered), price: typedOf(line.unitCost, po.currency) }) })
  }
  const setCharge = (i: number, patch: Partial<ChargeDraft>) => setCharges((all) => all.map((x, n) => (n === i ? { ...x, ...patch } : x)))

  const send = useAction(async (body: InvoiceRequest) => {
    const made = portal
      ? await ok(api.POST('/v1/supplier-portal/invoices', { body }))
      : await ok(api.POST('/v1/supplier-invoices', { body }))
    onSent(made)
  })

  const submit = (e: Event) => {
    e.preventDefault()
    const cur = effectiveCurrency
    const money = (text: string, field: string): number | null => {
      const minor = minorOf(text, cur || 'CNY')
      if (minor === undefined) throw new Error(t.badAmount(field))
      return minor
    }
    try {
      const body: InvoiceRequest = {
        ...(!portal && { supplierId }), number, invoiceDate: date, currency: cur,
        lines: lines.map((l, i) => ({ po: l.po, lineNo: Number(l.lineNo), quantity: Number(l.quantity), unitPriceMinor: money(l.price, `${t.line(i + 1)} ${t.unitPrice}`)! })),
        charges: charges.map((x, i) => ({ kind: x.kind, amountMinor: money(x.amount, `${t.charge(i + 1)} ${t.amount}`)!, description: x.description || null })),
        ...(tax.trim() && { taxMinor: money(tax, t.tax)! }),
        ...(note.trim() && { note }),
      }
      setInvalid(null)
      void send.run(body)
    } catch (error) {
      setInvalid((error as Error).message)
    }
  }

  const title = portal ? t.send : t.title
  return (
    <Card title={title}>
      <form class="invoice-form" aria-label={title} onSubmit={submit}>
        <div class="form-grid">
          {!portal && (
            <Field label={t.supplier}>{(id) => <CodeSelect id={id} name="supplier" rows={suppliers} value={supplierId} onChange={setSupplierId} blank={t.choose} required />}</Field>
          )}
          <Field label={t.number}>{(id) => <input id={id} name="number" required maxLength={64} value={number} onInput={(e) => setNumber(e.currentTarget.value)} />}</Field>
          <Field label={t.date}>{(id) => <input id={id} name="invoiceDate" type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} />}</Field>
          <Field label={t.currency}>{(id) => <input id={id} name="currency" required pattern="[A-Z]{3}" maxLength={3} size={4} value={effectiveCurrency} onInput={(e) => setCurrency(e.currentTarget.value.toUpperCase())} />}</Field>
        </div>
        {pos.data?.length === 0 && (portal || supplierId) && <p class="hint">{t.noPos}</p>}
        <ProblemNote error={pos.error} />
        {lines.map((l, i) => {
          const po = poOf(l.po)
          return (
            <fieldset class="choices invoice-line" key={i}>
              <legend>{t.line(i + 1)}</legend>
              <Field label={t.po}>{(id) => (
                <select id={id} name={`po-${i}`} required value={l.po} onChange={(e) => setLine(i, { po: e.currentTarget.value, lineNo: '', quantity: '', price: '' })}>
                  <option value="">{t.choose}</option>
                  {pos.data?.map((p) => <option value={p.id}>{t.poOption(p.reference ?? p.id, st[p.status])}</option>)}
                </select>
              )}</Field>
              <Field label={t.poLine}>{(id) => (
                <select id={id} name={`line-${i}`} required value={l.lineNo} onChange={(e) => pickLine(i, e.currentTarget.value)}>
                  <option value="">{t.choose}</option>
                  {po?.lines.map((pl) => <option value={String(pl.lineNo)}>{t.lineOption(pl.lineNo, code(pl.skuId), pl.quantityPassed, typedOf(pl.unitCost, po.currency))}</option>)}
                </select>
              )}</Field>
              <Field label={t.quantity}>{(id) => <input id={id} name={`quantity-${i}`} type="number" min={1} step={1} required value={l.quantity} onInput={(e) => setLine(i, { quantity: e.currentTarget.value })} />}</Field>
              <Field label={t.unitPrice} hint={t.moneyHint}>{(id) => <input id={id} name={`price-${i}`} inputMode="decimal" required value={l.price} onInput={(e) => setLine(i, { price: e.currentTarget.value })} />}</Field>
              {lines.length > 1 && <button type="button" onClick={() => setLines((all) => all.filter((_, n) => n !== i))}>{t.removeLine(i + 1)}</button>}
            </fieldset>
          )
        })}
        <div class="row-actions"><button type="button" onClick={() => setLines((all) => [...all, blankLine()])}>{t.addLine}</button></div>
        {charges.map((x, i) => (
          <fieldset class="choices invoice-line" key={`c${i}`}>
            <legend>{t.charge(i + 1)}</legend>
            <Field label={t.kind}>{(id) => (
              <select id={id} name={`charge-kind-${i}`} value={x.kind} onChange={(e) => setCharge(i, { kind: e.currentTarget.value as ChargeKind })}>
                {chargeKinds.map((k) => <option value={k}>{c[k]}</option>)}
              </select>
            )}</Field>
            <Field label={t.amount} hint={t.moneyHint}>{(id) => <input id={id} name={`charge-amount-${i}`} inputMode="decimal" required value={x.amount} onInput={(e) => setCharge(i, { amount: e.currentTarget.value })} />}</Field>
            <Field label={t.description}>{(id) => <input id={id} name={`charge-description-${i}`} maxLength={200} value={x.description} onInput={(e) => setCharge(i, { description: e.currentTarget.value })} />}</Field>
            <button type="button" onClick={() => setCharges((all) => all.filter((_, n) => n !== i))}>{t.removeCharge(i + 1)}</button>
          </fieldset>
        ))}
        <div class="row-actions"><button type="button" onClick={() => setCharges((all) => [...all, { kind: 'freight', amount: '', description: '' }])}>{t.addCharge}</button></div>
        <div class="form-grid">
          <Field label={t.tax} hint={t.moneyHint}>{(id) => <input id={id} name="tax" inputMode="decimal" value={tax} onInput={(e) => setTax(e.currentTarget.value)} />}</Field>
          <Field label={t.note}>{(id) => <input id={id} name="note" maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}</Field>
        </div>
        {invalid && <p class="problem" role="alert">{invalid}</p>}
        <ProblemNote error={send.error} />
        <button type="submit" class="primary" disabled={send.busy}>{portal ? t.submitPortal : t.submit}</button>
      </form>
    </Card>
  )
}
