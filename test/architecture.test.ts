/**
 * The house rules (docs/architecture.md), checked on the source itself:
 * (a) SQL naming a table appears only in the folder of the context that owns it (and in migrations);
 * (b) a file imports another context only through that context's index.ts;
 * (c) there is no import circle between contexts, type imports included.
 * Written as data: the owner of every table, the folders that are contexts, and the exceptions
 * that must stay, each with its reason (none today).
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const src = resolve(import.meta.dirname, '../src')

/** Every table and the one context that owns it: only files in that folder name it in SQL. */
export const tableOwners: Record<string, string> = {
  skus: 'catalogue', nodes: 'catalogue', channels: 'catalogue',
  tokens: 'auth',
  positions: 'inventory', movements: 'inventory', reservations: 'inventory', locks: 'inventory', transfers: 'inventory',
  idempotency_keys: 'inventory',
  supply_slots: 'supply',
  outbox: 'events',
  orders: 'orders', order_lines: 'orders', order_events: 'orders', payments: 'orders', order_contacts: 'orders',
  order_delays: 'orders', customer_messages: 'orders', sell_ahead_policies: 'promising',
  presale_campaigns: 'presale',
  suppliers: 'purchasing', supplier_skus: 'purchasing', virtual_supply: 'purchasing', supplier_scorecards: 'purchasing', supplier_scorecard_history: 'purchasing',
  purchase_orders: 'purchasing', po_lines: 'purchasing', po_events: 'purchasing', asns: 'purchasing', asn_lines: 'purchasing',
  receipts: 'purchasing', receipt_lines: 'purchasing',
  analytics_daily: 'analytics', analytics_backorders: 'analytics', analytics_backorder_days: 'analytics', analytics_stock_daily: 'analytics', analytics_cursor: 'analytics', analytics_pickup_ready: 'analytics',
  analytics_return_skus: 'analytics', analytics_return_suppliers: 'analytics', analytics_return_reasons: 'analytics', analytics_return_seen: 'analytics',
  channel_availability: 'availability', availability_cursor: 'availability', availability_daily: 'availability',
  webhook_endpoints: 'webhooks', webhook_deliveries: 'webhooks', webhook_attempts: 'webhooks', webhook_cursor: 'webhooks',
  // Key-value settings of every context, each under its own keys; the store keeps the table.
  settings: 'store',
  // Named leases (one holder of a job across processes), for any context to take; the store keeps the table.
  leases: 'store',
  bus_cursor: 'bus',
  notifications: 'notifications', notification_templates: 'notifications', notification_cursor: 'notifications',
  routing_profiles: 'routing', routing_decisions: 'routing', node_capacity: 'routing',
  shipments: 'fulfilment', shipment_lines: 'fulfilment', shipment_events: 'fulfilment', pickups: 'fulfilment',
  returns: 'returns', return_lines: 'returns', return_units: 'returns', return_events: 'returns', return_settings: 'returns', return_to_vendor: 'returns',
  demand_days: 'replenishment', demand_cursor: 'replenishment', demand_returns_seen: 'replenishment', demand_refusals: 'replenishment',
  planned_events: 'replenishment', inventory_policies: 'replenishment', forecasts: 'replenishment', forecast_scores: 'replenishment',
  replenishment_suggestions: 'replenishment', replenishment_runs: 'replenishment', replenishment_alerts: 'replenishment',
  supplier_agreements: 'payables', supplier_invoices: 'payables', supplier_invoice_lines: 'payables', supplier_invoice_charges: 'payables',
  invoice_instalments: 'payables', payment_runs: 'payables', payment_run_lines: 'payables', supplier_payments: 'payables', supplier_debits: 'payables',
  sku_costs: 'payables', cost_movements: 'payables', landed_costs: 'payables',
}

/**
 * Folders that are not contexts: kernel (ids, money, clock, results, lifecycles) and store (the
 * database port, SQL helpers, migrations) import no context; http is the HTTP kit and the
 * composition root, cli the command line; both may use any context through its index.ts.
 */
const infrastructure = new Set(['kernel', 'store', 'http', 'cli'])

/** Exceptions that must stay, as `file → table` or `file → imported file`, each with its reason. */
const allowed: Record<string, string> = {
  // Debits were written beside payables/index.ts (the lead's): these go once it exports Debits, debitedUnitsByPoLine and debitRoutes.
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : []
  })
}

const folderOf = (file: string): string => {
  const parts = relative(src, file).split('/')
  return parts.length > 1 ? parts[0] : '.'
}

const sources = filesUnder(src).filter((f) => !relative(src, f).startsWith('store/migrations/'))

