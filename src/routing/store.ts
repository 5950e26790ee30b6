/** Routing's SQL: profile versions and routing decisions. */
import type { Queryable } from '../store/db.ts'
import type { RoutingProfile, RoutingProfileBody } from './model.ts'
import type { Explanation } from './router.ts'

interface ProfileRow { scope: string; version: number | string; body: string; actor: string; created_at: number | string }

const profileOf = (r: ProfileRow): RoutingProfile => ({
  ...(JSON.parse(r.body) as RoutingProfileBody), scope: r.scope, version: Number(r.version), actor: r.actor, createdAt: new Date(Number(r.created_at)).toISOString(),
})

export async function latestProfile(q: Queryable, scope: string): Promise<RoutingProfile | undefined> {
  const row = await q.get<ProfileRow>('SELECT scope, version, body, actor, created_at FROM routing_profiles WHERE scope = ? ORDER BY version DESC LIMIT 1', [scope])
  return row && profileOf(row)
}

/** The newest version of every scope that has one. */
export async function latestProfiles(q: Queryable): Promise<RoutingProfile[]> {
  const rows = await q.all<ProfileRow>(
    `SELECT p.scope, p.version, p.body, p.actor, p.created_at FROM routing_profiles p
     WHERE p.version = (SELECT MAX(v.version) FROM routing_profiles v WHERE v.scope = p.scope) ORDER BY p.scope`,
  )
  return rows.map(profileOf)
}

export async function profileVersions(q: Queryable, scope: string): Promise<RoutingProfile[]> {
  return (await q.all<ProfileRow>('SELECT scope, version, body, actor, created_at FROM routing_profiles WHERE scope = ? ORDER BY version DESC LIMIT 100', [scope])).map(profileOf)
}

/** Stores the next version of a scope's profile. */
export async function insertProfile(q: Queryable, scope: string, body: RoutingProfileBody, actor: string, nowMs: number): Promise<RoutingProfile> {
  const last = await q.get<{ version: number | string | null }>('SELECT MAX(version) AS version FROM routing_profiles WHERE scope = ?', [scope])
  const version = Number(last?.version ?? 0) + 1
  await q.run('INSERT INTO routing_profiles (scope, version, body, actor, created_at) VALUES (?, ?, ?, ?, ?)', [scope, version, JSON.stringify(body), actor, nowMs])
  return { ...body, scope, version, actor, createdAt: new Date(nowMs).toISOString() }
}

export interface Decision {
  seq: number
  cause: string
  outcome: string
  decidedAt: string
  explanation: Explanation & { profile: { scope: string; version: number } }
}

export async function decisionsOf(q: Queryable, orderId: string): Promise<Decision[]> {
  const rows = await q.all<{ seq: number | string; cause: string; outcome: string; explanation: string; decided_at: number | string }>(
    'SELECT seq, cause, outcome, explanation, decided_at FROM routing_decisions WHERE order_id = ? ORDER BY seq', [orderId])
  return rows.map((r) => ({ seq: Number(r.seq), cause: r.cause, outcome: r.outcome, decidedAt: new Date(Number(r.decided_at)).toISOString(), explanation: JSON.parse(r.explanation) }))
}

/** The next decision number of an order (re-routes append). */
export async function nextDecisionSeq(q: Queryable, orderId: string): Promise<number> {
  const row = await q.get<{ seq: number | string | null }>('SELECT MAX(seq) AS seq FROM routing_decisions WHERE order_id = ?', [orderId])
  return Number(row?.seq ?? 0) + 1
}
