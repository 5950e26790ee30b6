/**
 * The dashboard's payables section (staff only; a channel token's answer has no such group): how
 * many supplier invoices matched without a person, the exceptions queue and how long it takes, the
 * share of instalments paid by their due day, discounts taken and let lapse, and what is owed.
 * Money is per currency, never converted.
 */
import type { components } from '../../../../clients/typescript/index.ts'
import { useFormat, useText } from '../../i18n.tsx'
import { Figure } from '../../ui.tsx'
import { payablesText } from './payables-text.ts'

type Figures = components['schemas']['PayablesFigures']
type Format = ReturnType<typeof useFormat>

/** Amounts in each currency, joined: "1,200.00 CNY · 30.00 USD"; a dash when there are none. */
const amounts = (f: Format, rows: ReadonlyArray<{ currency: string; amountMinor: number }>) =>
  rows.length === 0 ? '—' : rows.map((r) => f.money(r.amountMinor, r.currency)).join(' · ')

export function PayablesSection({ figures }: { figures: Figures }) {
  const t = useText(payablesText)
  const f = useFormat()
  const { invoices, exceptions, payments } = figures
  const owed = figures.open.map((o) => ({ currency: o.currency, amountMinor: o.openMinor }))
  const overdue = figures.open.map((o) => ({ currency: o.currency, amountMinor: o.overdueMinor }))
  return (
    <section class="dashboard-section" aria-labelledby="payables-heading" style={{ marginTop: '1.5rem' }}>
      <h2 id="payables-heading">{t.title}</h2>
      <div class="figures" role="group" aria-label={t.title}>
        <Figure label={t.firstPass} value={f.percent(invoices.firstPassMatchRate)}
          hint={invoices.received === 0 ? t.noInvoices : t.firstPassHint(f.count(invoices.matchedFirstTime), f.count(invoices.received))} />
        <Figure label={t.heldNow} value={f.count(exceptions.heldNow)} hint={t.heldHint(f.count(exceptions.approved), f.count(exceptions.rejected))} />
        <Figure label={t.toResolve} value={exceptions.meanHoursToResolve === null ? '—' : t.hours(f.count(Math.round(exceptions.meanHoursToResolve * 10) / 10))}
          hint={exceptions.meanHoursToResolve === null ? t.nothingResolved : undefined} />
        <Figure label={t.paidOnTime} value={f.percent(payments.paidOnTimeRate)}
          hint={payments.instalmentsPaid === 0 ? t.nothingPaid : t.paidOnTimeHint(f.count(payments.instalmentsPaid))} />
        <Figure label={t.discountsTaken} value={amounts(f, payments.discountsTakenMinor)} hint={t.discountsLapsed(amounts(f, payments.discountsLapsedMinor))} />
        <Figure label={t.open} value={amounts(f, owed)} hint={owed.length === 0 ? t.nothingOpen : t.overdue(amounts(f, overdue))} />
      </div>
    </section>
  )
}
