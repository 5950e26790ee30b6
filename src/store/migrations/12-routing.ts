/**
 * Migration 12: fulfilment and routing. A node's fulfilment profile (cut-offs, calendar, daily
 * capacity, pick/pack cost) as one JSON column; routing profiles as immutable versions per scope
 * (`default` or a channel id); each order's routing decisions with their explanation; lines and
 * units planned per node, capability and ship day (the capacity used). Never edited once released.
 */
export const routing = `
  ALTER TABLE nodes ADD COLUMN fulfilment TEXT NOT NULL DEFAULT '{}';
  CREATE TABLE routing_profiles (
    scope TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    actor TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (scope, version)
  );
  CREATE TABLE routing_decisions (
    order_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    cause TEXT NOT NULL,
    outcome TEXT NOT NULL,
    explanation TEXT NOT NULL,
    decided_at BIGINT NOT NULL,
    PRIMARY KEY (order_id, seq)
  );
  CREATE TABLE node_capacity (
    node_id TEXT NOT NULL,
    capability TEXT NOT NULL,
    day BIGINT NOT NULL,
    lines BIGINT NOT NULL,
    units BIGINT NOT NULL,
    PRIMARY KEY (node_id, capability, day)
  );
`
