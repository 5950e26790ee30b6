/** The `sellahead` command: serve, demo, migrate, tokens, CSV import/export, ledger verification. */
import { createReadStream, createWriteStream, fstatSync, openSync, rmSync, type ReadStream } from 'node:fs'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import pino from 'pino'
import cluster from 'node:cluster'
import { defaultSqlite, demoSqlitePath, loadConfig } from '../config.ts'
import { serve } from '../workers.ts'
import { openConfiguredDb, openServices, startServer } from '../server.ts'
import type { Services } from '../services.ts'
import { seedDemo } from '../demo.ts'
import { exportCsv, importCsv } from '../catalogue/index.ts'
import { importPurchaseOrders, poCsvColumns } from '../purchasing/index.ts'
import { invoiceCsvColumns } from '../payables/index.ts'
import { progressBar } from './progress.ts'
import { createCheckedToken } from '../auth/index.ts'
import { announce, init, withExistingServices } from './database.ts'
import { backup, restore } from './backup.ts'
import { UsageError } from './usage.ts'
import { piiCommand } from './pii.ts'
import { forecastCommand, importReplenishmentCommand, replenishCommand, replenishmentUsage } from './replenishment.ts'

const usage = `Usage: sellahead <command> [options]

Commands:
  init                           Create (or migrate) the database; on a new one, print a first admin token once
  serve [--workers N]            Serve the API (migrates first) with N server processes sharing the port (default: one
                                 per core, or SELLAHEAD_WORKERS); SIGTERM/SIGINT finish requests in flight, then exit
  demo                           Fresh embedded database (data/demo.db) with a demo catalogue and stock; prints an admin token
  migrate                        Apply pending database migrations
  token create --role R --name N Create a token (roles: admin, ops, channel:<id>, store:<nodeId>, supplier:<id>,
                                 payments:<provider>); the channel, store or supplier must exist
  token list                     List tokens (never their secrets)
  token revoke <id>              Revoke a token
  import <skus|nodes|channels> <file.csv> [--skip-errors]
                                 Import a CSV; a file with bad rows imports nothing unless --skip-errors
  import purchase-orders <file.csv> [--skip-errors] [--send]
                                 Import draft POs (one row per line, grouped by supplier + reference;
                                 columns: ${poCsvColumns.join(', ')}); --send sends them
${replenishmentUsage}
  import invoices <file.csv> [--skip-errors]
                                 Import supplier invoices, matched three ways as they arrive (rows grouped by supplier +
                                 number; columns: ${invoiceCsvColumns.join(', ')}); a number the supplier has is skipped
  export <skus|nodes|channels> [file.csv]
                                 Export a CSV (to standard output without a file)
  verify                         Check the ledger: buckets equal the fold of movements, reserved equals held reservations
  backup <file>                  Copy the SQLite database to a new file, online (while a server serves)
  restore <file>                 Replace the SQLite database with a backup (refused while a server has it open)
  pii status                     Which keys customers' personal data is sealed under, and how many contacts and
                                 pickup collectors each
  pii rotate [--batch N]         Re-seal every customer contact and pickup collector under SELLAHEAD_PII_KEY (N per
                                 transaction, default 500; resumable), after which SELLAHEAD_PII_PREVIOUS_KEYS can be emptied

Every command names the database it opens on standard error. Commands other than init, migrate, serve and
demo refuse a database that does not exist yet.

Environment: DATABASE_URL (PostgreSQL), SELLAHEAD_DB (SQLite file; default data/sellahead.db, or data/demo.db
when only the demo's exists), HOST (default 127.0.0.1), PORT (default 3000), LOG_LEVEL (default info),
SELLAHEAD_MAX_BATCH (default 4096), SELLAHEAD_WORKERS (default: one per core), SELLAHEAD_RATE_LIMIT_PER_TOKEN
and SELLAHEAD_RATE_LIMIT_PER_ADDRESS (requests a second; default 0, off), SELLAHEAD_PII_KEY (32 bytes, base64: the
key customers' personal data is sealed under; default: derived from the root secret) and SELLAHEAD_PII_PREVIOUS_KEYS
(comma-separated: still read during a rotation).`

