/**
 * The supply context: supply slots (future supply per SKU × node, dated, with what is promised on
 * it) and the dated-supply vocabulary. It owns the `supply_slots` table; other contexts read and
 * change slots only through these functions. Other contexts import only this file.
 */
export * from './model.ts'
export * from './slots.ts'
