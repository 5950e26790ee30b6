/**
 * Migration 8: leases (one holder of a named job across processes, e.g. the NATS relay) and the
 * NATS relay's cursor over the outbox, per stream. Never edited once released.
 */
export const bus = `
  CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    acquired_at BIGINT NOT NULL
  );
  CREATE TABLE bus_cursor (
    name TEXT PRIMARY KEY,
    after_id BIGINT NOT NULL
  );
`
