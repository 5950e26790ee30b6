/**
 * The README's "First order, step by step" is run as written: each curl call's method, path,
 * headers and body go through the app over the demo's data, and each `VAR=…  # the "field" field of
 * the answer` line takes that field from the answer before. A README that drifts from the API fails here.
 */
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { startTestApp, type TestApp } from './helpers/app.ts'
import { seedDemo } from '../src/demo.ts'

interface Call { method: string; path: string; headers: Record<string, string>; body: string | undefined }
type Step = { call: Call } | { bind: string; field: string }

/** The shell block of a README section, as calls and bindings in order. */
function stepsOf(readme: string, heading: string): Step[] {
  const section = readme.split(`## ${heading}\n`)[1]?.split('\n## ')[0]
  assert.ok(section, `README has a section '${heading}'`)
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]
  const lines = block.split('\n')
  const steps: Step[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const bind = /^(\w+)=\S+\s+# the "(\w+)" field of the answer/.exec(line)
    if (bind) steps.push({ bind: bind[1], field: bind[2] })
    if (!line.startsWith('curl ')) continue
    const method = /-X (\w+)/.exec(line)?.[1] ?? 'GET'
    const path = /"\$API(\/[^"]*)"/.exec(line)![1]
    const headers = Object.fromEntries([...line.matchAll(/-H (?:"([^"]*)"|'([^']*)')/g)].map((m) => {
      const [name, ...value] = (m[1] ?? m[2]).split(':')
      return [name.trim().toLowerCase(), value.join(':').trim()]
    }))
    let body: string | undefined
    if (line.endsWith('-d @- <<EOF')) {
      const end = lines.indexOf('EOF', i)
      body = lines.slice(i + 1, end).join('\n')
      i = end
    }
    steps.push({ call: { method, path, headers, body } })
  }
  return steps
}

const expand = (text: string, vars: Map<string, string>): string =>
  text.replace(/\$(\w+)/g, (whole, name: string) => vars.get(name) ?? whole)

let t: TestApp
before(async () => {
  t = await startTestApp('sqlite')
  await seedDemo(t.services)
})
after(() => t.close())

test('the README places an order, pays it and creates a channel token exactly as shown', async () => {
  const steps = stepsOf(readFileSync(new URL('../README.md', import.meta.url), 'utf8'), 'First order, step by step')
  assert.ok(steps.filter((s) => 'call' in s).length >= 4, 'token, order, provider token, payment')
  const vars = new Map([['ADMIN', (await t.auth('admin')).authorization.slice('Bearer '.length)]])
  let last: Record<string, unknown> = {}
  const answers: Array<{ path: string; status: number; body: Record<string, unknown> }> = []
  for (const step of steps) {
    if ('bind' in step) {
      assert.equal(typeof last[step.field], 'string', `the answer before ${step.bind}= has a "${step.field}"`)
      vars.set(step.bind, last[step.field] as string)
      continue
    }
    const { method, path, headers, body } = step.call
    const res = await t.app.inject({
      method: method as 'POST',
      url: expand(path, vars),
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, expand(v, vars)])),
      payload: body === undefined ? undefined : expand(body, vars),
    })
    assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${method} ${path}: ${res.statusCode} ${res.body}`)
    last = res.json()
    answers.push({ path, status: res.statusCode, body: last })
  }
  const order = answers.find((a) => a.path === '/v1/orders')!.body
  const payment = answers.at(-1)!.body
  assert.equal(payment.amount, order.total, 'the README pays the whole total')
  const placed = await t.app.inject({ method: 'GET', url: `/v1/orders/${order.id}`, headers: await t.auth('admin') })
  assert.equal(placed.json().status, 'paid', placed.body)
})

test('the README shows every console screenshot the browser tests make, and only those that exist', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const shown = new Set([...readme.matchAll(/\(docs\/screenshots\/([\w-]+\.png)\)/g)].map((m) => m[1]))
  const made = new Set(readdirSync(new URL('../docs/screenshots/', import.meta.url)).filter((f) => f.endsWith('.png')))
  assert.deepEqual([...shown].filter((f) => !made.has(f)), [], 'shown in the README but never made')
  assert.deepEqual([...made].filter((f) => !shown.has(f)), [], 'made but not shown in the README')
})
