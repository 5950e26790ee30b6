/**
 * Payment runs: propose what is due by a day (and what is worth paying early for its discount),
 * approve, then record each supplier's payment with its bank reference. A payment is recorded once
 * per run, supplier and currency; an instalment on a run still open is on no other run; an invoice
 * on hold is never proposed. Open debits and credit notes are set off against the payment.
 */
import type { Clock } from '../kernel/clock.ts'
import { epochDayOf } from '../kernel/days.ts'
import { newId } from '../kernel/ids.ts'
import { ok, type Result } from '../kernel/result.ts'
import { txResult, type Db, type Queryable } from '../store/db.ts'
import { offsetDebits, openDebits, type Debit } from './debit-store.ts'
import { fail } from './errors.ts'
import { payableStatuses } from './invoice.ts'
import { markPaidWhenSettled, openInstalments, settleInstalment } from './invoice-store.ts'
import { proposeRun, type OpenInstalment } from './payment-run.ts'
import { insertPayment, insertRun, instalmentsInOpenRuns, listRuns, loadRun, moveRun, type Payment, type Run, type RunStatus } from './run-store.ts'

export interface ProposeInput { payByDay: number; payDay?: number; minDiscountMinor?: number }
export interface RecordInput { supplierId: string; currency: string; bankReference: string; paidDay?: number }

/** Whole open debits, oldest first, that fit within what is paid: what a payment sets off. */
export function debitsToSetOff(debits: readonly Debit[], payMinor: number): Debit[] {
  const taken: Debit[] = []
  let left = payMinor
  for (const d of debits) {
    if (d.amountMinor <= left) {
      taken.push(d)
      left -= d.amountMinor
    }
  }
  return taken
}

export class PaymentRuns {
  readonly #db: Db
  readonly #clock: Clock

  constructor(db: Db, clock: Clock) {
    this.#db = db
    this.#clock = clock
  }

  #today(): number {
    return epochDayOf(this.#clock.nowMs())
  }

  /** Proposes a run; refuses with nothing_to_pay when nothing is due nor worth paying early. */
  propose(input: ProposeInput, actor: string): Promise<Result<Run>> {
    const payDay = input.payDay ?? this.#today()
    if (payDay < this.#today()) return Promise.resolve(fail('invalid_payment_run', 'payDate must be today or later.', { field: 'payDate' }))
    if (input.minDiscountMinor !== undefined && !(Number.isSafeInteger(input.minDiscountMinor) && input.minDiscountMinor >= 1)) {
      return Promise.resolve(fail('invalid_payment_run', 'minDiscountMinor must be a whole number of minor units, 1 or more.', { field: 'minDiscountMinor' }))
    }
    return txResult(this.#db, async (tx) => {
      const [open, taken] = await Promise.all([openInstalments(tx), instalmentsInOpenRuns(tx)])
      const candidates: Array<OpenInstalment & { seq: number }> = open.filter((i) => i.dueDay !== null && !taken.has(`${i.invoiceId}#${i.seq}`)).map((i) => ({
        invoiceId: i.invoiceId, supplierId: i.supplierId, currency: i.currency, dueDay: i.dueDay!, amountMinor: i.amountMinor, paidMinor: i.paidMinor,
        hold: !payableStatuses.includes(i.status),
        discount: i.discountUntilDay === null || i.discountMinor === 0 ? null : { untilDay: i.discountUntilDay, amountMinor: i.discountMinor },
        seq: i.seq,
      }))
      const proposal = proposeRun(candidates, { payByDay: input.payByDay, today: payDay, minDiscountMinor: input.minDiscountMinor })
      if (proposal.lines.length === 0) return fail('nothing_to_pay', 'Nothing is due by that day, and no early-payment discount is worth taking.')
      const run: Run = {
        id: newId('prun'), payByDay: input.payByDay, payDay, status: 'proposed', createdBy: actor, createdAtMs: this.#clock.nowMs(),
        approvedBy: null, approvedAtMs: null, closedAtMs: null, payments: [],
        lines: proposal.lines.map((l) => ({
          invoiceId: l.instalment.invoiceId, seq: l.instalment.seq, supplierId: l.instalment.supplierId,
          currency: l.instalment.currency, payMinor: l.payMinor, discountMinor: l.discountMinor, reason: l.reason, explanation: l.explanation,
        })),
      }
      await insertRun(tx, run)
      return ok(run)
    })
  }