const withServices = <T>(work: (services: Services) => Promise<T>): Promise<T> => withExistingServices(loadConfig(), work)

const kindOf = (value: string | undefined): 'skus' | 'nodes' | 'channels' => {
  if (value === 'skus' || value === 'nodes' || value === 'channels') return value
  throw new UsageError(`Say what to import or export: skus, nodes, channels (or purchase-orders, invoices, demand-history, calendar: import only) (got '${value ?? ''}').`)
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      'skip-errors': { type: 'boolean' },
      send: { type: 'boolean' },
      workers: { type: 'string' },
      batch: { type: 'string' },
      'as-of': { type: 'string' },
      horizon: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command, ...rest] = positionals
  if (values.help || !command || command === 'help') {
    console.log(usage)
    return 0
  }
  switch (command) {
    case 'init':
      return init(loadConfig())
    case 'backup':
      return backup(loadConfig(), rest[0])
    case 'restore':
      return restore(loadConfig(), rest[0])
    case 'serve': {
      const config = loadConfig(values.workers === undefined ? process.env : { ...process.env, SELLAHEAD_WORKERS: values.workers })
      if (!cluster.isWorker) announce(config)
      const serving = await serve(config, config.workers)
      // Workers run this same command; only the primary (or a single process) says where it listens.
      if (!cluster.isWorker) console.log(`Sellahead API: ${serving.url}  console: ${serving.url}/console/  docs: ${serving.url}/docs  database: ${serving.database}  workers: ${serving.workers}`)
      return -1
    }
    case 'demo':
      return demo()
    case 'migrate': {
      announce(loadConfig())
      const db = await openConfiguredDb(loadConfig())
      console.log(`Migrations applied; ${db.description} is up to date.`)
      await db.close()
      return 0
    }
    case 'token':
      return token(rest, values)
    case 'import':
      if (rest[0] === 'purchase-orders') return importPoCommand(rest[1], values['skip-errors'] ?? false, values.send ?? false)
      if (rest[0] === 'invoices') return importInvoicesCommand(rest[1], values['skip-errors'] ?? false)
      if (rest[0] === 'demand-history' || rest[0] === 'calendar') {
        const kind: 'demand-history' | 'calendar' = rest[0]
        const file = rest[1]
        const csv = openCsv(kind, file)
        return withServices((services) => importReplenishmentCommand(services, kind, csv, file!, values['skip-errors'] ?? false))
      }
      return importCommand(kindOf(rest[0]), rest[1], values['skip-errors'] ?? false)
    case 'export':
      return exportCommand(kindOf(rest[0]), rest[1])
    case 'verify':
      return verify()
    case 'forecast':
      return withServices((services) => forecastCommand(services, { asOf: values['as-of'], horizon: values.horizon, out: values.out }))
    case 'replenish':
      return withServices((services) => replenishCommand(services, { asOf: values['as-of'] }))
    case 'pii': {
      const config = loadConfig()
      return withExistingServices(config, (services) => piiCommand(config, rest[0], values.batch, services))
    }
    default:
      throw new UsageError(`Unknown command '${command}'.`)
  }
}

async function demo(): Promise<number> {
  const config = { ...loadConfig(), databaseUrl: undefined, sqlitePath: process.env.SELLAHEAD_DB || demoSqlitePath }
  announce(config)
  for (const suffix of ['', '-wal', '-shm']) rmSync(config.sqlitePath + suffix, { force: true })
  const services = await openServices({ ...config, logLevel: process.env.LOG_LEVEL ?? 'warn' })
  const seeded = await seedDemo(services)
  // One token per kind of person, so each screen of the console can be tried as that person sees it.
  const roles = [['admin', 'admin'], ['operator', 'ops'], ['supplier Acme Apparel', 'supplier:ACME-APPAREL'], ["Jing'an store", 'store:ST-SH-JINGAN'], ['web shop channel', 'channel:web']]
  const secrets = new Map<string, string>()
  for (const [name, role] of roles) {
    const made = await createCheckedToken(services.tokens, services, { name: `demo ${name}`, role })
    if (!made.ok) throw new Error(made.detail)
    secrets.set(role, made.value.token)
  }
  const server = await startServer(config, services)
  console.log(`Sellahead demo: ${seeded.skus} SKUs, ${seeded.nodes} nodes, ${seeded.channels} channels, ${seeded.positions} stocked positions, ${seeded.suppliers} suppliers, ${seeded.purchaseOrders} purchase orders, ${seeded.suggestions} suggested purchase order lines, ${seeded.orders} orders in ${config.sqlitePath}

  Console:      ${server.url}/console/   (sign in with a token below)
  API:          ${server.url}
  Docs:         ${server.url}/docs

Tokens (role, secret):
${[...secrets].map(([role, secret]) => `  ${role.padEnd(24)} ${secret}`).join('\n')}

Try:  curl -H "Authorization: Bearer ${secrets.get('admin')}" ${server.url}/v1/skus?limit=3
${laterCommandsHint(config.sqlitePath)}
Stop with Ctrl+C.`)
  return -1
}

