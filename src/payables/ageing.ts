/**
 * Accounts-payable ageing and the cash we will need: open supplier items by how overdue they are,
 * per supplier and in total, and what falls due in each of the coming weeks. Each currency is
 * summed on its own (never converted). Days are epoch days; `asOfDay` is passed in, never read
 * from a clock. Pure: no I/O.
 */
import { invariant } from '../kernel/result.ts'

export interface OpenPayable {
  supplierId: string
  /** Epoch day the item falls due. */
  dueDay: number
  /** Open amount in minor units; negative for a debit note or credit still to set off. */
  openMinor: number
  /** ISO 4217 code, e.g. EUR. */
  currency: string
}

export type AgeingBucket = 'current' | 'd1_30' | 'd31_60' | 'd61_90' | 'over_90'
export const ageingBucketNames: readonly AgeingBucket[] = ['current', 'd1_30', 'd31_60', 'd61_90', 'over_90']

export interface AgedBalance {
  currency: string
  openMinor: number
  bucketsMinor: Record<AgeingBucket, number>
}

export interface SupplierAgedBalance extends AgedBalance {
  supplierId: string
}

export interface Ageing {
  /** One row per supplier and currency, by supplier then currency. */
  bySupplier: SupplierAgedBalance[]
  /** One row per currency, by currency. */
  total: AgedBalance[]
}

const checkItem = (item: OpenPayable): void =>
  invariant(typeof item.supplierId === 'string' && Number.isSafeInteger(item.dueDay) && Number.isSafeInteger(item.openMinor) && /^[A-Z]{3}$/.test(item.currency),
    `open payable needs a supplier, a whole due day and amount and an ISO currency: ${JSON.stringify(item)}`)

/** The bucket of an item `asOfDay`: due today or later is current; then by whole days overdue. */
export function bucketOf(dueDay: number, asOfDay: number): AgeingBucket {
  const daysOverdue = asOfDay - dueDay
  if (daysOverdue <= 0) return 'current'
  if (daysOverdue <= 30) return 'd1_30'
  if (daysOverdue <= 60) return 'd31_60'
  if (daysOverdue <= 90) return 'd61_90'
  return 'over_90'
}

const emptyBuckets = (): Record<AgeingBucket, number> => ({ current: 0, d1_30: 0, d31_60: 0, d61_90: 0, over_90: 0 })
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Ages `openItems` as of `asOfDay`: every row's buckets sum to its open balance. */
export function ageingBuckets(openItems: readonly OpenPayable[], asOfDay: number): Ageing {
  invariant(Number.isSafeInteger(asOfDay), `ageingBuckets: asOfDay ${asOfDay} must be a whole epoch day`)
  const suppliers = new Map<string, SupplierAgedBalance>()
  const totals = new Map<string, AgedBalance>()
  for (const item of openItems) {
    checkItem(item)
    const bucket = bucketOf(item.dueDay, asOfDay)
    const supplierKey = JSON.stringify([item.supplierId, item.currency])
    const supplierRow = suppliers.get(supplierKey) ?? { supplierId: item.supplierId, currency: item.currency, openMinor: 0, bucketsMinor: emptyBuckets() }
    const totalRow = totals.get(item.currency) ?? { currency: item.currency, openMinor: 0, bucketsMinor: emptyBuckets() }
    for (const row of [supplierRow, totalRow]) {
      row.openMinor += item.openMinor
      row.bucketsMinor[bucket] += item.openMinor
    }
    suppliers.set(supplierKey, supplierRow)
    totals.set(item.currency, totalRow)
  }
  return {
    bySupplier: [...suppliers.values()].sort((a, b) => byKey(a.supplierId, b.supplierId) || byKey(a.currency, b.currency)),
    total: [...totals.values()].sort((a, b) => byKey(a.currency, b.currency)),
  }
}

export interface DueByWeek {
  currency: string
  /** Index 0 is week 1: asOfDay..asOfDay+6, with everything already overdue. */
  weeksMinor: number[]
  /** What falls due from the past up to the last day of the last week: the sum of `weeksMinor`. */
  totalMinor: number
}

/**
 * What falls due in each of the next `weeks` weeks, per currency (by currency). Week 1 is
 * asOfDay..asOfDay+6 and takes the overdue too; items due after the last week are left out.
 */
export function dueByWeek(openItems: readonly OpenPayable[], asOfDay: number, weeks = 13): DueByWeek[] {
  invariant(Number.isSafeInteger(asOfDay), `dueByWeek: asOfDay ${asOfDay} must be a whole epoch day`)
  invariant(Number.isSafeInteger(weeks) && weeks > 0, `dueByWeek: weeks ${weeks} must be a whole number > 0`)
  const rows = new Map<string, DueByWeek>()
  for (const item of openItems) {
    checkItem(item)
    const week = Math.max(0, Math.floor((item.dueDay - asOfDay) / 7))
    if (week >= weeks) continue
    const row = rows.get(item.currency) ?? { currency: item.currency, weeksMinor: new Array<number>(weeks).fill(0), totalMinor: 0 }
    row.weeksMinor[week]! += item.openMinor
    row.totalMinor += item.openMinor
    rows.set(item.currency, row)
  }
  return [...rows.values()].sort((a, b) => byKey(a.currency, b.currency))
}