/** Table names a file's SQL mentions: after FROM/JOIN/INTO/UPDATE/TABLE, and as the table argument of the multi-row helpers. */
export function tablesNamed(text: string): Set<string> {
  const found = new Set<string>()
  for (const m of text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_]+)\b/g)) found.add(m[1])
  for (const m of text.matchAll(/\b(?:insertMany|selectIn)\(\s*\w+\s*,\s*'([a-z_]+)'/g)) found.add(m[1])
  for (const m of text.matchAll(/\.insert\(\s*'([a-z_]+)'/g)) found.add(m[1])
  return new Set([...found].filter((t) => Object.hasOwn(tableOwners, t)))
}

interface Import { file: string; target: string; line: number }

/** Every relative import (type imports and re-exports included) with the file it resolves to. */
export function importsOf(file: string, text: string): Import[] {
  const out: Import[] = []
  const lines = text.split('\n')
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/\b(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)) out.push({ file, target: resolve(dirname(file), m[1]), line: i + 1 })
  })
  return out
}

const texts = new Map(sources.map((f) => [f, readFileSync(f, 'utf8')]))

describe('architecture', () => {
  it('names the owner of every table the migrations create', () => {
    const migrations = filesUnder(join(src, 'store/migrations')).map((f) => readFileSync(f, 'utf8')).join('\n')
    const created = [...migrations.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)/g)].map((m) => m[1])
    assert.deepEqual([...new Set(created)].sort(), Object.keys(tableOwners).sort())
  })

  it('(a) SQL naming a table appears only in its owner\'s folder', () => {
    const strays: string[] = []
    for (const [file, text] of texts) {
      for (const table of tablesNamed(text)) {
        const key = `${relative(src, file)} → ${table}`
        if (folderOf(file) !== tableOwners[table] && !Object.hasOwn(allowed, key)) strays.push(`${key} (owned by ${tableOwners[table]})`)
      }
    }
    assert.deepEqual(strays, [], `Call the owner's functions instead:\n${strays.join('\n')}`)
  })

  it('(b) a file imports another context only through its index.ts', () => {
    const strays: string[] = []
    for (const [file, text] of texts) {
      for (const imp of importsOf(file, text)) {
        const from = folderOf(file)
        const to = folderOf(imp.target)
        if (to === from || to === '.' || infrastructure.has(to)) continue
        const key = `${relative(src, file)} → ${relative(src, imp.target)}`
        if (relative(src, imp.target) !== `${to}/index.ts` && !Object.hasOwn(allowed, key)) strays.push(`${key} (line ${imp.line})`)
      }
    }
    assert.deepEqual(strays, [], `Import the context's index.ts instead:\n${strays.join('\n')}`)
  })

  it('(b) kernel and store import no context', () => {
    const strays: string[] = []
    for (const [file, text] of texts) {
      const from = folderOf(file)
      if (from !== 'kernel' && from !== 'store') continue
      for (const imp of importsOf(file, text)) {
        const to = folderOf(imp.target)
        if (to !== 'kernel' && to !== 'store') strays.push(`${relative(src, file)} → ${relative(src, imp.target)}`)
      }
    }
    assert.deepEqual(strays, [])
  })

  it('(c) there is no import circle between contexts, type imports included', () => {
    const edges = new Map<string, Set<string>>()
    for (const [file, text] of texts) {
      const from = folderOf(file)
      if (from === '.' || infrastructure.has(from)) continue
      for (const imp of importsOf(file, text)) {
        const to = folderOf(imp.target)
        if (to === from || to === '.' || infrastructure.has(to)) continue
        if (!edges.has(from)) edges.set(from, new Set())
        edges.get(from)?.add(to)
      }
    }
    assert.deepEqual(circles(edges), [], 'contexts in an import circle')
  })

  it('the checks catch what they are for', () => {
    assert.deepEqual([...tablesNamed("await q.all('SELECT id FROM order_lines WHERE x = ?')")], ['order_lines'])
    assert.deepEqual([...tablesNamed("await insertMany(tx, 'outbox', cols, rows)")], ['outbox'])
    assert.deepEqual([...tablesNamed("state.insert('order_delays', delayColumns, row)")], ['order_delays'])
    assert.deepEqual([...tablesNamed("// the orders context owns them\nconst orders = 1")], [])
    const imports = importsOf(join(src, 'presale/x.ts'), "import { saveOrder } from '../orders/store.ts'\nimport type { A } from './y.ts'")
    assert.deepEqual(imports.map((i) => relative(src, i.target)), ['orders/store.ts', 'presale/y.ts'])
    assert.deepEqual(circles(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]])), [['a', 'b', 'c']])
  })
})

/** The strongly connected groups of more than one context (Tarjan), each sorted. */
function circles(edges: Map<string, Set<string>>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const groups: string[][] = []
  const visit = (v: string): void => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0))
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = []
      let w: string | undefined
      do {
        w = stack.pop()
        if (w !== undefined) { onStack.delete(w); group.push(w) }
      } while (w !== undefined && w !== v)
      if (group.length > 1) groups.push(group.sort())
    }
  }
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v)
  return groups
}
