/**
 * Text the database cannot hold faithfully is refused before a request joins an engine batch:
 * PostgreSQL refuses NUL in text (so one such request would fail the write of a whole batch),
 * and a lone UTF-16 surrogate would be stored as U+FFFD, silently changing what was sent.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { fail } from './errors.ts'
import { sendProblem } from './support.ts'

/** Deeper than any schema allows; the walk stops there rather than recurse without bound. */
const maxDepth = 32

/** The path of the first string (a value or a key) that cannot be stored, or undefined when all can. */
export function unstorableTextAt(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return storable(value) ? undefined : path
  if (value === null || typeof value !== 'object' || depth > maxDepth) return undefined
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = unstorableTextAt(value[i], `${path}/${i}`, depth + 1)
      if (at) return at
    }
    return undefined
  }
  for (const key of Object.keys(value)) {
    if (!storable(key)) return `${path}/${encodeURIComponent(key)}`
    const at = unstorableTextAt((value as Record<string, unknown>)[key], `${path}/${key}`, depth + 1)
    if (at) return at
  }
  return undefined
}

const storable = (s: string): boolean => !s.includes('\0') && s.isWellFormed()

/** A preValidation hook (callback style: no promise per request): 400 `invalid_request` naming the field, before anything else looks at the request. */
export function refuseUnstorableText(req: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const at = unstorableTextAt(req.body, 'body') ?? unstorableTextAt(req.query, 'querystring') ?? unstorableTextAt(req.params, 'params')
  if (at === undefined) return done()
  sendProblem(reply, fail('invalid_request', `${at} contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored; remove it and send the request again.`, {
    errors: [{ path: at, message: 'must not contain NUL or unpaired surrogates' }],
  }))
}
