/** Migration 22: a supplier whose replenishment suggestions are approved and sent without a buyer (off by default). Never edited once released. */
export const supplierAutoSend = `
  ALTER TABLE suppliers ADD COLUMN auto_send_suggestions INTEGER NOT NULL DEFAULT 0;
`
