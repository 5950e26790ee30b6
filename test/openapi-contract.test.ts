/**
 * The API contract (/openapi.json): it passes Redocly's recommended lint with no error and no
 * warning; every operation has a unique, hand-chosen operationId; every answer but success is
 * problem+json with the shared Problem schema and the codes it can carry; keyed operations declare
 * Idempotency-Key; every creating call has a request example; and the committed typed client is
 * what the served document generates, so the contract and its client cannot drift apart.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { servedOpenApi } from '../clients/typescript/spec.ts'
import { clientTypesPath, generatedClientTypes } from '../clients/typescript/generate.ts'
import { operationTable } from '../src/http/operation-table.ts'
import { statusOf } from '../src/http/problem-status.ts'
import { statusOutsideTheMap } from '../src/http/contract.ts'
import { contextErrorCodes } from '../src/http/problem-codes.ts'

const root = resolve(import.meta.dirname, '..')

interface Operation {
  operationId?: string
  security?: unknown[]
  parameters?: Array<{ $ref?: string; name?: string }>
  requestBody?: { content: Record<string, { example?: unknown }> }
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }>; headers?: Record<string, unknown>; 'x-problem-codes'?: string[] }>
}
type Document = { paths: Record<string, Record<string, Operation>>; servers?: unknown[]; info: { license?: unknown; description?: string }; components: { schemas: Record<string, unknown> } }

const document = (await servedOpenApi()) as unknown as Document
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, method, op })))

test('Redocly lint with the recommended rules finds no error and no warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sellahead-openapi-'))
  try {
    const file = join(dir, 'openapi.json')
    writeFileSync(file, JSON.stringify(document))
    const cli = join(root, 'node_modules/@redocly/cli/bin/cli.js')
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'lint', '--config', join(root, 'redocly.yaml'), '--format=json', file], {
      cwd: dir, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }))
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string }> }
    assert.deepEqual(report.totals.errors + report.totals.warnings, 0, report.problems.slice(0, 20).map((p) => `${p.ruleId}: ${p.message}`).join('\n'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('the document says where the API is, under which licence, and what it is', () => {
  assert.ok((document.servers ?? []).length > 0)
  assert.ok(document.info.license)
  assert.match(document.info.description ?? '', /problem\+json/)
})

test('every operation has its own hand-chosen operationId', () => {
  const ids = operations.map((o) => o.op.operationId)
  assert.equal(new Set(ids).size, ids.length, 'operationIds are unique')
  const unnamed = operations.filter((o) => operationTable[o.route] === undefined).map((o) => o.route)
  assert.deepEqual(unnamed, [], 'every route is named in src/http/operation-table.ts')
  const stale = Object.keys(operationTable).filter((route) => !operations.some((o) => o.route === route))
  assert.deepEqual(stale, [], 'the table names no route that is gone')
  for (const { route, op } of operations) assert.equal(op.operationId, operationTable[route].operationId)
})

test('every refusal is problem+json with the shared Problem schema and the codes of its status', () => {
  assert.ok(document.components.schemas.Problem)
  for (const { route, method, op } of operations) {
    const problems = Object.entries(op.responses).filter(([status]) => /^[45]/.test(status))
    const open = operationTable[route].public === true
    for (const status of ['400', '429', '500', '503']) assert.ok(op.responses[status], `${route} declares ${status}`)
    // A 401 exactly where a bearer token is required; a public operation says it needs none.
    assert.equal(op.responses['401'] !== undefined, !open, `${route} declares 401 unless it is public`)
    if (open) assert.deepEqual(op.security, [], `${route} is public: no security requirement`)
    // A 403 is declared exactly where a role check can refuse.
    assert.equal(op.responses['403'] !== undefined, operationTable[route].anyRole !== true && !open, `${route} declares 403 unless any role may call it`)
    if (method !== 'get') for (const status of ['413', '415']) assert.ok(op.responses[status], `${route} declares ${status}`)
    for (const [status, response] of problems) {
      assert.deepEqual(Object.keys(response.content ?? {}), ['application/problem+json'], `${route} ${status}`)
      assert.equal(response.content?.['application/problem+json'].schema?.$ref, '#/components/schemas/Problem')
      const codes = response['x-problem-codes'] ?? []
      assert.ok(codes.length > 0, `${route} ${status} lists its codes`)
      for (const code of codes) assert.equal(statusOutsideTheMap[code] ?? statusOf(code), Number(status), `${route}: ${code} is a ${status}`)
      if (status === '429' || status === '503') assert.ok(response.headers?.['Retry-After'], `${route} ${status} has Retry-After`)
    }
  }
})

/**
 * Codes of a context's union that no HTTP route can answer: a check the route's schema already
 * makes (so the request is refused as invalid_request first) or a path outside HTTP (CSV imports,
 * the order engine's internal actions).
 */
