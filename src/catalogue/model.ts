/** Catalogue types: what is sold (SKUs), where stock sits (nodes), and who sells it (channels). */
import { isoOf } from '../kernel/clock.ts'
import { storedFulfilmentProfile, type FulfilmentProfile } from './fulfilment.ts'

export const nodeKinds = ['warehouse', 'store', 'dropship'] as const
export const channelKinds = ['web', 'app', 'pos', 'marketplace', 'wholesale'] as const
export type NodeKind = (typeof nodeKinds)[number]
export type ChannelKind = (typeof channelKinds)[number]
export type CatalogueKind = 'skus' | 'nodes' | 'channels'

/** Fields every catalogue entity carries; times are ISO strings on the wire. */
interface Stamped {
  id: string
  createdAt: string
  updatedAt: string
}

/** What a SKU is, as the merchant edits it. */
export interface SkuDraft {
  code: string
  name: string
  unit: string
  barcode: string | null
  attributes: Record<string, string>
  active: boolean
  /** One unit's weight in grams, when known: landed cost may be spread by it. */
  weightGrams: number | null
  /** One unit's volume in cubic centimetres, when known: landed cost may be spread by it. */
  volumeCm3: number | null
}

/** A stock-keeping unit: one sellable variant (colour × size…). */
export interface Sku extends SkuDraft, Stamped {}

export interface NodeDraft {
  code: string
  name: string
  kind: NodeKind
  region: string
  latitude: number | null
  longitude: number | null
  capabilities: string[]
  handlingTimeHours: number
  supplierId: string | null
  /** Cut-offs, working calendar, daily capacity and pick/pack cost (routing and promised dates respect them). */
  fulfilment: FulfilmentProfile
  active: boolean
}

/** A place that holds or ships stock: a warehouse, a store, or a supplier shipping direct. */
export interface StockNode extends NodeDraft, Stamped {}

export interface ChannelDraft {
  code: string
  name: string
  kind: ChannelKind
  nodeIds: string[]
  safetyBuffer: number
  /** At or below this many units the channel shows `low_stock` ("only N left") rather than `in_stock`. */
  lowStockThreshold: number
  active: boolean
}

/** A place that sells (web shop, POS…): sees availability from its nodes minus its safety buffer. */
export interface Channel extends ChannelDraft, Stamped {}

/** Inputs: a create names the required fields; a patch names only what changes. */
export type SkuInput = Pick<SkuDraft, 'code' | 'name'> & Partial<SkuDraft>
/** A node's fulfilment profile may be sent in part: what is left out keeps its default (on create) or its value (on a change). */
export type NodeInput = Pick<NodeDraft, 'code' | 'name' | 'kind' | 'region'> & Omit<Partial<NodeDraft>, 'fulfilment'> & { fulfilment?: Partial<FulfilmentProfile> }
/** `nodeIds` may name nodes by id or by code; they are stored as ids. */
export type ChannelInput = Pick<ChannelDraft, 'code' | 'name' | 'kind'> & Partial<ChannelDraft>
export type SkuPatch = Partial<SkuDraft>
export type NodePatch = Omit<Partial<NodeDraft>, 'fulfilment'> & { fulfilment?: Partial<FulfilmentProfile> }
export type ChannelPatch = Partial<ChannelDraft>

export interface PageOf<T> {
  items: T[]
  nextCursor: string | null
}

// Rows as the store returns them: integers for booleans and times, JSON text for lists and maps.

export interface SkuRow {
  id: string
  code: string
  name: string
  unit: string
  barcode: string | null
  attributes: string
  active: number | boolean
  weight_grams: number | string | null
  volume_cm3: number | string | null
  created_at: number
  updated_at: number
}

export interface NodeRow {
  id: string
  code: string
  name: string
  kind: NodeKind
  region: string
  latitude: number | null
  longitude: number | null
  capabilities: string
  handling_time_hours: number
  supplier_id: string | null
  fulfilment: string | null
  active: number | boolean
  created_at: number
  updated_at: number
}

export interface ChannelRow {
  id: string
  code: string
  name: string
  kind: ChannelKind
  node_ids: string
  safety_buffer: number
  low_stock_threshold: number
  active: number | boolean
  created_at: number
  updated_at: number
}

const stampsOf = (r: { id: string; created_at: number; updated_at: number }): Stamped => ({
  id: r.id,
  createdAt: isoOf(Number(r.created_at)),
  updatedAt: isoOf(Number(r.updated_at)),
})

export const skuOf = (r: SkuRow): Sku => ({
  ...stampsOf(r),
  code: r.code,
  name: r.name,
  unit: r.unit,
  barcode: r.barcode,
  attributes: JSON.parse(r.attributes),
  active: Boolean(Number(r.active)),
  weightGrams: r.weight_grams === null || r.weight_grams === undefined ? null : Number(r.weight_grams),
  volumeCm3: r.volume_cm3 === null || r.volume_cm3 === undefined ? null : Number(r.volume_cm3),
})

export const nodeOf = (r: NodeRow): StockNode => ({
  ...stampsOf(r),
  code: r.code,
  name: r.name,
  kind: r.kind,
  region: r.region,
  latitude: r.latitude === null ? null : Number(r.latitude),
  longitude: r.longitude === null ? null : Number(r.longitude),
  capabilities: JSON.parse(r.capabilities),
  handlingTimeHours: Number(r.handling_time_hours),
  supplierId: r.supplier_id,
  fulfilment: storedFulfilmentProfile(r.fulfilment),
  active: Boolean(Number(r.active)),
})

export const channelOf = (r: ChannelRow): Channel => ({
  ...stampsOf(r),
  code: r.code,
  name: r.name,
  kind: r.kind,
  nodeIds: JSON.parse(r.node_ids),
  safetyBuffer: Number(r.safety_buffer),
  lowStockThreshold: Number(r.low_stock_threshold),
  active: Boolean(Number(r.active)),
})

/** Strips id and times: what a merchant edits, for comparing and re-deciding. */
export function draftOf<D>(entity: D & Stamped): D {
  const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = entity
  return draft as unknown as D
}
