/** A demo catalogue: apparel and electronics SKUs, warehouses in three regions, two stores, two channels. */
import { invariant, unwrap } from '../kernel/result.ts'
import { decideChannel, decideNode, decideSku } from './decide.ts'
import type { Channel, NodeInput, SkuInput, Sku, StockNode } from './model.ts'
import type { Catalogue, Store } from './service.ts'

const colours = ['BLK', 'WHT', 'RED', 'NAVY']
const sizes = ['XS', 'S', 'M', 'L', 'XL']
const apparel: Array<[code: string, name: string]> = [
  ['TSHIRT', 'Cotton crew T-shirt'], ['HOODIE', 'Fleece hoodie'], ['JEANS', 'Slim jeans'], ['CHINO', 'Stretch chinos'],
  ['POLO', 'Piqué polo shirt'], ['JACKET', 'Down jacket'], ['SWEATER', 'Merino sweater'], ['SHORTS', 'Running shorts'],
  ['DRESS', 'Linen summer dress'], ['SKIRT', 'Pleated midi skirt'],
]
const electronics: Array<[code: string, name: string, variants: string[]]> = [
  ['PHONE-X1', 'X1 smartphone', ['128G-BLK', '128G-WHT', '256G-BLK', '256G-WHT', '512G-BLK']],
  ['PHONE-X1-PRO', 'X1 Pro smartphone', ['256G-BLK', '256G-BLU', '512G-BLK', '512G-BLU', '1T-BLK']],
  ['TABLET-T10', 'T10 tablet', ['64G-GRY', '128G-GRY', '256G-GRY', '128G-SLV', '256G-SLV']],
  ['LAPTOP-A14', 'A14 laptop', ['I5-16G', 'I7-16G', 'I7-32G', 'R7-16G', 'R7-32G']],
  ['EARBUDS-E2', 'E2 wireless earbuds', ['BLK', 'WHT', 'BLU', 'PNK', 'GRN']],
  ['HEADPHONE-H7', 'H7 noise-cancelling headphones', ['BLK', 'SLV', 'BLU', 'BEI', 'GRN']],
  ['WATCH-W3', 'W3 smartwatch', ['41MM-BLK', '41MM-SLV', '45MM-BLK', '45MM-SLV', '45MM-GLD']],
  ['SPEAKER-S5', 'S5 Bluetooth speaker', ['BLK', 'RED', 'BLU', 'GRN', 'GRY']],
  ['CHARGER-65W', '65W GaN charger', ['EU', 'UK', 'US', 'CN', 'AU']],
  ['CABLE-USBC', 'USB-C cable', ['1M-BLK', '1M-WHT', '2M-BLK', '2M-WHT', '3M-BLK']],
  ['POWERBANK-20K', '20,000 mAh power bank', ['BLK', 'WHT', 'BLU', 'PNK', 'GRN']],
  ['KEYBOARD-K2', 'K2 mechanical keyboard', ['RED-SW', 'BRN-SW', 'BLU-SW', 'RED-SW-WHT', 'BRN-SW-WHT']],
  ['MOUSE-M3', 'M3 wireless mouse', ['BLK', 'WHT', 'GRY', 'PNK', 'BLU']],
  ['MONITOR-27Q', '27" QHD monitor', ['STD', 'HAS', 'USB-C', 'HAS-USB-C', 'WHT']],
  ['CAMERA-C4', 'C4 action camera', ['STD', 'BUNDLE', 'DIVE', 'MOTO', 'VLOG']],
  ['ROUTER-R6', 'R6 Wi-Fi 6 router', ['SINGLE', 'DUAL', 'TRIPLE', 'PRO', 'MESH']],
  ['SSD-P4', 'P4 portable SSD', ['500G', '1T', '2T', '4T', '1T-RUG']],
  ['CASE-X1', 'X1 phone case', ['CLR', 'BLK', 'RED', 'BLU', 'LTH']],
  ['GLASS-X1', 'X1 screen protector', ['1PK', '2PK', '3PK', 'PRIV-1PK', 'PRIV-2PK']],
  ['LAMP-L1', 'L1 smart desk lamp', ['WHT', 'BLK', 'GRY', 'GRN', 'BLU']],
]

