/**
 * SIGTERM under load: the server stops taking connections, answers what still arrives on open
 * connections with 503 problem+json, lets every batch in flight commit and be answered, and exits 0.
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { storeKinds } from '../src/store/testing.ts'
import { closeServices } from '../src/services.ts'
import { envFor, hotSkuWorld, startServerProcess } from './helpers/server-process.ts'

type Answer = { status: number; id?: string; code?: string; contentType: string; retryAfter: string | null } | { error: string }

async function reserve(url: string, token: string, key: string): Promise<Answer> {
  try {
    const res = await fetch(`${url}/v1/reservations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ sku: 'HOT', node: 'WH', quantity: 1 }),
    })
    const body = (await res.json()) as { id?: string; code?: string }
    return { status: res.status, id: body.id, code: body.code, contentType: res.headers.get('content-type') ?? '', retryAfter: res.headers.get('retry-after') }
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return { error: cause?.code ?? cause?.message ?? String(error) }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

for (const kind of await storeKinds()) {
  describe(`graceful shutdown under load (${kind})`, () => {
    test('SIGTERM: every answer is 2xx or 503 problem+json, every acknowledged reservation is stored, exit 0', async () => {
      const world = await hotSkuWorld(kind, 1_000_000)
      const server = await startServerProcess(envFor(world.testDb))
      const answers: Answer[] = []
      let signalled = false
      const clients = Array.from({ length: 32 }, async (_, c) => {
        // Each client goes on until the server no longer takes its connection.
        for (let i = 0; ; i++) {
          const answer = await reserve(server.url, world.token, `c${c}-${i}`)
          answers.push(answer)
          if ('error' in answer && signalled) return
        }
      })
      while (answers.filter((a) => 'status' in a && a.status === 201).length < 1000) await new Promise((resolve) => setTimeout(resolve, 10))
      signalled = true
      const signalledAtMs = Date.now()
      server.child.kill('SIGTERM')
      assert.equal(await server.exited, 0, 'a graceful exit')
      const exitMs = Date.now() - signalledAtMs
      await Promise.all(clients)

      const answered = answers.filter((a): a is Exclude<Answer, { error: string }> => 'status' in a)
      const acknowledged = answered.filter((a) => a.status === 201).map((a) => a.id!)
      const refused = answered.filter((a) => a.status === 503)
      const other = answered.filter((a) => a.status !== 201 && a.status !== 503)
      assert.deepEqual(other.map((a) => [a.status, a.code]), [], 'no other answer than 201 and 503')
      for (const r of refused) {
        assert.equal(r.code, 'shutting_down')
        assert.match(r.contentType, /^application\/problem\+json/)
        assert.equal(r.retryAfter, '1')
      }
      // Errors come only once the server stopped listening (refused) or closed an idle connection.
      const errors = answers.filter((a): a is { error: string } => 'error' in a).map((a) => a.error)
      assert.ok(errors.every((e) => /ECONNREFUSED|ECONNRESET|other side closed|UND_ERR_SOCKET/.test(e)), errors.join(', '))

      try {
        const rows = await world.services.db.all<{ id: string; status: string }>('SELECT id, status FROM reservations')
        const stored = new Map(rows.map((r) => [r.id, r.status]))
        const lost = acknowledged.filter((id) => stored.get(id) !== 'held')
        assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged reservations are not stored`)
        assert.equal(rows.length, acknowledged.length, 'nothing committed without its answer reaching the client')
        const check = await world.services.inventory.verify()
        assert.deepEqual([check.bucketMismatches, check.reservedMismatches], [[], []])
        console.log(`# ${kind}: ${acknowledged.length} acknowledged, ${refused.length} answered 503 shutting_down, ${errors.length} connections refused or closed (${[...new Set(errors)].join(', ')}); exited ${exitMs} ms after SIGTERM`)
      } finally {
        await closeServices(world.services)
        await world.testDb.cleanup()
      }
    })

    test('a request still arriving on an open connection while shutting down gets 503 shutting_down, then the process exits 0', async () => {
      const world = await hotSkuWorld(kind, 10)
      const server = await startServerProcess(envFor(world.testDb))
      try {
        const { port, hostname } = new URL(server.url)
        const socket = connect(Number(port), hostname)
        let received = ''
        socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk))
        const closed = new Promise((resolve) => socket.once('close', resolve))
        await new Promise((resolve) => socket.once('connect', resolve))
        // The request has begun (so its connection is not idle) when the signal comes; the rest arrives after.
        const body = JSON.stringify({ sku: 'HOT', node: 'WH', quantity: 1 })
        socket.write('POST /v1/reservations HTTP/1.1\r\nHost: sellahead\r\n')
        await sleep(100)
        server.child.kill('SIGTERM')
        await sleep(300)
        socket.write(`Authorization: Bearer ${world.token}\r\nContent-Type: application/json\r\nIdempotency-Key: late-1\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
        await closed
        assert.match(received, /^HTTP\/1\.1 503 /)
        assert.match(received, /content-type: application\/problem\+json/i)
        assert.match(received, /retry-after: 1/i)
        assert.match(received, /connection: close/i)
        assert.match(received, /"code":"shutting_down"/)
        assert.equal(await server.exited, 0)
        const held = await world.services.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM reservations')
        assert.equal(Number(held!.n), 0, 'the refused request changed nothing')
      } finally {
        server.child.kill('SIGKILL')
        await closeServices(world.services)
        await world.testDb.cleanup()
      }
    })
  })
}