const notAnsweredOverHttp: Record<string, string> = {
  invalid_code: 'every schema with a code has its pattern; catalogue and purchase-order CSV imports can fail it',
  invalid_active: 'every schema with `active` takes a boolean; a catalogue CSV import can fail it',
  invalid_capabilities: 'the node schema checks capabilities; a catalogue CSV import can fail them',
  invalid_handling_time: 'the node schema bounds it; a catalogue CSV import can fail it',
  invalid_kind: 'the node and channel schemas list the kinds; a catalogue CSV import can fail them',
  invalid_latitude: 'the node schema bounds it; a catalogue CSV import can fail it',
  invalid_longitude: 'the node schema bounds it; a catalogue CSV import can fail it',
  invalid_node_ids: 'the channel schema bounds the list; a catalogue CSV import can fail it',
  invalid_supplier_id: 'the node schema has its pattern; a catalogue CSV import can fail it',
  invalid_weight: 'the SKU schema bounds it; a catalogue CSV import can fail it',
  invalid_volume: 'the SKU schema bounds it; a catalogue CSV import can fail it',
  invalid_quota: 'the campaign and quota schemas bound it; the presale rules check it for every other caller',
  invalid_per_customer_limit: 'the campaign schema bounds it; the presale rules check it for every other caller',
  invalid_deposit_deadline: 'the campaign schema bounds it; the presale rules check it for every other caller',
  invalid_balance_window: 'the campaign schema bounds it; the presale rules check it for every other caller',
  invalid_dropship: 'the supplier schema takes a boolean; the supplier rules check it for every other caller',
  invalid_lead_time: 'the supplier, SKU-terms and virtual-supply schemas bound it; the supplier rules check it for every other caller',
  invalid_min_order_quantity: 'the SKU-terms schema bounds it; the supplier rules check it for every other caller',
  invalid_pack_size: 'the SKU-terms schema bounds it; the supplier rules check it for every other caller',
  invalid_virtual_cap: 'the SKU-terms schema bounds it; the supplier rules check it for every other caller',
  too_many_lines: 'the purchase-order schema bounds the lines; a purchase-order CSV import can exceed them',
  amount_required: 'every payment route sends an amount; the order engine checks it for every other caller',
  reprice_terms_required: 'a presale campaign end reprices its orders; no route does',
  invalid_cost_lines: 'landed cost is spread over a receipt’s lines as purchasing stored them; only a bug makes them invalid',
  no_units_on_hand: 'landed cost expenses a part no unit is left to carry; the pure moving average refuses it for every other caller',
}

test('the codes an operation lists are exact: each is its own, none is a context-wide list, and every code reaches some operation', () => {
  const listed = new Set(operations.flatMap(({ op }) => Object.values(op.responses).flatMap((r) => r['x-problem-codes'] ?? [])))
  for (const [context, codes] of Object.entries(contextErrorCodes)) {
    const unlisted = codes.filter((code) => !listed.has(code) && notAnsweredOverHttp[code] === undefined)
    assert.deepEqual(unlisted, [], `codes of the ${context} context no operation lists: list them where they are answered, or say why none can`)
  }
  for (const code of Object.keys(notAnsweredOverHttp)) assert.ok(!listed.has(code), `${code} is listed by an operation: drop it from notAnsweredOverHttp`)
  for (const { route, op } of operations) {
    const text = Object.values(op.responses).map((r) => JSON.stringify(r)).join(' ')
    assert.doesNotMatch(text, /some of them/, `${route} describes its codes as a superset`)
  }
})

test('a body that may be left out is not required: the steps whose body has nothing required', () => {
  const optional = operations.filter(({ op }) => op.requestBody !== undefined && (op.requestBody as { required?: boolean }).required === false).map((o) => o.route)
  assert.deepEqual(optional.sort(), [
    'POST /v1/inventory/locks/{id}/release', 'POST /v1/orders/{id}/cancel', 'POST /v1/orders/{id}/ship', 'POST /v1/reservations/{id}/commit',
    'POST /v1/reservations/{id}/release', 'POST /v1/shipments/{id}/cancel', 'POST /v1/shipments/{id}/deliver', 'POST /v1/transfers/{id}/cancel', 'POST /v1/transfers/{id}/ship',
    'POST /v1/webhook-endpoints/{id}/replay', 'POST /v1/webhook-endpoints/{id}/rotate-secret',
  ])
})

test('operations that take an Idempotency-Key declare it; every creating call has a request example', () => {
  for (const { route, op } of operations) {
    const declared = (op.parameters ?? []).some((p) => p.$ref === '#/components/parameters/IdempotencyKey')
    assert.equal(declared, operationTable[route].idempotent === true, route)
    if (op.responses['201'] && op.requestBody) assert.ok(op.requestBody.content['application/json'].example, `${route} has an example`)
  }
  assert.ok(operations.filter((o) => o.op.responses['201']).length >= 15)
})

test('the main shapes are named component schemas, referred to where used', () => {
  for (const name of ['Order', 'OrderLine', 'Reservation', 'Position', 'Transfer', 'Sku', 'Node', 'Channel', 'PurchaseOrder', 'Campaign', 'Supplier', 'Problem']) {
    assert.ok(document.components.schemas[name], name)
  }
  const text = JSON.stringify(document.paths)
  assert.ok(text.includes('"$ref":"#/components/schemas/Order"'))
})

test('the committed typed client is what the served document generates (npm run generate:client)', async () => {
  assert.equal(readFileSync(clientTypesPath, 'utf8'), await generatedClientTypes(), 'run `npm run generate:client` and commit clients/typescript/api.ts')
})
