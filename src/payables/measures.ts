/**
 * Payables' measures, read from what the context keeps, over a period of days (docs/analytics.md
 * `payables`): invoices received and how many matched the first time; the exceptions queue now and
 * how long a held invoice waited for a person; payments made, the early-payment discounts taken
 * and those let lapse, and the share of instalments paid by their due day; what is open and
 * overdue now. Money is summed per currency, never converted.
 */
import type { Queryable } from '../store/db.ts'

type N = number | string | null
const num = (v: N | undefined): number => Number(v ?? 0)
const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null)

export interface CurrencyMoney { currency: string; amountMinor: number }

const byCurrency = (rows: Array<{ currency: string; amount: N }>): CurrencyMoney[] =>
  rows.map((r) => ({ currency: r.currency, amountMinor: num(r.amount) })).sort((a, b) => (a.currency < b.currency ? -1 : 1))

export async function payablesFigures(q: Queryable, fromMs: number, toMs: number, todayDay: number) {
  const inPeriod = 'created_at >= ? AND created_at < ?'
  const span = [fromMs, toMs]
  const fromDay = Math.floor(fromMs / 86_400_000)
  const toDay = Math.floor(toMs / 86_400_000)
  const [received, receivedMoney, held, heldMoney, resolved, paid, discounts, lapsed, onTime, open] = await Promise.all([
    q.get<{ n: N; first_pass: N }>(`SELECT COUNT(*) AS n, SUM(CASE WHEN resolved_at IS NULL AND status NOT IN ('on_hold', 'credit_requested') THEN 1 ELSE 0 END) AS first_pass
      FROM supplier_invoices WHERE ${inPeriod}`, span),
    q.all<{ currency: string; amount: N }>(`SELECT currency, SUM(total_minor) AS amount FROM supplier_invoices WHERE ${inPeriod} GROUP BY currency`, span),
    q.get<{ n: N }>(`SELECT COUNT(*) AS n FROM supplier_invoices WHERE status IN ('on_hold', 'credit_requested')`),
    q.all<{ currency: string; amount: N }>(`SELECT currency, SUM(total_minor) AS amount FROM supplier_invoices WHERE status IN ('on_hold', 'credit_requested') GROUP BY currency`),
    q.get<{ approved: N; rejected: N; hours: N }>(`SELECT SUM(CASE WHEN status IN ('approved', 'paid') THEN 1 ELSE 0 END) AS approved,
      SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) AS rejected, AVG((resolved_at - created_at) / 3600000.0) AS hours
      FROM supplier_invoices WHERE resolved_at >= ? AND resolved_at < ? AND status NOT IN ('on_hold', 'credit_requested')`, span),
    q.all<{ currency: string; amount: N }>(`SELECT currency, SUM(amount_minor) AS amount FROM supplier_payments WHERE ${inPeriod} GROUP BY currency`, span),
    q.all<{ currency: string; amount: N }>(`SELECT l.currency, SUM(l.discount_minor) AS amount FROM payment_run_lines l
      JOIN supplier_payments p ON p.run_id = l.run_id AND p.supplier_id = l.supplier_id AND p.currency = l.currency
      WHERE p.created_at >= ? AND p.created_at < ? GROUP BY l.currency`, span),
    // A discount lapsed in the period: its last day passed without the instalment being settled by then.
    q.all<{ currency: string; amount: N }>(`SELECT t.currency, SUM(t.discount_minor) AS amount FROM invoice_instalments t JOIN supplier_invoices i ON i.id = t.invoice_id
      WHERE t.discount_minor > 0 AND t.discount_until_day >= ? AND t.discount_until_day < ? AND t.discount_until_day < ? AND i.status <> 'rejected'
        AND NOT EXISTS (SELECT 1 FROM payment_run_lines l JOIN supplier_payments p ON p.run_id = l.run_id AND p.supplier_id = l.supplier_id AND p.currency = l.currency
          WHERE l.invoice_id = t.invoice_id AND l.seq = t.seq AND l.discount_minor > 0)
      GROUP BY t.currency`, [fromDay, toDay, todayDay]),
    q.get<{ n: N; on_time: N }>(`SELECT COUNT(*) AS n, SUM(CASE WHEN p.paid_day <= t.due_day THEN 1 ELSE 0 END) AS on_time
      FROM payment_run_lines l JOIN supplier_payments p ON p.run_id = l.run_id AND p.supplier_id = l.supplier_id AND p.currency = l.currency
      JOIN invoice_instalments t ON t.invoice_id = l.invoice_id AND t.seq = l.seq
      WHERE p.created_at >= ? AND p.created_at < ? AND t.due_day IS NOT NULL`, span),
    q.all<{ currency: string; open: N; overdue: N }>(`SELECT t.currency, SUM(t.amount_minor - t.paid_minor) AS open,
      SUM(CASE WHEN t.due_day < ? THEN t.amount_minor - t.paid_minor ELSE 0 END) AS overdue
      FROM invoice_instalments t JOIN supplier_invoices i ON i.id = t.invoice_id
      WHERE t.paid_minor < t.amount_minor AND i.status NOT IN ('rejected', 'paid') GROUP BY t.currency`, [todayDay]),
  ])
  const receivedCount = num(received?.n)
  const paidLines = num(onTime?.n)
  return {
    definition: 'payables',
    invoices: {
      received: receivedCount, receivedMinor: byCurrency(receivedMoney),
      matchedFirstTime: num(received?.first_pass), firstPassMatchRate: rate(num(received?.first_pass), receivedCount),
    },
    exceptions: {
      heldNow: num(held?.n), heldNowMinor: byCurrency(heldMoney), approved: num(resolved?.approved), rejected: num(resolved?.rejected),
      meanHoursToResolve: resolved?.hours === null || resolved?.hours === undefined ? null : Math.round(Number(resolved.hours) * 100) / 100,
    },
    payments: {
      paidMinor: byCurrency(paid), discountsTakenMinor: byCurrency(discounts), discountsLapsedMinor: byCurrency(lapsed),
      instalmentsPaid: paidLines, paidOnTimeRate: rate(num(onTime?.on_time), paidLines),
    },
    open: open.map((r) => ({ currency: r.currency, openMinor: num(r.open), overdueMinor: num(r.overdue) })).sort((a, b) => (a.currency < b.currency ? -1 : 1)),
  }
}
