/**
 * Payment runs against the real stores, as properties: whatever invoices arrive (matched, held,
 * approved, rejected), whatever runs are proposed, approved, cancelled and paid, in any order and
 * concurrently, no instalment is ever settled beyond its amount, an invoice on hold or rejected is
 * never on a run nor paid, a payment is recorded once per run, supplier and currency, and ageing
 * buckets sum to what is open.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { dayAfter, requester, seedPurchasing } from './helpers/purchasing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

const dayMs = 86_400_000

type Step =
  | { kind: 'invoice'; quantity: number; unitPriceMinor: number; terms: 0 | 1 }
  | { kind: 'resolve'; pick: number; action: 'approve' | 'reject' | 'request_credit_note' }
  | { kind: 'propose'; payByDays: number }
  | { kind: 'approve'; pick: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'pay'; pick: number; twice: boolean }
  | { kind: 'advance'; days: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('invoice' as const), quantity: fc.integer({ min: 1, max: 6 }), unitPriceMinor: fc.constantFrom(1200, 1210, 1500), terms: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({ kind: fc.constant('resolve' as const), pick: fc.nat(), action: fc.constantFrom('approve' as const, 'reject' as const, 'request_credit_note' as const) }),
  fc.record({ kind: fc.constant('propose' as const), payByDays: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('approve' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('pay' as const), pick: fc.nat(), twice: fc.boolean() }),
  fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 20 }) }),
)

for (const kind of await storeKinds()) {
  describe(`payment runs as properties (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const clock = new ManualClock(Date.UTC(2026, 10, 2, 9))
    let seq = 0

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedPurchasing(t)
      const call = requester(t)
      // A big PO of S1, all received: invoices bill it a few units at a time.
      const po = (await call('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-E', reference: 'PO-PROP', lines: [{ sku: 'SKU-A', quantity: 5000 }] }, 201)).json()
      await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
      await call('POST', `/v1/purchase-orders/${po.id}/confirm`, w.s1Auth, { lines: [{ line: '1', quantityAccepted: 5000, eta: dayAfter(clock.nowMs(), 1) }] })
      await call('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, { lines: [{ line: '1', quantityPassed: 5000 }] }, 201)
    })
    after(() => t.close())

    const terms = [
      { kind: 'net', days: 10, from: 'invoice', earlyDiscount: { percent: 2, withinDays: 5 } },
      { kind: 'instalments', parts: [{ percent: 30, dayOffset: 0, from: 'invoice' }, { percent: 70, dayOffset: 20, from: 'receipt' }] },
    ]

    async function run(steps: Step[]): Promise<void> {
      const inject = (method: 'GET' | 'POST' | 'PUT', url: string, headers: { authorization: string }, payload?: object) =>
        t.app.inject({ method, url, headers, ...(payload !== undefined && { payload }) })
      const invoices: string[] = []
      const runs: string[] = []
      const pick = <T>(list: T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length])
      for (const s of steps) {
        if (s.kind === 'invoice') {
          await inject('PUT', '/v1/supplier-agreements/S1', w.ops, { terms: terms[s.terms] })
          const res = await inject('POST', '/v1/supplier-invoices', w.ops, {
            supplierId: 'S1', number: `P-${kind}-${++seq}`, invoiceDate: dayAfter(clock.nowMs(), 0), currency: 'CNY', lines: [{ po: 'PO-PROP', lineNo: 1, quantity: s.quantity, unitPriceMinor: s.unitPriceMinor }],
          })
          assert.equal(res.statusCode, 201, res.body)
          invoices.push(res.json().id)
        } else if (s.kind === 'resolve') {
          const id = pick(invoices, s.pick)
          if (id) assert.ok([200, 409].includes((await inject('POST', `/v1/supplier-invoices/${id}/resolution`, w.ops, { action: s.action, reason: 'property' })).statusCode))
        } else if (s.kind === 'propose') {
          const res = await inject('POST', '/v1/payment-runs', w.ops, { payBy: dayAfter(clock.nowMs(), s.payByDays) })
          assert.ok([201, 422].includes(res.statusCode), res.body)
          if (res.statusCode === 201) runs.push(res.json().id)
        } else if (s.kind === 'approve' || s.kind === 'cancel') {
          const id = pick(runs, s.pick)
          if (id) assert.ok([200, 409].includes((await inject('POST', `/v1/payment-runs/${id}/${s.kind}`, w.admin)).statusCode))
        } else if (s.kind === 'pay') {
          const id = pick(runs, s.pick)
          if (!id) continue
          const body = { supplierId: 'S1', currency: 'CNY', bankReference: `B-${++seq}` }
          const answers = await Promise.all(Array.from({ length: s.twice ? 2 : 1 }, () => inject('POST', `/v1/payment-runs/${id}/payments`, w.admin, body)))
          const codes = answers.map((a) => a.statusCode)
          assert.ok(codes.filter((c) => c === 201).length <= 1, `recorded once: ${codes}`)
          assert.ok(codes.every((c) => [201, 409, 400].includes(c)), answers.map((a) => a.body).join('\n'))
        } else {
          clock.advance(s.days * dayMs)
        }
        await invariants()
      }
    }

    async function invariants(): Promise<void> {
      const db = t.services.db
      const over = await db.all('SELECT invoice_id, seq FROM invoice_instalments WHERE paid_minor > amount_minor OR paid_minor < 0')
      assert.deepEqual(over, [], 'no instalment settled beyond its amount')
      const heldPaid = await db.all(`SELECT i.id, i.status FROM supplier_invoices i JOIN invoice_instalments t ON t.invoice_id = i.id
        WHERE t.paid_minor > 0 AND i.status NOT IN ('matched', 'approved', 'paid')`)
      assert.deepEqual(heldPaid, [], 'an invoice on hold or rejected is never paid')
      const heldOnOpenRun = await db.all(`SELECT l.invoice_id FROM payment_run_lines l JOIN payment_runs r ON r.id = l.run_id JOIN supplier_invoices i ON i.id = l.invoice_id
        WHERE r.status IN ('proposed', 'approved') AND i.status IN ('on_hold', 'credit_requested', 'rejected')`)
      assert.deepEqual(heldOnOpenRun, [], 'a run never proposes an invoice on hold')
      const onTwoOpenRuns = await db.all(`SELECT l.invoice_id, l.seq FROM payment_run_lines l JOIN payment_runs r ON r.id = l.run_id
        WHERE r.status IN ('proposed', 'approved') GROUP BY l.invoice_id, l.seq HAVING COUNT(*) > 1`)
      assert.deepEqual(onTwoOpenRuns, [], 'an instalment is on one open run at most')
      // What was paid for each instalment is exactly what the recorded runs settled.
      const settled = await db.all<{ invoice_id: string; seq: number; paid: number | string; recorded: number | string | null }>(`SELECT t.invoice_id, t.seq, t.paid_minor AS paid,
        (SELECT SUM(l.pay_minor + l.discount_minor) FROM payment_run_lines l JOIN supplier_payments p ON p.run_id = l.run_id AND p.supplier_id = l.supplier_id AND p.currency = l.currency
          WHERE l.invoice_id = t.invoice_id AND l.seq = t.seq) AS recorded FROM invoice_instalments t`)
      for (const r of settled) assert.equal(Number(r.paid), Number(r.recorded ?? 0), `instalment ${r.invoice_id}#${r.seq} paid as recorded`)
      const ageing = (await t.app.inject({ method: 'GET', url: '/v1/payables/ageing', headers: w.ops })).json()
      for (const row of [...ageing.bySupplier, ...ageing.total]) {
        assert.equal(Object.values(row.bucketsMinor as Record<string, number>).reduce((n, v) => n + v, 0), row.openMinor, 'ageing buckets sum to the open balance')
      }
    }

    it('never pays an invoice on hold, nor an instalment twice or beyond its amount', async () => {
      await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 18 }), run), { numRuns: kind === 'sqlite' ? 20 : 10 })
    })
  })
}
