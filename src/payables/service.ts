/** The payables context's front: supplier agreements, invoices and the exceptions queue, payment runs, and what is owed. */
import type { Clock } from '../kernel/clock.ts'
import { epochDayOf } from '../kernel/days.ts'
import { ok, type Result } from '../kernel/result.ts'
import type { Db } from '../store/db.ts'
import type { Suppliers } from '../purchasing/index.ts'
import { agreementOf, anySupplier } from './agreement.ts'
import { agreementInForce, deleteAgreement, saveAgreement, type StoredAgreement } from './agreement-store.ts'
import { fail } from './errors.ts'
import { importInvoices, type InvoiceImportOptions, type InvoiceImportReport } from './csv.ts'
import type { CsvSource } from '../catalogue/index.ts'
import { Invoices } from './invoices.ts'
import { ageingAsOf, balancesOf, dueWeeksFrom, statementOf } from './reports.ts'
import { PaymentRuns } from './runs.ts'

export interface PayablesDeps {
  suppliers: Suppliers
}

export class Payables {
  readonly invoices: Invoices
  readonly runs: PaymentRuns
  readonly #db: Db
  readonly #clock: Clock
  readonly #suppliers: Suppliers

  constructor(db: Db, clock: Clock, deps: PayablesDeps) {
    this.#db = db
    this.#clock = clock
    this.#suppliers = deps.suppliers
    this.invoices = new Invoices(db, clock)
    this.runs = new PaymentRuns(db, clock)
  }

  today(): number {
    return epochDayOf(this.#clock.nowMs())
  }

  /** A supplier's id from its id or code; `*` stands for the default agreement. */
  async supplierIdOf(idOrCode: string, allowDefault = false): Promise<Result<string>> {
    if (allowDefault && idOrCode === anySupplier) return ok(anySupplier)
    const found = await this.#suppliers.resolve(idOrCode)
    return found === undefined ? fail('supplier_not_found', `No supplier with id or code '${idOrCode}'.`) : ok(found.id)
  }

  async agreement(supplier: string): Promise<Result<StoredAgreement>> {
    const id = await this.supplierIdOf(supplier, true)
    return id.ok ? ok(await agreementInForce(this.#db, id.value)) : id
  }

  async setAgreement(supplier: string, body: unknown, actor: string): Promise<Result<StoredAgreement>> {
    const id = await this.supplierIdOf(supplier, true)
    if (!id.ok) return id
    const agreement = agreementOf(body)
    if (!agreement.ok) return agreement
    return ok(await this.#db.tx((tx) => saveAgreement(tx, id.value, agreement.value, this.#clock.nowMs(), actor)))
  }

  async deleteAgreement(supplier: string): Promise<Result<StoredAgreement>> {
    const id = await this.supplierIdOf(supplier, true)
    if (!id.ok) return id
    await this.#db.tx((tx) => deleteAgreement(tx, id.value))
    return ok(await agreementInForce(this.#db, id.value))
  }

  /** `sellahead import invoices`: see csv.ts. */
  importInvoices(source: CsvSource, actor: string, options: InvoiceImportOptions = {}): Promise<InvoiceImportReport> {
    return importInvoices(source, async (groups, opts) => {
      const ids = new Map<string, Result<string>>()
      for (const g of groups) if (!ids.has(g.supplier)) ids.set(g.supplier, await this.supplierIdOf(g.supplier))
      const results = await this.invoices.createMany(groups.map((g) => ({ supplierId: ids.get(g.supplier)!, body: g.body })), 'import', actor, opts.skipErrors ?? false, opts.onProgress)
      results.forEach((result, i) => opts.onResult(groups[i], result))
    }, options)
  }

  ageing(asOfDay: number, supplierId?: string) {
    return ageingAsOf(this.#db, asOfDay, supplierId)
  }

  dueByWeek(asOfDay: number, weeks: number, supplierId?: string) {
    return dueWeeksFrom(this.#db, asOfDay, weeks, supplierId)
  }

  balances(supplierId: string, asOfDay: number) {
    return balancesOf(this.#db, supplierId, asOfDay)
  }

  statement(supplierId: string, asOfDay: number) {
    return statementOf(this.#db, supplierId, asOfDay)
  }
}
