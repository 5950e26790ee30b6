/** Supplier agreements' SQL: one per supplier, or the default (`*`). */
import type { Queryable } from '../store/db.ts'
import { anySupplier, builtInAgreement, type Agreement } from './agreement.ts'

export interface StoredAgreement {
  supplierId: string
  agreement: Agreement
  /** Where the agreement in force comes from: the supplier's own, the merchant's default, or the built-in one. */
  from: 'supplier' | 'default' | 'built_in'
  version: number
  updatedAtMs: number | null
  updatedBy: string | null
}

type AgreementRow = { supplier_id: string; terms: string; tolerance: string; debits: string; chargeback_bp: number | string; version: number | string; updated_by: string; updated_at: number | string }

const agreementOfRow = (r: AgreementRow): Agreement => ({
  terms: JSON.parse(r.terms), tolerance: JSON.parse(r.tolerance), debits: JSON.parse(r.debits), chargebackPercent: Number(r.chargeback_bp) / 100,
})

/** Sets a supplier's agreement (or the default, `*`) as its next version. */
export async function saveAgreement(tx: Queryable, supplierId: string, a: Agreement, atMs: number, by: string): Promise<StoredAgreement> {
  const row = await tx.get<AgreementRow>(`INSERT INTO supplier_agreements (supplier_id, terms, tolerance, debits, chargeback_bp, version, updated_by, updated_at)
    VALUES (?, ?, ?, ?, ?, 1, ?, ?)
    ON CONFLICT (supplier_id) DO UPDATE SET terms = excluded.terms, tolerance = excluded.tolerance, debits = excluded.debits,
      chargeback_bp = excluded.chargeback_bp, version = supplier_agreements.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at
    RETURNING *`, [supplierId, JSON.stringify(a.terms), JSON.stringify(a.tolerance), JSON.stringify(a.debits), Math.round(a.chargebackPercent * 100), by, atMs])
  return { supplierId, agreement: agreementOfRow(row!), from: supplierId === anySupplier ? 'default' : 'supplier', version: Number(row!.version), updatedAtMs: Number(row!.updated_at), updatedBy: row!.updated_by }
}

/** Removes a supplier's own agreement: it follows the default again. */
export async function deleteAgreement(tx: Queryable, supplierId: string): Promise<boolean> {
  return (await tx.run('DELETE FROM supplier_agreements WHERE supplier_id = ?', [supplierId])) > 0
}

/** The agreement a supplier works under: its own, else the merchant's default, else the built-in one. */
export async function agreementInForce(q: Queryable, supplierId: string): Promise<StoredAgreement> {
  const rows = await q.all<AgreementRow>('SELECT * FROM supplier_agreements WHERE supplier_id IN (?, ?)', [supplierId, anySupplier])
  const row = rows.find((r) => r.supplier_id === supplierId) ?? rows.find((r) => r.supplier_id === anySupplier)
  if (row === undefined) return { supplierId, agreement: builtInAgreement, from: 'built_in', version: 0, updatedAtMs: null, updatedBy: null }
  return {
    supplierId, agreement: agreementOfRow(row), from: row.supplier_id === anySupplier ? 'default' : 'supplier',
    version: Number(row.version), updatedAtMs: Number(row.updated_at), updatedBy: row.updated_by,
  }
}
