/**
 * Migration 6: what each channel sees. The current availability of every SKU in every scope of
 * every channel, each row stamped with the sequence number of its last change (the channel's
 * delta feed is these rows read in sequence order), the projector's cursor, and the channel's
 * low-stock threshold. Never edited once released.
 */
export const availability = `
  ALTER TABLE channels ADD COLUMN low_stock_threshold BIGINT NOT NULL DEFAULT 5;
  CREATE TABLE channel_availability (
    channel_id {{key}} NOT NULL,
    sku_id {{key}} NOT NULL,
    scope {{key}} NOT NULL,
    status TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    ship_by TEXT,
    deliver_by TEXT,
    campaign TEXT,
    seq BIGINT NOT NULL,
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (channel_id, sku_id, scope)
  );
  CREATE UNIQUE INDEX channel_availability_feed ON channel_availability (channel_id, seq, sku_id, scope);
  CREATE TABLE availability_cursor (
    name TEXT PRIMARY KEY,
    after_id BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    day BIGINT NOT NULL
  );
`
