/** Catalogue contract suite: the same cases against every store this machine has (SQLite, PostgreSQL). */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { freshDb, storeKinds, type TestDb } from '../src/store/testing.ts'
import { ManualClock } from '../src/kernel/clock.ts'
import type { Result } from '../src/kernel/result.ts'
import { Catalogue, exportCsv, importCsv, seedDemoCatalogue } from '../src/catalogue/index.ts'
import { csvBatches, type CsvProblem, type CsvRecord, type CsvSource } from '../src/catalogue/csv-format.ts'

function value<T>(result: Result<T>): T {
  assert.ok(result.ok, result.ok ? '' : `${result.code}: ${result.detail}`)
  return result.value
}

function refused(result: Result<unknown>, code: string): void {
  assert.equal(result.ok ? 'ok' : result.code, code)
}

async function exported(catalogue: Catalogue, kind: 'skus' | 'nodes' | 'channels'): Promise<string> {
  let text = ''
  await exportCsv(catalogue, kind, (chunk) => { text += chunk })
  return text
}

/** A whole CSV read through the streaming reader: every record and problem. */
async function parseCsv(source: CsvSource, batchSize?: number): Promise<{ records: CsvRecord[]; errors: CsvProblem[]; batches: number }> {
  const records: CsvRecord[] = []
  const errors: CsvProblem[] = []
  let batches = 0
  for await (const batch of csvBatches(source, (p) => errors.push(p), batchSize)) {
    records.push(...batch.records)
    batches++
  }
  return { records, errors, batches }
}

