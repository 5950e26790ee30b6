/**
 * The feed benchmark's webhook receiver, in its own thread as a receiver would be in its own
 * process: it verifies every delivery with the standardwebhooks library and posts what it got to
 * the benchmark. `workerData.secret` is filled in by a message once the endpoint exists.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parentPort } from 'node:worker_threads'
import { Webhook } from 'standardwebhooks'

let secret = ''
parentPort!.on('message', (m: { secret: string }) => {
  secret = m.secret
})

const server = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    try {
      const payload = new Webhook(secret).verify(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>) as {
        data: { eventId: number; channelId: string; values: Array<{ skuId: string; scope: string; quantity: number }> }
      }
      const { eventId, channelId, values } = payload.data
      parentPort!.postMessage({ kind: 'delivery', atMs: Date.now(), webhookId: String(req.headers['webhook-id']), eventId, channelId, values: values.map((v) => [v.skuId, v.scope, v.quantity]) })
      res.writeHead(204).end()
    } catch {
      parentPort!.postMessage({ kind: 'refused' })
      res.writeHead(400).end()
    }
  })
})
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ kind: 'listening', port: (server.address() as AddressInfo).port }))
