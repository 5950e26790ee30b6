/**
 * Migration 16: buy online, pick up in store. One row per pickup shipment once it is ready: the
 * pickup code's hash (never the code), the attempts at the counter, when it expires and was
 * reminded, how it ended, and who collected it (sealed: personal data). Never edited once released.
 */
export const pickups = `
  CREATE TABLE pickups (
    shipment_id {{key}} PRIMARY KEY,
    order_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    state TEXT NOT NULL,
    code_salt TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    locked_at BIGINT,
    ready_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    reminded_at BIGINT,
    ended_at BIGINT,
    collected_by_key {{key}},
    collected_by TEXT
  );
  CREATE INDEX pickups_by_state_expiry ON pickups (state, expires_at, shipment_id);
  CREATE INDEX pickups_by_order ON pickups (order_id);
`