  async get(id: string): Promise<Result<Run>> {
    const run = await loadRun(this.#db, id)
    return run === undefined ? fail('payment_run_not_found', `No payment run with id '${id}'.`) : ok(run)
  }

  list(status: RunStatus | undefined, beforeId: string | undefined, limit: number): Promise<Run[]> {
    return listRuns(this.#db, status, beforeId, limit)
  }

  /** The open debits each group of a run would set off if paid now (recorded groups show what they did). */
  async setOffPreview(run: Run): Promise<Map<string, Debit[]>> {
    const out = new Map<string, Debit[]>()
    for (const [key, lines] of groupsOf(run)) {
      const [supplierId, currency] = JSON.parse(key) as [string, string]
      if (run.payments.some((p) => p.supplierId === supplierId && p.currency === currency) || run.status === 'cancelled') continue
      out.set(key, debitsToSetOff(await openDebits(this.#db, supplierId, currency), lines.reduce((n, l) => n + l.payMinor, 0)))
    }
    return out
  }

  approve(id: string, actor: string): Promise<Result<Run>> {
    return this.#move(id, 'proposed', 'approved', actor, 'payment_run_not_proposed')
  }

  cancel(id: string, actor: string): Promise<Result<Run>> {
    return txResult(this.#db, async (tx) => {
      const run = await loadRun(tx, id, true)
      if (run === undefined) return fail('payment_run_not_found', `No payment run with id '${id}'.`)
      if (run.payments.length > 0 || !(await moveRun(tx, id, run.status === 'approved' ? 'approved' : 'proposed', 'cancelled', actor, this.#clock.nowMs()))) {
        return fail('payment_run_not_proposed', `Payment run is ${run.status}${run.payments.length > 0 ? ' with payments recorded' : ''}; only a run with no payment can be cancelled.`)
      }
      return ok((await loadRun(tx, id))!)
    })
  }

  #move(id: string, from: RunStatus, to: RunStatus, actor: string, code: 'payment_run_not_proposed'): Promise<Result<Run>> {
    return txResult(this.#db, async (tx) => {
      const run = await loadRun(tx, id, true)
      if (run === undefined) return fail('payment_run_not_found', `No payment run with id '${id}'.`)
      if (!(await moveRun(tx, id, from, to, actor, this.#clock.nowMs()))) return fail(code, `Payment run is ${run.status}, not ${from}.`, { status: run.status })
      return ok((await loadRun(tx, id))!)
    })
  }

  /**
   * Records one supplier's payment on an approved run: settles each instalment by what it paid
   * plus the discount taken, sets off the open debits that fit, and closes the run when every
   * supplier on it is paid. Recording the same supplier and currency twice is refused.
   */
  record(id: string, input: RecordInput, actor: string): Promise<Result<Payment>> {
    const reference = input.bankReference.trim()
    if (reference.length === 0 || reference.length > 100) return Promise.resolve(fail('invalid_payment_run', 'bankReference is the bank’s reference for the transfer (1–100 characters).', { field: 'bankReference' }))
    return txResult(this.#db, async (tx) => {
      const run = await loadRun(tx, id, true)
      if (run === undefined) return fail('payment_run_not_found', `No payment run with id '${id}'.`)
      if (run.payments.some((p) => p.supplierId === input.supplierId && p.currency === input.currency)) {
        return fail('payment_already_recorded', `The payment to ${input.supplierId} in ${input.currency} on this run is already recorded.`)
      }
      if (run.status !== 'approved') return fail('payment_run_not_approved', `Payment run is ${run.status}; payments are recorded on an approved run.`, { status: run.status })
      const lines = groupsOf(run).get(JSON.stringify([input.supplierId, input.currency]))
      if (lines === undefined) return fail('invalid_payment_run', `The run pays nothing to ${input.supplierId} in ${input.currency}.`, { field: 'supplierId' })
      return this.#recordWithin(tx, run, lines, { ...input, bankReference: reference }, actor)
    })
  }

  async #recordWithin(tx: Queryable, run: Run, lines: Run['lines'], input: RecordInput, actor: string): Promise<Result<Payment>> {
    for (const line of lines) {
      if (!(await settleInstalment(tx, line.invoiceId, line.seq, line.payMinor + line.discountMinor))) {
        return fail('payment_already_recorded', `Instalment ${line.seq} of invoice ${line.invoiceId} is already settled.`)
      }
    }
    const payMinor = lines.reduce((n, l) => n + l.payMinor, 0)
    const debits = debitsToSetOff(await openDebits(tx, input.supplierId, input.currency), payMinor)
    const debitsMinor = debits.reduce((n, d) => n + d.amountMinor, 0)
    const nowMs = this.#clock.nowMs()
    const payment: Payment = {
      id: newId('spay'), runId: run.id, supplierId: input.supplierId, currency: input.currency, amountMinor: payMinor - debitsMinor, debitsMinor,
      bankReference: input.bankReference, paidDay: input.paidDay ?? run.payDay, createdBy: actor, createdAtMs: nowMs,
    }
    if (!(await insertPayment(tx, payment))) return fail('payment_already_recorded', `The payment to ${input.supplierId} in ${input.currency} on this run is already recorded.`)
    await offsetDebits(tx, debits.map((d) => d.id), payment.id)
    await markPaidWhenSettled(tx, [...new Set(lines.map((l) => l.invoiceId))], nowMs)
    if (run.payments.length + 1 === groupsOf(run).size) await moveRun(tx, run.id, 'approved', 'paid', actor, nowMs)
    return ok(payment)
  }
}

/** A run's lines by `[supplier, currency]` (JSON). */
export function groupsOf(run: Run): Map<string, Run['lines']> {
  const out = new Map<string, Run['lines']>()
  for (const line of run.lines) {
    const key = JSON.stringify([line.supplierId, line.currency])
    out.set(key, [...(out.get(key) ?? []), line])
  }
  return out
}
