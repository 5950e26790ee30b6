/**
 * The server's logger: pino, with what must never be written redacted wherever a log call might
 * carry it: bearer tokens, request bodies (orders carry customers' personal data), and the
 * personal data's own fields (docs/privacy.md). Requests themselves are not logged (http/app.ts).
 */
import pino, { type DestinationStream, type Logger } from 'pino'

/** Paths pino replaces with `[redacted]`: at the top of a log object and one level down. */
export const redactedLogPaths: readonly string[] = [
  'req.headers.authorization', '*.token',
  'body', 'req.body', '*.body', 'payload', '*.payload',
  'shipTo', '*.shipTo', 'contact', '*.contact', 'address', '*.address', 'email', '*.email', 'phone', '*.phone',
]

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: [...redactedLogPaths], censor: '[redacted]' } }
  return destination === undefined ? pino(options) : pino(options, destination)
}