/** How the other commands find the demo's database once the demo has stopped. */
function laterCommandsHint(demoPath: string): string {
  return process.env.SELLAHEAD_DB || defaultSqlite() !== demoPath
    ? `Other commands use this database with SELLAHEAD_DB=${demoPath}, e.g.  SELLAHEAD_DB=${demoPath} npm run sellahead -- verify`
    : 'Other commands (npm run sellahead -- verify, token create, …) use this database by default.'
}

async function token(rest: string[], values: { role?: string; name?: string }): Promise<number> {
  const [action, id] = rest
  return withServices(async ({ tokens, catalogue, suppliers }) => {
    if (action === 'create') {
      if (!values.role) throw new UsageError('token create needs --role (admin, ops, channel:<id>, store:<nodeId>, supplier:<id>, payments:<provider>).')
      const created = await createCheckedToken(tokens, { catalogue, suppliers }, { role: values.role, name: values.name ?? values.role })
      if (!created.ok) throw new UsageError(created.detail)
      console.error(`Created ${created.value.info.id} (${created.value.info.role}). The token is shown once; store it now:`)
      console.log(created.value.token)
      return 0
    }
    if (action === 'list') {
      for (const t of await tokens.list()) console.log(`${t.id}  ${t.role.padEnd(24)} ${t.prefix}…  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}  ${t.name}`)
      return 0
    }
    if (action === 'revoke' && id) {
      const revoked = await tokens.revoke(id)
      if (!revoked.ok) throw new UsageError(revoked.detail)
      console.log(`Revoked ${id}.`)
      return 0
    }
    throw new UsageError('Use: token create --role R [--name N] | token list | token revoke <id>')
  })
}

/** The file to import as a stream (imports never hold a whole file), and its size for the progress bar. */
function openCsv(kind: string, file: string | undefined): { stream: ReadStream; bytes: number } {
  if (!file) throw new UsageError(`Name the CSV file: sellahead import ${kind} <file.csv>`)
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (error) {
    throw new UsageError(`Cannot read '${file}': ${(error as Error).message}`)
  }
  const stat = fstatSync(fd)
  if (!stat.isFile()) throw new UsageError(`Cannot read '${file}': not a file.`)
  return { stream: createReadStream(file, { fd }), bytes: stat.size }
}

async function importPoCommand(file: string | undefined, skipErrors: boolean, send: boolean): Promise<number> {
  const csv = openCsv('purchase-orders', file)
  return withServices(async ({ purchasing }) => {
    let bar: ReturnType<typeof progressBar> | undefined
    const report = await importPurchaseOrders(purchasing, csv.stream, { actor: 'cli/import', party: 'buyer' }, {
      skipErrors, send, onProgress: (done, total) => (bar ??= progressBar('import purchase orders', total)).tick(done),
    })
    bar?.finish()
    for (const e of report.errors) console.error(`${file}:${e.line}: ${e.message}`)
    if (report.errors.length > 0 && !skipErrors) {
      console.error(`Nothing imported: ${report.errors.length} error(s). Fix them, or pass --skip-errors to import the good orders.`)
      return 1
    }
    const notes = [report.alreadyImported && `${report.alreadyImported} already imported`, report.skipped && `skipped ${report.skipped} bad order(s)`].filter(Boolean)
    console.log(`Imported ${report.created} purchase order(s)${send ? ', sent' : ' as drafts'}${notes.length ? `; ${notes.join('; ')}` : ''}.`)
    return 0
  })
}