function demoSkus(): SkuInput[] {
  const skus: SkuInput[] = []
  for (const [code, name] of apparel) {
    for (const colour of colours) {
      for (const size of sizes) {
        skus.push({ code: `${code}-${colour}-${size}`, name: `${name}, ${colour.toLowerCase()}, ${size}`, attributes: { category: 'apparel', colour, size } })
      }
    }
  }
  for (const [code, name, variants] of electronics) {
    for (const variant of variants) skus.push({ code: `${code}-${variant}`, name: `${name} ${variant}`, attributes: { category: 'electronics', variant } })
  }
  return skus.map((s, i) => ({ ...s, barcode: `69${String(1000000000 + i * 7919).padStart(11, '0')}` }))
}

const demoNodes: NodeInput[] = [
  { code: 'WH-SH', name: 'Shanghai Qingpu DC', kind: 'warehouse', region: 'east', latitude: 31.1497, longitude: 121.1243, capabilities: ['ship'], handlingTimeHours: 24 },
  { code: 'WH-GZ', name: 'Guangzhou Baiyun DC', kind: 'warehouse', region: 'south', latitude: 23.1573, longitude: 113.2732, capabilities: ['ship'], handlingTimeHours: 24 },
  { code: 'WH-BJ', name: 'Beijing Daxing DC', kind: 'warehouse', region: 'north', latitude: 39.7269, longitude: 116.3414, capabilities: ['ship'], handlingTimeHours: 24 },
  { code: 'ST-SH-JINGAN', name: "Jing'an store, Shanghai", kind: 'store', region: 'east', latitude: 31.2235, longitude: 121.4455, capabilities: ['bopis', 'ship'], handlingTimeHours: 4 },
  { code: 'ST-BJ-SANLITUN', name: 'Sanlitun store, Beijing', kind: 'store', region: 'north', latitude: 39.9365, longitude: 116.4547, capabilities: ['bopis'], handlingTimeHours: 4 },
]

/** Creates what is missing, by code, in one transaction; an existing demo is returned as it is. */
export async function seedDemoCatalogue(catalogue: Catalogue): Promise<{ skus: Sku[]; nodes: StockNode[]; channels: Channel[] }> {
  const skuInputs = demoSkus()
  const skus = await ensure(catalogue.skus, skuInputs.map((s) => unwrap(decideSku(s))))
  const nodes = await ensure(catalogue.nodes, demoNodes.map((n) => unwrap(decideNode(n))))
  const idOf = new Map(nodes.map((n) => [n.code, n.id]))
  const channels = await ensure(catalogue.channels, [
    unwrap(decideChannel({ code: 'web', name: 'Web shop', kind: 'web', nodeIds: ['WH-SH', 'WH-GZ', 'WH-BJ'], safetyBuffer: 2 }, idOf)),
    unwrap(decideChannel({ code: 'pos-sh', name: "Jing'an store POS", kind: 'pos', nodeIds: ['ST-SH-JINGAN'] }, idOf)),
  ])
  catalogue.forgetCached()
  return { skus, nodes, channels }
}

/** Inserts the drafts whose codes are not stored yet; returns all of them in the drafts' order. */
async function ensure<E extends { id: string; code: string }, D extends { code: string }>(store: Store<E, D, any>, drafts: D[]): Promise<E[]> {
  return store.db.tx(async (q) => {
    const existing = await store.byCodes(drafts.map((d) => d.code), q)
    const created = await store.insert(q, drafts.filter((d) => !existing.has(d.code)))
    const byCode = new Map([...existing, ...created.map((e) => [e.code, e] as const)])
    return drafts.map((d) => {
      const entity = byCode.get(d.code)
      invariant(entity, `${d.code} was found or inserted`)
      return entity
    })
  })
}