const countOf = async (t: TestDb, table: string) => Number((await t.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n)

for (const kind of await storeKinds()) {
  describe(`catalogue on ${kind}`, () => {
    let t: TestDb
    let catalogue: Catalogue
    let clock: ManualClock
    before(async () => {
      t = await freshDb(kind)
      clock = new ManualClock()
      catalogue = new Catalogue(t.db, clock)
    })
    after(async () => t.cleanup())

    test('a SKU is created, found by id and by code, and changed', async () => {
      const sku = value(await catalogue.createSku({ code: 'TSHIRT-RED-M', name: 'T-shirt red M', attributes: { colour: 'red' } }))
      assert.match(sku.id, /^sku_/)
      assert.deepEqual([sku.unit, sku.barcode, sku.active, sku.attributes], ['each', null, true, { colour: 'red' }])
      assert.equal((await catalogue.resolveSku(sku.id))?.code, 'TSHIRT-RED-M')
      assert.equal((await catalogue.resolveSku('TSHIRT-RED-M'))?.id, sku.id)
      clock.advance(1000)
      const changed = value(await catalogue.updateSku('TSHIRT-RED-M', { name: 'T-shirt, red, M', barcode: '6900000000017' }))
      assert.equal(changed.name, 'T-shirt, red, M')
      assert.equal(changed.createdAt, sku.createdAt)
      assert.notEqual(changed.updatedAt, sku.updatedAt)
      // The cache forgets on update: the next resolution sees the new name.
      assert.equal((await catalogue.resolveSku(sku.id))?.name, 'T-shirt, red, M')
      assert.equal(value(await catalogue.getSku(sku.id)).barcode, '6900000000017')
    })

    test('a SKU carries an optional weight and volume: set, cleared, refused when not a positive whole number, and round-tripped through CSV', async () => {
      const sku = value(await catalogue.createSku({ code: 'BOX-HEAVY', name: 'Heavy box', weightGrams: 2500 }))
      assert.deepEqual([sku.weightGrams, sku.volumeCm3], [2500, null])
      const changed = value(await catalogue.updateSku(sku.id, { volumeCm3: 12_000 }))
      assert.deepEqual([changed.weightGrams, changed.volumeCm3], [2500, 12_000])
      assert.deepEqual([(await catalogue.resolveSku('BOX-HEAVY'))?.weightGrams, (await catalogue.resolveSku('BOX-HEAVY'))?.volumeCm3], [2500, 12_000])
      refused(await catalogue.createSku({ code: 'BOX-ZERO', name: 'x', weightGrams: 0 }), 'invalid_weight')
      refused(await catalogue.createSku({ code: 'BOX-FRACTION', name: 'x', volumeCm3: 1.5 }), 'invalid_volume')
      refused(await catalogue.updateSku(sku.id, { weightGrams: -1 }), 'invalid_weight')
      assert.equal(value(await catalogue.getSku(sku.id)).weightGrams, 2500, 'a refused change changes nothing')
      assert.equal(value(await catalogue.updateSku(sku.id, { weightGrams: null })).weightGrams, null)
      const report = await importCsv(catalogue, 'skus', 'code,name,weightGrams,volumeCm3\nBOX-CSV,From a file,750,\nBOX-CSV-BAD,Bad weight,heavy,\n', { skipErrors: true })
      assert.equal(report.imported, 1)
      assert.match(report.errors[0]?.message ?? '', /weightGrams/)
      assert.deepEqual([(await catalogue.resolveSku('BOX-CSV'))?.weightGrams, (await catalogue.resolveSku('BOX-CSV'))?.volumeCm3], [750, null])
      assert.match(await exported(catalogue, 'skus'), /BOX-HEAVY,Heavy box,each,,\{\},true,,12000/)
    })

    test('renaming a code moves the cached resolution with it', async () => {
      const sku = value(await catalogue.createSku({ code: 'OLD-CODE', name: 'x' }))
      await catalogue.resolveSku('OLD-CODE')
      value(await catalogue.updateSku(sku.id, { code: 'NEW-CODE' }))
      assert.equal(await catalogue.resolveSku('OLD-CODE'), undefined)
      assert.equal((await catalogue.resolveSku('NEW-CODE'))?.id, sku.id)
    })

    test('codes are unique per kind and a duplicate writes nothing', async () => {
      value(await catalogue.createSku({ code: 'DUP-1', name: 'first' }))
      const before = await countOf(t, 'skus')
      refused(await catalogue.createSku({ code: 'DUP-1', name: 'second' }), 'duplicate_code')
      assert.equal(await countOf(t, 'skus'), before)
      value(await catalogue.createSku({ code: 'DUP-2', name: 'other' }))
      refused(await catalogue.updateSku('DUP-2', { code: 'DUP-1' }), 'duplicate_code')
      assert.equal((await catalogue.resolveSku('DUP-2'))?.name, 'other')
    })

    test('bad input is refused with a code, in a fixed order', async () => {
      const cases: Array<[Result<unknown>, string]> = [
        [await catalogue.createSku({ code: 'bad code', name: 'x' }), 'invalid_code'],
        [await catalogue.createSku({ code: 'X'.repeat(65), name: 'x' }), 'invalid_code'],
        [await catalogue.createSku({ code: 'OK', name: '  ' }), 'invalid_name'],
        [await catalogue.createNode({ code: 'N1', name: 'n', kind: 'depot' as 'store', region: 'east' }), 'invalid_kind'],
        [await catalogue.createNode({ code: 'N1', name: 'n', kind: 'store', region: 'east', latitude: 91, longitude: 0 }), 'invalid_latitude'],
        [await catalogue.createNode({ code: 'N1', name: 'n', kind: 'store', region: 'east', latitude: 0, longitude: -181 }), 'invalid_longitude'],
        [await catalogue.createNode({ code: 'N1', name: 'n', kind: 'store', region: 'east', handlingTimeHours: 721 }), 'invalid_handling_time'],
        [await catalogue.createNode({ code: 'N1', name: 'n', kind: 'store', region: 'east', handlingTimeHours: 1.5 }), 'invalid_handling_time'],
        [await catalogue.createChannel({ code: 'C1', name: 'c', kind: 'web', nodeIds: ['NOPE'] }), 'unknown_node'],
        [await catalogue.createChannel({ code: 'C1', name: 'c', kind: 'web', safetyBuffer: -1 }), 'invalid_safety_buffer'],
        [await catalogue.createChannel({ code: 'C1', name: 'c', kind: 'web', safetyBuffer: 2 ** 31 }), 'invalid_safety_buffer'],
        [await catalogue.getSku('MISSING'), 'sku_not_found'],
        [await catalogue.updateNode('MISSING', { name: 'x' }), 'node_not_found'],
        [await catalogue.getChannel('MISSING'), 'channel_not_found'],
      ]
      for (const [result, code] of cases) refused(result, code)
      assert.equal(await catalogue.resolveNode('N1'), undefined)
    })

    test('a channel names its nodes by id or code and stores ids', async () => {
      const a = value(await catalogue.createNode({ code: 'WH-A', name: 'A', kind: 'warehouse', region: 'east', latitude: 31.2, longitude: 121.5 }))
      const b = value(await catalogue.createNode({ code: 'WH-B', name: 'B', kind: 'warehouse', region: 'north' }))
      const web = value(await catalogue.createChannel({ code: 'web', name: 'Web', kind: 'web', nodeIds: ['WH-A', b.id, 'WH-A'], safetyBuffer: 3 }))
      assert.deepEqual(web.nodeIds, [a.id, b.id])
      assert.equal((await catalogue.resolveChannel('web'))?.safetyBuffer, 3)
      refused(await catalogue.updateChannel('web', { nodeIds: ['WH-Z'] }), 'unknown_node')
      assert.deepEqual(value(await catalogue.updateChannel(web.id, { nodeIds: ['WH-B'] })).nodeIds, [b.id])
      assert.ok((await catalogue.listNodes()).some((n) => n.id === a.id && n.latitude === 31.2))
    })

    test('pages walk every SKU once, in id order', async () => {
      for (let i = 0; i < 23; i++) value(await catalogue.createSku({ code: `PAGE-${i}`, name: `page ${i}` }))
      const total = await countOf(t, 'skus')
      const seen: string[] = []
      let cursor: string | undefined
      let pages = 0
      do {
        const page = await catalogue.listSkus({ cursor, limit: 7 })
        assert.ok(page.items.length <= 7)
        seen.push(...page.items.map((s) => s.id))
        cursor = page.nextCursor ?? undefined
        pages++
      } while (cursor)
      assert.equal(seen.length, total)
      assert.deepEqual(seen, [...seen].sort())
      assert.equal(new Set(seen).size, total)
      assert.equal(pages, Math.ceil(total / 7))
    })

    test('a CSV with a bad row imports nothing; with skipErrors the good rows, with line numbers', async () => {
      const csv = [
        'code,name,unit,barcode,attributes,active',
        'CSV-1,Good one,each,,"{""colour"":""red""}",true',
        'bad code,Bad code,each,,,true',
        'CSV-2,"Quoted, with comma",box,123,,false',
        'CSV-3,Bad active,each,,,maybe',
        'CSV-1,Repeated code,each,,,true',
        'CSV-4,"Name over',
        'two lines",each,,,',
        'CSV-5,Bad attributes,each,,{nope,',
      ].join('\r\n')
      const before = await countOf(t, 'skus')
      const strict = await importCsv(catalogue, 'skus', csv)
      assert.equal(strict.imported, 0)
      assert.deepEqual(strict.errors.map((e) => e.line), [3, 5, 6, 9])
      assert.match(strict.errors[0].message, /invalid_code/)
      assert.match(strict.errors[2].message, /line 2/)
      assert.equal(await countOf(t, 'skus'), before)

      const lenient = await importCsv(catalogue, 'skus', csv, { skipErrors: true })
      assert.equal(lenient.imported, 3)
      assert.equal(lenient.errors.length, 4)
      assert.equal(await countOf(t, 'skus'), before + 3)
      const quoted = await catalogue.resolveSku('CSV-2')
      assert.deepEqual([quoted?.name, quoted?.unit, quoted?.barcode, quoted?.active], ['Quoted, with comma', 'box', '123', false])
      // Line ends inside a quoted field are data: kept exactly as the file has them.
      assert.equal((await catalogue.resolveSku('CSV-4'))?.name, 'Name over\r\ntwo lines')
      assert.deepEqual((await catalogue.resolveSku('CSV-1'))?.attributes, { colour: 'red' })
    })

    test('a file of several batches: every bad row by its line, repeats across batches, all or nothing', async () => {
      const own = await freshDb(kind)
      after(() => own.cleanup())
      const fresh = new Catalogue(own.db, clock)
      const lines = ['code,name']
      const lineOf = new Map<number, number>()
      let line = 2
      for (let i = 1; i <= 2500; i++) {
        lineOf.set(i, line)
        // Names spanning two lines shift every later line number.
        const multiLine = i % 500 === 0
        lines.push(i === 1200 ? 'bad code!,Bad' : i === 2100 ? 'BIG-5,Repeated' : i === 2400 ? 'BIG-2400,Too,many' : `BIG-${i},${multiLine ? '"Two\nlines"' : `Item ${i}`}`)
        line += multiLine ? 2 : 1
      }
      const text = lines.join('\n') + '\n'
      const progress: number[] = []
      const strict = await importCsv(fresh, 'skus', text, { onProgress: (bytes) => progress.push(bytes) })
      assert.deepEqual(strict.errors.map((e) => e.line), [lineOf.get(1200), lineOf.get(2100), lineOf.get(2400)])
      assert.match(strict.errors[1].message, new RegExp(`code 'BIG-5' already appears on line ${lineOf.get(5)}`))
      assert.match(strict.errors[2].message, /Expected 2 fields, found 3/)
      assert.deepEqual([strict.imported, strict.updated, strict.unchanged], [0, 0, 0])
      assert.equal(await countOf(own, 'skus'), 0, 'the batches written before the first bad row are rolled back')
      assert.equal(progress.length, 3, 'progress after each batch of 1,000 rows')
      assert.deepEqual(progress, [...progress].sort((a, b) => a - b))
      assert.equal(progress.at(-1), Buffer.byteLength(text))

      const lenient = await importCsv(fresh, 'skus', text, { skipErrors: true })
      assert.deepEqual([lenient.imported, lenient.errors.length], [2497, 3])
      assert.equal(await countOf(own, 'skus'), 2497)
      assert.equal((await fresh.resolveSku('BIG-1000'))?.name, 'Two\nlines')
      assert.equal((await fresh.resolveSku('BIG-5'))?.name, 'Item 5', 'the first of a repeated code wins')
    })

    test('re-importing upserts by code: changed rows update, absent columns keep their values', async () => {
      const report = await importCsv(catalogue, 'skus', 'code,name\nCSV-1,Renamed one\nCSV-NEW,Brand new\n')
      assert.deepEqual([report.imported, report.updated, report.errors], [2, 1, []])
      const one = await catalogue.resolveSku('CSV-1')
      assert.deepEqual([one?.name, one?.attributes], ['Renamed one', { colour: 'red' }])
    })

    test('header problems are reported on line 1; a BOM is ignored', async () => {
      assert.deepEqual((await importCsv(catalogue, 'skus', 'code,colour\nX,red\n')).errors.map((e) => e.line), [1])
      assert.deepEqual((await importCsv(catalogue, 'skus', 'name\nX\n')).errors.map((e) => e.line), [1])
      const bom = await importCsv(catalogue, 'skus', '\uFEFFcode,name\nBOM-1,With BOM\n')
      assert.deepEqual([bom.imported, bom.errors], [1, []])
      assert.equal((await catalogue.resolveSku('BOM-1'))?.name, 'With BOM')
    })

    test('export imports back identically, for every kind', async () => {
      value(await catalogue.createSku({ code: 'TRICKY', name: ' "quotes", commas,\nnewlines ', barcode: '0042', attributes: { note: 'a,b "c"' } }))
      value(await catalogue.createNode({ code: 'DS-1', name: 'Drop, ship', kind: 'dropship', region: 'east', capabilities: ['ship', 'cold_chain'], supplierId: 'sup1', handlingTimeHours: 0, latitude: -33.8688, longitude: 151.2093 }))
      const target = await freshDb(kind)
      try {
        const copy = new Catalogue(target.db, new ManualClock())
        for (const what of ['nodes', 'channels', 'skus'] as const) {
          const text = await exported(catalogue, what)
          const report = await importCsv(copy, what, text)
          assert.deepEqual(report.errors, [], `${what}: ${JSON.stringify(report.errors)}`)
          // Ids differ between databases, so compare the files: channels name nodes by code.
          const lines = (s: string) => s.trimEnd().split('\n').length
          assert.equal(lines(await exported(copy, what)), lines(text))
          assert.deepEqual((await parseCsv(await exported(copy, what))).records.map((r) => r.fields).sort(), (await parseCsv(text)).records.map((r) => r.fields).sort())
          // A second import of the same file changes nothing.
          const again = await importCsv(copy, what, text)
          assert.deepEqual([again.imported, again.unchanged], [0, (await parseCsv(text)).records.length - 1])
        }
        const tricky = await copy.resolveSku('TRICKY')
        assert.deepEqual([tricky?.name, tricky?.barcode, tricky?.attributes], [' "quotes", commas,\nnewlines ', '0042', { note: 'a,b "c"' }])
      } finally {
        await target.cleanup()
      }
    })

    test('the demo catalogue seeds once and is idempotent', async () => {
      const own = await freshDb(kind)
      after(() => own.cleanup())
      const catalogue = new Catalogue(own.db, clock)
      const t = own
      const first = await seedDemoCatalogue(catalogue)
      assert.ok(first.skus.length >= 250 && first.skus.length <= 350, `${first.skus.length} SKUs`)
      assert.equal(new Set(first.skus.map((s) => s.code)).size, first.skus.length)
      assert.deepEqual(first.nodes.map((n) => n.kind).sort(), ['store', 'store', 'warehouse', 'warehouse', 'warehouse'])
      const web = first.channels.find((c) => c.code === 'web')!
      assert.deepEqual(web.nodeIds.sort(), first.nodes.filter((n) => n.kind === 'warehouse').map((n) => n.id).sort())
      const skuCount = await countOf(t, 'skus')
      const second = await seedDemoCatalogue(catalogue)
      assert.equal(await countOf(t, 'skus'), skuCount)
      assert.deepEqual(second.skus.map((s) => s.id), first.skus.map((s) => s.id))
    })
  })
}

test('the CSV parser handles quotes, embedded newlines, CRLF and blank lines', async () => {
  const parsed = await parseCsv('a,b\r\n"x ""y""",\r\n\r\n"multi\nline",z\n"unclosed,q\n')
  assert.deepEqual(parsed.records.map((r) => [r.line, r.fields]), [[1, ['a', 'b']], [2, ['x "y"', '']], [4, ['multi\nline', 'z']]])
  assert.deepEqual(parsed.errors, [{ line: 6, message: 'A quoted field is never closed (a " is missing).' }])
})

test('the streaming CSV parser numbers lines through CRLFs inside quotes, however the bytes arrive, in bounded batches', async () => {
  const text = '\uFEFFa,b\r\n"one\r\ntwo",é\r\n\r\nc,"x\r\n\r\ny"\r\nd,lone\rcr\r\n"open\r\n'
  // One byte at a time: quotes, CRLFs, a two-byte character and the BOM all split across chunks.
  const bytes = Buffer.from(text)
  const parsed = await parseCsv((async function* () { for (const byte of bytes) yield Uint8Array.of(byte) })(), 2)
  assert.deepEqual(parsed.records.map((r) => [r.line, r.fields]), [[1, ['a', 'b']], [2, ['one\r\ntwo', 'é']], [5, ['c', 'x\r\n\r\ny']], [8, ['d', 'lone\rcr']]])
  assert.deepEqual(parsed.errors.map((e) => e.line), [9])
  assert.equal(parsed.batches, 2, 'records come in batches of the size asked for')
  assert.deepEqual(await parseCsv(''), { records: [], errors: [], batches: 0 })
})
