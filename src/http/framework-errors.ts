/**
 * Errors Fastify answers before any route or error handler runs: a path the router cannot
 * decode or whose parameter is too long, and requests Node's HTTP parser rejects. Left alone they
 * answer Fastify's own JSON; here they answer problem+json with a stable code like everything else.
 */
import type { Socket } from 'node:net'
import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { type Failure } from '../kernel/result.ts'
import { fail } from './errors.ts'
import { problemOf, problemStatusOf, sendProblem, type Problem } from './support.ts'

/** find-my-way's default: a path parameter longer than this is refused before routing. */
export const maxParamLength = 100

/** The failure for an error raised by the router (Fastify's `frameworkErrors`). */
export function frameworkFailure(error: FastifyError): Problem {
  switch (error.code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return fail('path_too_long', `A segment of the path is longer than ${maxParamLength} characters; no id or code is that long.`)
    case 'FST_ERR_BAD_URL':
      return fail('invalid_url', 'The path is not valid percent-encoded UTF-8.')
  }
  const status = error.statusCode ?? 500
  return status >= 400 && status < 500
    ? { ...fail('bad_request', error.message), status }
    : fail('internal_error', 'Something went wrong on our side; the request may be retried with the same Idempotency-Key.')
}

export function onFrameworkError(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const failure = frameworkFailure(error)
  if (problemStatusOf(failure) >= 500) req.log.error({ err: error }, 'framework error')
  sendProblem(reply, failure)
}

/** The failure for a request Node's HTTP parser refused (the connection is closed after it). */
export function clientFailure(error: Error & { code?: string }): Failure {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return fail('request_timeout', 'The request was not received in time.')
    case 'HPE_HEADER_OVERFLOW':
      return fail('headers_too_large', 'The request headers are larger than the server accepts.')
  }
  return fail('malformed_request', 'The request is not valid HTTP/1.1.')
}

/** Fastify's `clientErrorHandler`, answering problem+json on the raw socket. */
export function onClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset or destroyed socket has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  if (socket.writable) {
    const failure = clientFailure(error)
    const status = problemStatusOf(failure)
    const body = JSON.stringify(problemOf(failure))
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
  }
  socket.destroy(error)
}
