import type { FastifyInstance } from 'fastify'
import { Type, type Static } from '@sinclair/typebox'
import type { Services } from '../services.ts'
import { allow, Id, problems, sendResult } from '../http/support.ts'

const TokenInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  prefix: Type.String({ description: 'First characters of the secret, to recognise it' }),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})

const CreateToken = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: Type.String({ minLength: 1, maxLength: 100, description: 'admin, ops, channel:<id>, store:<nodeId> or supplier:<id>' }),
  },
  { additionalProperties: false },
)

/** Token management is for admins only. */
export function registerTokenRoutes(app: FastifyInstance, { tokens }: Services): void {
  const tags = ['tokens']
  app.post('/v1/tokens', {
    preHandler: allow('admin'),
    schema: {
      tags,
      summary: 'Create a token; the secret is returned once and stored only as a hash',
      body: CreateToken,
      response: { 201: Type.Object({ token: Type.String(), info: TokenInfo }), ...problems },
    },
  }, async (req, reply) => sendResult(reply, await tokens.create(req.body as Static<typeof CreateToken>), 201))

  app.get('/v1/tokens', {
    preHandler: allow('admin'),
    schema: { tags, summary: 'List tokens (never their secrets)', response: { 200: Type.Object({ items: Type.Array(TokenInfo) }) } },
  }, async () => ({ items: await tokens.list() }))

  app.delete('/v1/tokens/:id', {
    preHandler: allow('admin'),
    schema: { tags, summary: 'Revoke a token', params: Type.Object({ id: Id }), response: { 200: TokenInfo, ...problems } },
  }, async (req, reply) => sendResult(reply, await tokens.revoke((req.params as { id: string }).id)))
}
