/** Dated supply as every context speaks of it: what will arrive where, when, and how sure that is. */
/** How sure a dated unit of supply is, best first. */
export type SupplyConfidence = 'on_hand' | 'shipped' | 'confirmed' | 'unconfirmed' | 'virtual'

export type SupplySourceType = 'po_line' | 'asn' | 'transfer' | 'virtual'

/**
 * One dated quantity that will arrive at a node: the port the promising engine reads.
 * `expectedDate` is null only for unconfirmed lines with no requested date.
 */
export interface SupplyLine {
  skuId: string
  nodeId: string
  sourceType: SupplySourceType
  /** PO line id, ASN id (with `poLineId`), transfer id, or `<supplierId>` for virtual supply. */
  sourceId: string
  poId: string | null
  poLineId: string | null
  supplierId: string | null
  quantity: number
  expectedDate: number | null
  confidence: SupplyConfidence
}

/**
 * What a supply change would do to the customers promised on it, if it were made now: the delays
 * (and improvements) re-promising would bring, counted over lines and orders. Re-promising plans
 * it; purchasing shows it to the supplier before an ETA moves.
 */
export interface SupplyImpact {
  ordersDelayed: number
  linesDelayed: number
  unitsDelayed: number
  /** The latest new ship day among delayed lines that keep a date. */
  latestNewShipByMs: number | null
  /** Delayed lines that would be left without a ship date. */
  linesWithoutNewDate: number
  /** Most days a delayed line's ship date would move (lines left without a date aside). */
  maxDaysLate: number | null
  ordersImproved: number
  linesImproved: number
}
