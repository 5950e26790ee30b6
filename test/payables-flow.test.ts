/**
 * Supplier payables end to end on both stores: a PO received with a QC failure, invoiced at a
 * price over tolerance, held in the exceptions queue, approved with a reason, paid on a run that
 * takes the early-payment discount, and never paid twice; an invoice covering two receipts of two
 * POs; a supplier sending its own invoice and never seeing another's; ageing and cash need that
 * add up; bad input refused with a stable code, nothing changed.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { dayAfter, requester, seedPurchasing } from './helpers/purchasing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import { storeKinds } from '../src/store/testing.ts'

const dayMs = 86_400_000

for (const kind of await storeKinds()) {
  describe(`supplier payables over HTTP (${kind})`, () => {
    let t: TestApp
    let w: Awaited<ReturnType<typeof seedPurchasing>>
    const clock = new ManualClock(Date.UTC(2026, 10, 2, 9))
    const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: { authorization: string }, payload?: object, status = 200) =>
      (await requester(t)(method, url, headers, payload, status)).json()
    const count = async (table: string) => Number((await t.services.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n)

    /** A PO of S1 sent, confirmed in full and received as told: `[line no, passed, failed]`. */
    async function receivedPo(reference: string, lines: Array<{ sku: string; quantity: number; unitCost?: number }>, received: Array<[number, number, number]>) {
      const po = await call('POST', '/v1/purchase-orders', w.admin, { supplier: 'S1', destination: 'WH-E', reference, lines }, 201)
      await call('POST', `/v1/purchase-orders/${po.id}/send`, w.admin)
      await call('POST', `/v1/purchase-orders/${po.id}/confirm`, w.s1Auth, {
        lines: po.lines.map((l: { lineNo: number; quantityOrdered: number }) => ({ line: String(l.lineNo), quantityAccepted: l.quantityOrdered, eta: dayAfter(clock.nowMs(), 5) })),
      })
      await call('POST', `/v1/purchase-orders/${po.id}/receipts`, w.ops, {
        lines: received.map(([lineNo, passed, failed]) => ({ line: String(lineNo), quantityPassed: passed, ...(failed > 0 && { quantityFailed: failed, failReason: 'torn seams' }) })),
      }, 201)
      return po
    }

    before(async () => {
      t = await startTestApp(kind, { clock })
      w = await seedPurchasing(t)
      // 2/10 net 30 from the invoice; 2% or 5.00 of price tolerance.
      await call('PUT', '/v1/supplier-agreements/S1', w.ops, {
        terms: { kind: 'net', days: 30, from: 'invoice', earlyDiscount: { percent: 2, withinDays: 10 } },
        tolerance: { quantityPercent: 0, pricePercent: 2, absoluteMinor: 500 },
      })
    })
    after(() => t.close())

    it('keeps agreements as data: the supplier’s own, else the default, refusing bad terms with the field named', async () => {
      const own = await call('GET', '/v1/supplier-agreements/S1', w.ops)
      assert.deepEqual([own.from, own.terms.earlyDiscount, own.version], ['supplier', { percent: 2, withinDays: 10 }, 1])
      const other = await call('GET', '/v1/supplier-agreements/S2', w.ops)
      assert.deepEqual([other.from, other.terms], ['built_in', { kind: 'net', days: 30, from: 'invoice' }])
      const bad = await call('PUT', '/v1/supplier-agreements/S2', w.ops, { terms: { kind: 'instalments', parts: [{ percent: 60, dayOffset: 0, from: 'invoice' }] } }, 400)
      assert.deepEqual([bad.code, bad.field ?? bad.extra?.field], ['invalid_payment_terms', 'parts'])
      assert.equal((await call('GET', '/v1/supplier-agreements/S2', w.ops)).from, 'built_in', 'nothing stored')
      await call('GET', '/v1/supplier-agreements/S2', w.s1Auth, undefined, 403)
    })

    it('PO → receipt with a QC failure → invoice over the PO price → exception → approval → run with the early discount → paid, never twice', async () => {
      const po = await receivedPo('PO-PAY-1', [{ sku: 'SKU-A', quantity: 20 }, { sku: 'SKU-B', quantity: 10, unitCost: 500 }], [[1, 18, 2], [2, 10, 0]])
      const invoice = await call('POST', '/v1/supplier-invoices', w.ops, {
        supplierId: 'S1', number: 'INV-1', invoiceDate: dayAfter(clock.nowMs(), 0), currency: 'CNY', taxMinor: 0,
        lines: [{ po: 'PO-PAY-1', lineNo: 1, quantity: 18, unitPriceMinor: 1300 }, { po: po.id, lineNo: 2, quantity: 10, unitPriceMinor: 500 }],
      }, 201)
      assert.equal(invoice.status, 'on_hold')
      assert.deepEqual(invoice.lines.map((l: { result: string; priceVarianceMinor: number; amountVarianceMinor: number }) => [l.result, l.priceVarianceMinor, l.amountVarianceMinor]),
        [['price_variance', 100, 1800], ['matched', 0, 0]])
      assert.equal(invoice.totalMinor, 18 * 1300 + 10 * 500)
      assert.deepEqual(invoice.instalments.map((i: { dueDate: string; discountMinor: number }) => [i.dueDate, i.discountMinor]),
        [[dayAfter(clock.nowMs(), 30), Math.floor(invoice.totalMinor * 2 / 100)]])

      const queue = await call('GET', '/v1/supplier-invoices?status=on_hold', w.ops)
      assert.deepEqual(queue.items.map((i: { id: string }) => i.id), [invoice.id])
      const none = await call('POST', '/v1/payment-runs', w.ops, { payBy: dayAfter(clock.nowMs(), 60) }, 422)
      assert.equal(none.code, 'nothing_to_pay', 'an invoice on hold is never proposed')

      await call('POST', `/v1/supplier-invoices/${invoice.id}/resolution`, w.ops, { action: 'approve', reason: ' ' }, 400)
      const approved = await call('POST', `/v1/supplier-invoices/${invoice.id}/resolution`, w.ops, { action: 'approve', reason: 'New cotton price agreed by phone' })
      assert.deepEqual([approved.status, approved.payable, approved.resolution], ['approved', true, 'New cotton price agreed by phone'])
      await call('POST', `/v1/supplier-invoices/${invoice.id}/resolution`, w.ops, { action: 'reject', reason: 'too late' }, 409)

      clock.advance(3 * dayMs)
      const run = await call('POST', '/v1/payment-runs', w.ops, { payBy: dayAfter(clock.nowMs(), 0) }, 201)
      const discount = Math.floor(invoice.totalMinor * 2 / 100)
      assert.deepEqual(run.groups.map((g: { supplierId: string; payMinor: number; discountMinor: number }) => [g.supplierId, g.payMinor, g.discountMinor]),
        [[w.s1.id, invoice.totalMinor - discount, discount]])
      assert.equal(run.groups[0].lines[0].reason, 'early_discount')
      const payment = { supplierId: 'S1', currency: 'CNY', bankReference: 'ICBC-20261105-0001' }
      await call('POST', `/v1/payment-runs/${run.id}/payments`, w.admin, payment, 409)
      await call('POST', `/v1/payment-runs/${run.id}/approve`, w.ops, undefined, 403)
      await call('POST', `/v1/payment-runs/${run.id}/approve`, w.admin)
      const paid = await call('POST', `/v1/payment-runs/${run.id}/payments`, w.admin, payment, 201)
      assert.deepEqual([paid.amountMinor, paid.bankReference], [invoice.totalMinor - discount, 'ICBC-20261105-0001'])
      const twice = await call('POST', `/v1/payment-runs/${run.id}/payments`, w.admin, payment, 409)
      assert.equal(twice.code, 'payment_already_recorded')
      assert.equal((await call('GET', `/v1/payment-runs/${run.id}`, w.ops)).status, 'paid')
      const settled = await call('GET', `/v1/supplier-invoices/${invoice.id}`, w.ops)
      assert.deepEqual([settled.status, settled.openMinor], ['paid', 0])
      assert.equal((await call('POST', '/v1/payment-runs', w.ops, { payBy: dayAfter(clock.nowMs(), 90) }, 422)).code, 'nothing_to_pay', 'nothing left to pay')
    })

    it('matches an invoice covering two receipts of two POs, and bills a PO line only as far as it was received', async () => {
      const po2 = await receivedPo('PO-PAY-2', [{ sku: 'SKU-A', quantity: 10 }], [[1, 10, 0]])
      await receivedPo('PO-PAY-3', [{ sku: 'SKU-B', quantity: 8, unitCost: 500 }], [[1, 6, 0]])
      const [receipt2] = (await call('GET', `/v1/purchase-orders/${po2.id}/receipts`, w.ops)).items
      const costBefore = await call('GET', '/v1/costs/skus/SKU-A', w.ops)
      const both = await call('POST', '/v1/supplier-invoices', w.ops, {
        supplierId: w.s1.id, number: 'INV-2', invoiceDate: dayAfter(clock.nowMs(), 0), currency: 'CNY', taxMinor: 1300,
        lines: [{ po: 'PO-PAY-2', lineNo: 1, quantity: 10, unitPriceMinor: 1200 }, { po: 'PO-PAY-3', lineNo: 1, quantity: 6, unitPriceMinor: 500 }],
        charges: [{ kind: 'freight', amountMinor: 800, description: 'SF Express', receiptId: receipt2.id, basis: 'quantity' }],
      }, 201)
      assert.deepEqual([both.status, both.goodsMinor, both.chargesMinor, both.totalMinor], ['matched', 15_000, 800, 17_100])
      assert.deepEqual(new Set(both.lines.map((l: { poId: string }) => l.poId)).size, 2)
      // The freight the matched invoice bills lands on the receipt it names: the SKU's stock is worth that much more.
      const landed = (await call('GET', `/v1/receipts/${receipt2.id}/landed-costs`, w.ops)).items
      assert.deepEqual(landed.map((l: { invoiceId: string; chargeNo: number; amountMinor: number }) => [l.invoiceId, l.chargeNo, l.amountMinor]), [[both.id, 1, 800]])
      assert.equal(landed[0].allocations.reduce((n: number, a: { amountMinor: number }) => n + a.amountMinor, 0), 800)
      const costAfter = await call('GET', '/v1/costs/skus/SKU-A', w.ops)
      assert.equal(costAfter.valueMinor - costBefore.valueMinor, 800)
      // The rest of PO-PAY-3 has not arrived: billing it is a quantity variance (and the invoice waits).
      const early = await call('POST', '/v1/supplier-invoices', w.ops, {
        supplierId: 'S1', number: 'INV-3', invoiceDate: dayAfter(clock.nowMs(), 0), currency: 'CNY', lines: [{ po: 'PO-PAY-3', lineNo: 1, quantity: 2, unitPriceMinor: 500 }],
      }, 201)
      assert.deepEqual([early.status, early.lines[0].result, early.lines[0].quantityVariance], ['on_hold', 'quantity_variance', 2])
      const rejected = await call('POST', `/v1/supplier-invoices/${early.id}/resolution`, w.ops, { action: 'reject', reason: 'Not delivered yet' })
      assert.equal(rejected.status, 'rejected')
    })

    it('refuses a number used before, a line on no PO of the supplier’s, another currency, and bad input — writing nothing', async () => {
      const before = await count('supplier_invoices')
      const base = { supplierId: 'S1', invoiceDate: dayAfter(clock.nowMs(), 0), currency: 'CNY', lines: [{ po: 'PO-PAY-2', lineNo: 1, quantity: 1, unitPriceMinor: 1200 }] }
      assert.equal((await call('POST', '/v1/supplier-invoices', w.ops, { ...base, number: 'INV-2' }, 409)).code, 'duplicate_invoice_number')
      assert.equal((await call('POST', '/v1/supplier-invoices', w.ops, { ...base, number: 'X-1', lines: [{ po: 'PO-PAY-2', lineNo: 9, quantity: 1, unitPriceMinor: 1 }] }, 422)).code, 'unknown_po_line')
      assert.equal((await call('POST', '/v1/supplier-invoices', w.ops, { ...base, number: 'X-2', currency: 'USD' }, 422)).code, 'currency_mismatch')
      assert.equal((await call('POST', '/v1/supplier-invoices', w.ops, { ...base, supplierId: 'NOPE', number: 'X-3' }, 404)).code, 'supplier_not_found')
      assert.equal((await call('POST', '/v1/supplier-invoices', w.ops, { ...base, number: '   ' }, 400)).code, 'invalid_invoice')
      assert.equal(await count('supplier_invoices'), before)
      assert.equal((await call('POST', '/v1/supplier-invoices', w.s1Auth, { ...base, number: 'X-5' }, 403)).code, 'forbidden')
    })

    it('lets a supplier send and read only its own invoices and statement (another’s is 404)', async () => {
      const sent = await call('POST', '/v1/supplier-portal/invoices', w.s1Auth, {
        number: 'S1-OWN-1', invoiceDate: dayAfter(clock.nowMs(), 0), currency: 'CNY', lines: [{ po: 'PO-PAY-3', lineNo: 1, quantity: 1, unitPriceMinor: 500 }],
      }, 201)
      assert.deepEqual([sent.source, sent.supplierId], ['portal', w.s1.id])
      assert.equal((await call('POST', '/v1/supplier-portal/invoices', w.s2Auth, {
        number: 'S2-1', invoiceDate: dayAfter(clock.nowMs(), 0), currency: 'CNY', lines: [{ po: 'PO-PAY-3', lineNo: 1, quantity: 1, unitPriceMinor: 500 }],
      }, 422)).code, 'unknown_po_line', 'another supplier’s PO is not there for S2')
      await call('GET', `/v1/supplier-portal/invoices/${sent.id}`, w.s1Auth)
      assert.equal((await call('GET', `/v1/supplier-portal/invoices/${sent.id}`, w.s2Auth, undefined, 404)).code, 'invoice_not_found')
      const mine = await call('GET', '/v1/supplier-portal/invoices', w.s1Auth)
      assert.ok(mine.items.length >= 4 && mine.items.every((i: { supplierId: string }) => i.supplierId === w.s1.id))
      assert.deepEqual((await call('GET', '/v1/supplier-portal/invoices', w.s2Auth)).items, [])
      const statement = await call('GET', '/v1/supplier-portal/statement', w.s1Auth)
      assert.ok(statement.entries.some((e: { kind: string; reference: string }) => e.kind === 'payment' && e.reference === 'ICBC-20261105-0001'))
      assert.deepEqual((await call('GET', '/v1/supplier-portal/statement', w.s2Auth)).entries, [])
    })

    it('ages what is open and spreads it over 13 weeks; every row’s buckets sum to its balance', async () => {
      clock.advance(45 * dayMs)
      const ageing = await call('GET', '/v1/payables/ageing', w.ops)
      const open = await call('GET', `/v1/supplier-invoices?supplierId=S1`, w.ops)
      const openMinor = open.items.filter((i: { status: string }) => i.status !== 'rejected').reduce((n: number, i: { openMinor: number }) => n + i.openMinor, 0)
      assert.equal(ageing.total[0].openMinor, openMinor)
      for (const row of [...ageing.bySupplier, ...ageing.total]) {
        assert.equal(Object.values(row.bucketsMinor as Record<string, number>).reduce((n, v) => n + v, 0), row.openMinor)
      }
      // INV-2 was due 30 days after its day; 45 days on it is 1–30 days past due.
      assert.ok(ageing.total[0].bucketsMinor.d1_30 >= 17_100)
      const weeks = await call('GET', '/v1/payables/due-by-week', w.ops)
      assert.equal(weeks.weeks.length, 13)
      assert.equal(weeks.currencies[0].weeksMinor[0], openMinor, 'everything is overdue or due within a week: it all falls in week 1')
      const statement = await call('GET', '/v1/suppliers/S1/statement', w.ops)
      assert.equal(statement.balances[0].balanceMinor, openMinor)
      // INV-2 and the portal invoice (one unit over what is billable, within the 5.00 tolerance) are both past due.
      assert.deepEqual([statement.balances[0].overdueMinor, statement.balances[0].onHoldMinor], [openMinor, 0])
    })

    it('measures payables: first-pass matches, the queue and how long it took, discounts taken, payments on time, what is open', async () => {
      const figures = await call('GET', '/v1/analytics/payables?periodDays=90', w.ops)
      const p = figures.payables
      // INV-1 (price), INV-3 (quantity) held; INV-2 and the portal invoice matched at once.
      assert.deepEqual([p.invoices.received, p.invoices.matchedFirstTime, p.invoices.firstPassMatchRate], [4, 2, 0.5])
      assert.deepEqual([p.exceptions.heldNow, p.exceptions.approved, p.exceptions.rejected], [0, 1, 1])
      assert.ok(p.exceptions.meanHoursToResolve >= 0)
      assert.deepEqual(p.payments.discountsTakenMinor, [{ currency: 'CNY', amountMinor: Math.floor((18 * 1300 + 10 * 500) * 2 / 100) }])
      assert.deepEqual([p.payments.instalmentsPaid, p.payments.paidOnTimeRate], [1, 1])
      const open = await call('GET', '/v1/payables/ageing', w.ops)
      assert.deepEqual(p.open, [{ currency: 'CNY', openMinor: open.total[0].openMinor, overdueMinor: open.total[0].openMinor }])
      await call('GET', '/v1/analytics/payables', w.s1Auth, undefined, 403)
      const dashboard = await call('GET', '/v1/analytics/dashboard?periodDays=90', w.ops)
      assert.equal(dashboard.payables.invoices.received, 4)
    })
  })
}
