/** A position is a SKU at a node; its key joins the two, for maps keyed by position across contexts. */
export const positionKey = (skuId: string, nodeId: string): string => `${skuId}|${nodeId}`