async function importInvoicesCommand(file: string | undefined, skipErrors: boolean): Promise<number> {
  const csv = openCsv('invoices', file)
  return withServices(async ({ payables }) => {
    let bar: ReturnType<typeof progressBar> | undefined
    const report = await payables.importInvoices(csv.stream, 'cli/import', {
      skipErrors, onProgress: (done, total) => (bar ??= progressBar('import invoices', total)).tick(done),
    })
    bar?.finish()
    for (const e of report.errors) console.error(`${file}:${e.line}: ${e.message}`)
    if (report.errors.length > 0 && !skipErrors) {
      console.error(`Nothing imported: ${report.errors.length} error(s). Fix them, or pass --skip-errors to import the good invoices.`)
      return 1
    }
    const notes = [report.onHold && `${report.onHold} on hold in the exceptions queue`, report.alreadyImported && `${report.alreadyImported} already imported`, report.skipped && `skipped ${report.skipped} bad invoice(s)`].filter(Boolean)
    console.log(`Imported ${report.imported} invoice(s)${notes.length ? `; ${notes.join('; ')}` : ''}.`)
    return 0
  })
}

async function importCommand(kind: 'skus' | 'nodes' | 'channels', file: string | undefined, skipErrors: boolean): Promise<number> {
  const csv = openCsv(kind, file)
  return withServices(async ({ catalogue }) => {
    let bar: ReturnType<typeof progressBar> | undefined
    const report = await importCsv(catalogue, kind, csv.stream, {
      skipErrors,
      onProgress: (bytesRead) => (bar ??= progressBar(`import ${kind}`, csv.bytes, process.stderr, 'bytes')).tick(bytesRead),
    })
    bar?.finish()
    for (const e of report.errors) console.error(`${file}:${e.line}: ${e.message}`)
    if (report.errors.length > 0 && !skipErrors) {
      console.error(`Nothing imported: ${report.errors.length} bad row(s). Fix them, or pass --skip-errors to import the good rows.`)
      return 1
    }
    console.log(`Imported ${report.imported} ${kind}${report.errors.length ? `; skipped ${report.errors.length} bad row(s)` : ''}.`)
    return 0
  })
}

async function exportCommand(kind: 'skus' | 'nodes' | 'channels', file: string | undefined): Promise<number> {
  return withServices(async ({ catalogue }) => {
    const out = file ? createWriteStream(file) : process.stdout
    let bar: ReturnType<typeof progressBar> | undefined
    // Waiting for a full output to drain keeps a large export from piling up in memory.
    const write = async (chunk: string) => void (out.write(chunk) || (await once(out, 'drain')))
    await exportCsv(catalogue, kind, write, (done, total) => (bar ??= progressBar(`export ${kind}`, total)).tick(done))
    bar?.finish()
    if (file) await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((err?: Error | null) => (err ? reject(err) : resolve())))
    return 0
  })
}

async function verify(): Promise<number> {
  return withServices(async ({ inventory }) => {
    const check = await inventory.verify()
    for (const m of check.bucketMismatches) console.error(`MISMATCH ${m.skuId}@${m.nodeId} ${m.bucket}: position ${m.position}, movements ${m.movements}`)
    for (const m of check.reservedMismatches) console.error(`MISMATCH ${m.skuId}@${m.nodeId} reserved ${m.reserved}, held reservations ${m.held}`)
    const bad = check.bucketMismatches.length + check.reservedMismatches.length
    console.log(bad === 0 ? `Ledger consistent: ${check.positions} positions.` : `${bad} mismatch(es) in ${check.positions} positions.`)
    return bad === 0 ? 0 : 1
  })
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code
  },
  (error) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\nRun 'sellahead help' for usage.`)
      process.exitCode = 2
    } else {
      pino().error({ err: error }, 'sellahead failed')
      process.exitCode = 1
    }
  },
)
