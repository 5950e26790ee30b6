import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { allow, Id, problems, sendResult, named } from '../http/support.ts'
import { createCheckedToken, scopeNameOf, type ScopeLookups } from './scope.ts'
import type { Tokens } from './tokens.ts'

const TokenInfo = named('Token', Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  prefix: Type.String({ description: 'First characters of the secret, to recognise it' }),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
}))

const CreateToken = named('CreateTokenRequest', Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: Type.String({
      minLength: 1, maxLength: 100,
      description: 'admin, ops, channel:<id or code>, store:<nodeId or code>, supplier:<id or code> or payments:<provider>; the channel, store or supplier must exist (422 unknown_channel, unknown_node, not_a_store, unknown_supplier)',
    }),
  },
  { additionalProperties: false },
))

const Session = named('Session', Type.Object({
  tokenId: Type.String(),
  role: Type.String({ description: 'As the token was created: admin, ops, channel:<id>, store:<nodeId>, supplier:<id>, payments:<provider>' }),
  kind: Type.Union(['admin', 'ops', 'channel', 'store', 'warehouse', 'supplier', 'payments'].map((k) => Type.Literal(k))),
  scopeId: Type.Union([Type.String(), Type.Null()], { description: 'The channel, store node, supplier or provider a scoped token belongs to; null for admin and ops' }),
  scopeName: Type.Union([Type.String(), Type.Null()], { description: 'That channel’s, store’s or supplier’s name, to greet the person signed in; null when there is none' }),
}))

/** Token management is for admins only; a scoped role is checked against the catalogue and suppliers. */
export function tokenRoutes({ tokens, scopes }: { tokens: Tokens; scopes: ScopeLookups }): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['tokens']
    app.post('/v1/tokens', {
      preHandler: allow('admin'),
      schema: {
        tags,
        summary: 'Create a token; the secret is returned once and stored only as a hash',
        body: CreateToken,
        response: { 201: Type.Object({ token: Type.String(), info: TokenInfo }), ...problems },
      },
    }, async (req, reply) => sendResult(reply, await createCheckedToken(tokens, scopes, req.body), 201))

    app.get('/v1/tokens', {
      preHandler: allow('admin'),
      schema: { tags, summary: 'List tokens (never their secrets)', response: { 200: Type.Object({ items: Type.Array(TokenInfo) }) } },
    }, async () => ({ items: await tokens.list() }))

    app.get('/v1/session', {
      schema: {
        tags,
        summary: 'Who the bearer token is: its role and, for a scoped token, the channel, store or supplier it belongs to (the console signs in with it)',
        response: { 200: Session },
      },
    }, async (req) => {
      const p = req.principal!
      return { tokenId: p.tokenId, role: p.role, kind: p.kind, scopeId: 'scopeId' in p ? p.scopeId : null, scopeName: await scopeNameOf(p, scopes) }
    })

    app.delete('/v1/tokens/:id', {
      preHandler: allow('admin'),
      schema: { tags, summary: 'Revoke a token', params: Type.Object({ id: Id }), response: { 200: TokenInfo, ...problems } },
    }, async (req, reply) => sendResult(reply, await tokens.revoke(req.params.id)))
  }
}
