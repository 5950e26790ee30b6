/** Migration 1: the foundation — catalogue, nodes, channels, positions, movements, reservations, locks, transfers, tokens, idempotency keys. Never edited once released. */
export const foundation = `
  CREATE TABLE skus (
    id {{key}} PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT 'each',
    barcode TEXT,
    attributes TEXT NOT NULL DEFAULT '{}',
    active INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE nodes (
    id {{key}} PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('warehouse', 'store', 'dropship')),
    region TEXT NOT NULL,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    capabilities TEXT NOT NULL DEFAULT '[]',
    handling_time_hours INTEGER NOT NULL DEFAULT 24,
    supplier_id TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE channels (
    id {{key}} PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    node_ids TEXT NOT NULL DEFAULT '[]',
    safety_buffer INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE positions (
    sku_id {{key}} NOT NULL REFERENCES skus(id),
    node_id {{key}} NOT NULL REFERENCES nodes(id),
    on_hand BIGINT NOT NULL DEFAULT 0,
    reserved BIGINT NOT NULL DEFAULT 0,
    unsellable BIGINT NOT NULL DEFAULT 0,
    locked BIGINT NOT NULL DEFAULT 0,
    transfer_reserved BIGINT NOT NULL DEFAULT 0,
    in_transit BIGINT NOT NULL DEFAULT 0,
    virtual BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (sku_id, node_id)
  );
  CREATE INDEX positions_by_node ON positions (node_id);
  CREATE TABLE movements (
    id {{serial}},
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    kind TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    request_count INTEGER NOT NULL DEFAULT 1,
    on_hand BIGINT NOT NULL DEFAULT 0,
    reserved BIGINT NOT NULL DEFAULT 0,
    unsellable BIGINT NOT NULL DEFAULT 0,
    locked BIGINT NOT NULL DEFAULT 0,
    transfer_reserved BIGINT NOT NULL DEFAULT 0,
    in_transit BIGINT NOT NULL DEFAULT 0,
    virtual BIGINT NOT NULL DEFAULT 0,
    reason TEXT,
    ref_type TEXT,
    ref_id TEXT,
    batch_id {{key}} NOT NULL,
    actor TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX movements_by_position ON movements (sku_id, node_id, id);
  CREATE TABLE reservations (
    id {{key}} PRIMARY KEY,
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    quantity BIGINT NOT NULL,
    status TEXT NOT NULL,
    channel_id TEXT,
    reference TEXT,
    hold_until BIGINT,
    idem_key {{key}},
    request_hash TEXT,
    actor TEXT NOT NULL,
    created_batch {{key}} NOT NULL,
    created_at BIGINT NOT NULL,
    ended_batch TEXT,
    ended_at BIGINT,
    end_reason TEXT
  );
  CREATE UNIQUE INDEX reservations_by_idem_key ON reservations (idem_key) WHERE idem_key IS NOT NULL;
  CREATE INDEX reservations_held_by_deadline ON reservations (hold_until) WHERE status = 'held' AND hold_until IS NOT NULL;
  CREATE TABLE locks (
    id {{key}} PRIMARY KEY,
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    quantity BIGINT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    release_at BIGINT,
    actor TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    released_at BIGINT
  );
  CREATE INDEX locks_due ON locks (release_at) WHERE status = 'active' AND release_at IS NOT NULL;
  CREATE TABLE transfers (
    id {{key}} PRIMARY KEY,
    sku_id {{key}} NOT NULL,
    from_node_id {{key}} NOT NULL,
    to_node_id {{key}} NOT NULL,
    quantity BIGINT NOT NULL,
    status TEXT NOT NULL,
    quantity_received BIGINT,
    discrepancy BIGINT,
    eta BIGINT,
    carrier TEXT,
    tracking TEXT,
    actor TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    shipped_at BIGINT,
    received_at BIGINT,
    cancelled_at BIGINT
  );
  CREATE TABLE idempotency_keys (
    scope_key {{key}} PRIMARY KEY,
    request_hash TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE tokens (
    id {{key}} PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    token_prefix TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  CREATE TABLE outbox (
    id {{serial}},
    topic TEXT NOT NULL,
    subject TEXT,
    payload TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  `
