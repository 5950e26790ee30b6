/** The availability routes' schemas: what a channel sees, its feed, and the exports. */
import { Type } from '@sinclair/typebox'
import { literals, named, Nullable } from '../http/support.ts'
import { CursorParam } from '../http/cursor.ts'
import { availabilityStatuses } from '../events/index.ts'

const Seq = Type.String({ pattern: '^[0-9]{1,15}$' })
const Limit = Type.String({ pattern: '^[0-9]{1,4}$', description: 'Page size, 1–500 (default 50)' })
const Day = Nullable(Type.String({ format: 'date' }))

export const ChannelParams = Type.Object({ channel: Type.String({ minLength: 1, maxLength: 100, description: 'The channel, by id or code' }) })

export const SnapshotQuery = Type.Object({
  sku: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'One SKU, by id or code' })),
  scope: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^(channel|region:.+|store:.+)$', description: '`channel`, `region:<region>` or `store:<nodeId>`' })),
  cursor: Type.Optional(CursorParam),
  limit: Type.Optional(Limit),
}, { additionalProperties: false })

export const ChangesQuery = Type.Object({
  after: Type.Optional({ ...Seq, description: 'The sequence number to resume after: a snapshot\'s `seq` or the previous page\'s `lastSeq`; 0 or absent: every value' }),
  limit: Type.Optional(Limit),
}, { additionalProperties: false })

export const StreamQuery = Type.Object({
  after: Type.Optional({ ...Seq, description: 'Resume after this sequence number when there is no Last-Event-ID header; absent: every current value, then changes' }),
}, { additionalProperties: false })

export const AvailabilityView = named('ChannelAvailability', Type.Object({
  sku: Type.String({ description: 'The SKU code' }),
  skuId: Type.String(),
  scope: Type.String({ description: '`channel` (all the channel\'s nodes), `region:<region>` (its nodes in that region) or `store:<nodeId>` (pickup at that store)' }),
  status: literals(availabilityStatuses),
  quantity: Type.Integer({ description: 'Units the channel may sell now in this scope, after its safety buffer' }),
  onlyLeft: Nullable(Type.Integer({ description: '`low_stock`: the "only N left" figure' })),
  shipBy: { ...Day, description: 'The earliest ship-by day a one-unit order placed now is promised; null when nothing can be promised' },
  deliverBy: { ...Day, description: 'Regions: the delivery day of that promise; stores: the day it is ready for pickup' },
  campaign: Nullable(Type.String({ description: '`presale`: the campaign whose supply the promise rests on' })),
  seq: Type.Integer({ description: 'The sequence number of the value\'s last change' }),
  changedAt: Type.String({ format: 'date-time' }),
}))

export const SnapshotView = named('AvailabilitySnapshot', Type.Object({
  seq: Type.Integer({ description: 'The feed position this snapshot is consistent with: read changes after it' }),
  items: Type.Array(AvailabilityView),
  nextCursor: Nullable(Type.String()),
}))

export const ChangesView = named('AvailabilityChanges', Type.Object({
  items: Type.Array(AvailabilityView),
  lastSeq: Type.Integer({ description: 'Pass as `after` next time; unchanged when nothing changed' }),
}))

export const GoogleLocalInventory = named('GoogleLocalInventory', Type.Object({
  items: Type.Array(Type.Object({
    storeCode: Type.String({ description: 'The store node\'s code' }),
    offerId: Type.String({ description: 'The SKU code' }),
    availability: literals(['IN_STOCK', 'LIMITED_AVAILABILITY', 'OUT_OF_STOCK'] as const),
    quantity: Type.Integer(),
    pickupMethod: literals(['BUY', 'NOT_SUPPORTED'] as const),
    pickupSla: Nullable(Type.String({ description: 'SAME_DAY, NEXT_DAY, TWO_DAY … SEVEN_DAY, MULTI_WEEK' })),
  })),
}))

export const ShopifyInventory = named('ShopifyInventory', Type.Object({
  items: Type.Array(Type.Object({
    sku: Type.String(),
    location: Type.String({ description: 'The node code' }),
    available: Type.Integer({ description: 'Sellable through this channel now (after its safety buffer, with the stock ring-fenced for it)' }),
    on_hand: Type.Integer(),
    committed: Type.Integer({ description: 'Held for orders and reservations (O)' }),
    reserved: Type.Integer({ description: 'Set aside: locks (less the stock ring-fenced for this channel, which is available to it) and units reserved for transfers (L + T)' }),
    damaged: Type.Integer({ description: 'Unsellable (U)' }),
    safety_stock: Type.Integer({ description: 'The channel\'s safety buffer, as far as stock covers it' }),
    incoming: Type.Integer({ description: 'In transit to the node' }),
  })),
}))
