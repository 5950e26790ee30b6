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

const root = resolve(import.meta.dirname, '..')

interface Operation {
  operationId?: string
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
    for (const status of ['400', '401', '403', '429', '503']) assert.ok(op.responses[status], `${route} declares ${status}`)
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
