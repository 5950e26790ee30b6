/** A position is a SKU at a node; its key joins the two, for maps keyed by position across contexts. */

/** The seven buckets of a position (DOMAIN.md §2), all integers. Inventory owns them; events carry them. */
export interface Buckets {
  onHand: number
  reserved: number
  unsellable: number
  locked: number
  transferReserved: number
  inTransit: number
  virtual: number
}

export const positionKey = (skuId: string, nodeId: string): string => `${skuId}|${nodeId}`
