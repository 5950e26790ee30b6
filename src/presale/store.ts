/** Campaigns as stored: the terms as JSON, with the columns the pollers and lists filter on. */
import type { Queryable } from '../store/db.ts'
import { publish } from '../events/index.ts'
import type { Campaign, CampaignStatus, CampaignTerms } from './model.ts'

export interface CampaignRow {
  id: string
  code: string
  sku_id: string
  node_id: string
  status: string
  campaign: string
  final_unit_price: number | string | null
  starts_at: number | string
  ends_at: number | string
  ended_at: number | string | null
  repriced_at: number | string | null
  created_at: number | string
  updated_at: number | string
}

const numberOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v))

export function campaignOf(r: CampaignRow): Campaign {
  const terms = JSON.parse(r.campaign) as CampaignTerms
  return {
    ...terms,
    id: r.id,
    code: r.code,
    skuId: r.sku_id,
    nodeId: r.node_id,
    status: r.status as CampaignStatus,
    finalUnitPrice: numberOrNull(r.final_unit_price),
    endedAtMs: numberOrNull(r.ended_at),
    repricedAtMs: numberOrNull(r.repriced_at),
    createdAtMs: Number(r.created_at),
    updatedAtMs: Number(r.updated_at),
  }
}

/** The terms part of a campaign, as the JSON column holds it. */
export function termsOf(c: CampaignTerms): CampaignTerms {
  return {
    code: c.code, name: c.name, skuId: c.skuId, nodeId: c.nodeId, currency: c.currency, startsAtMs: c.startsAtMs, endsAtMs: c.endsAtMs,
    quota: c.quota, perCustomerLimit: c.perCustomerLimit, pricing: c.pricing, deposit: c.deposit, depositDeadlineMinutes: c.depositDeadlineMinutes,
    balanceWindowHours: c.balanceWindowHours, shipDate: c.shipDate, compensation: c.compensation, supplierId: c.supplierId,
  }
}

/** A campaign by id or code; `forUpdate` locks the row (PostgreSQL; SQLite's write transaction is already exclusive). */
export async function loadCampaign(q: Queryable, ref: string, forUpdate = false): Promise<Campaign | undefined> {
  const lock = forUpdate && q.dialect === 'postgres' ? ' FOR UPDATE' : ''
  const row = await q.get<CampaignRow>(`SELECT * FROM presale_campaigns WHERE id = ?${lock}`, [ref])
    ?? await q.get<CampaignRow>(`SELECT * FROM presale_campaigns WHERE code = ?${lock}`, [ref])
  return row && campaignOf(row)
}

export async function insertCampaign(tx: Queryable, c: Campaign): Promise<void> {
  await tx.run(
    `INSERT INTO presale_campaigns (id, code, sku_id, node_id, status, campaign, final_unit_price, starts_at, ends_at, ended_at, repriced_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [c.id, c.code, c.skuId, c.nodeId, c.status, JSON.stringify(termsOf(c)), c.finalUnitPrice, c.startsAtMs, c.endsAtMs, c.endedAtMs, c.repricedAtMs, c.createdAtMs, c.updatedAtMs])
}

/** Writes every changeable field; the caller holds the row (or the position lock every campaign writer takes first). */
export async function saveCampaign(tx: Queryable, c: Campaign): Promise<void> {
  await tx.run(
    `UPDATE presale_campaigns SET code = ?, sku_id = ?, node_id = ?, status = ?, campaign = ?, final_unit_price = ?, starts_at = ?, ends_at = ?,
     ended_at = ?, repriced_at = ?, updated_at = ? WHERE id = ?`,
    [c.code, c.skuId, c.nodeId, c.status, JSON.stringify(termsOf(c)), c.finalUnitPrice, c.startsAtMs, c.endsAtMs, c.endedAtMs, c.repricedAtMs, c.updatedAtMs, c.id])
}

/** Campaigns newest first (ids are time-ordered), optionally by status and SKU. */
export async function listCampaigns(q: Queryable, filter: { statuses?: readonly CampaignStatus[]; skuId?: string }, before: string | undefined, limit: number): Promise<Campaign[]> {
  const where: string[] = []
  const params: Array<string | number> = []
  if (filter.statuses) {
    where.push(`status IN (${filter.statuses.map(() => '?').join(', ')})`)
    params.push(...filter.statuses)
  }
  if (filter.skuId) where.push('sku_id = ?') && params.push(filter.skuId)
  if (before) where.push('id < ?') && params.push(before)
  const rows = await q.all<CampaignRow>(
    `SELECT * FROM presale_campaigns ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${Math.trunc(limit)}`, params)
  return rows.map(campaignOf)
}

export { campaignUnitsSold as unitsSold, campaignCustomerUnits as customerUnits } from '../orders/index.ts'

/** A campaign change on the outbox (`presale_campaign.changed`), in the transaction that made it. */
export async function campaignEvent(tx: Queryable, c: Campaign, change: string, actor: string, detail: Record<string, unknown> = {}): Promise<void> {
  await publish(tx, [{
    topic: 'presale_campaign.changed',
    subject: c.id,
    payload: { campaignId: c.id, code: c.code, skuId: c.skuId, nodeId: c.nodeId, change, status: c.status, quota: c.quota, finalUnitPrice: c.finalUnitPrice, actor, ...detail },
  }], c.updatedAtMs)
}

/** Of the given campaigns, at most `limit` that have ended, in id order. */
export async function endedCampaignsAmong(q: Queryable, ids: readonly string[], limit: number): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await q.all<{ id: string }>(
    `SELECT id FROM presale_campaigns WHERE status = 'ended' AND id IN (${ids.map(() => '?').join(', ')}) ORDER BY id LIMIT ${Math.trunc(limit)}`, ids)
  return rows.map((r) => r.id)
}
