import type { Dialect } from './db.ts'

/**
 * Migrations, in order, never edited once released. `{{serial}}` (an auto-numbered
 * key) and `{{key}}` (an id column) are the dialect differences; see migrationSql.
 */
export const migrations: readonly string[] = [
  `
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
  `,
  // 2: purchasing — suppliers, purchase orders, ASNs, receipts, scorecards, virtual supply.
  `
  CREATE TABLE suppliers (
    id {{key}} PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    contacts TEXT NOT NULL DEFAULT '[]',
    currency TEXT NOT NULL,
    default_lead_time_days INTEGER NOT NULL,
    payment_terms TEXT NOT NULL,
    dropship INTEGER NOT NULL DEFAULT 0,
    receiving_policy TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE supplier_skus (
    supplier_id {{key}} NOT NULL REFERENCES suppliers(id),
    sku_id {{key}} NOT NULL REFERENCES skus(id),
    supplier_sku_code TEXT,
    unit_cost BIGINT NOT NULL,
    min_order_quantity BIGINT NOT NULL DEFAULT 1,
    pack_size BIGINT NOT NULL DEFAULT 1,
    lead_time_days INTEGER,
    virtual_cap BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (supplier_id, sku_id)
  );
  CREATE TABLE virtual_supply (
    supplier_id {{key}} NOT NULL,
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    quantity BIGINT NOT NULL,
    lead_time_days INTEGER NOT NULL,
    actor TEXT NOT NULL,
    declared_at BIGINT NOT NULL,
    PRIMARY KEY (supplier_id, sku_id, node_id)
  );
  CREATE INDEX virtual_supply_by_position ON virtual_supply (sku_id, node_id);
  CREATE TABLE purchase_orders (
    id {{key}} PRIMARY KEY,
    supplier_id {{key}} NOT NULL REFERENCES suppliers(id),
    destination_node_id {{key}} NOT NULL REFERENCES nodes(id),
    reference TEXT,
    status TEXT NOT NULL,
    currency TEXT NOT NULL,
    requested_date BIGINT,
    notes TEXT,
    receiving_policy TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    sent_at BIGINT,
    closed_at BIGINT,
    cancelled_at BIGINT,
    cancel_reason TEXT
  );
  CREATE INDEX purchase_orders_by_supplier ON purchase_orders (supplier_id, id);
  CREATE UNIQUE INDEX purchase_orders_by_reference ON purchase_orders (supplier_id, reference) WHERE reference IS NOT NULL;
  CREATE TABLE po_lines (
    id {{key}} PRIMARY KEY,
    po_id {{key}} NOT NULL REFERENCES purchase_orders(id),
    line_no INTEGER NOT NULL,
    sku_id {{key}} NOT NULL REFERENCES skus(id),
    unit_cost BIGINT NOT NULL,
    quantity_ordered BIGINT NOT NULL,
    quantity_accepted BIGINT,
    quantity_cancelled BIGINT NOT NULL DEFAULT 0,
    quantity_cancelled_by_supplier BIGINT NOT NULL DEFAULT 0,
    quantity_received BIGINT NOT NULL DEFAULT 0,
    quantity_over BIGINT NOT NULL DEFAULT 0,
    quantity_passed BIGINT NOT NULL DEFAULT 0,
    quantity_failed BIGINT NOT NULL DEFAULT 0,
    quantity_in_transit BIGINT NOT NULL DEFAULT 0,
    requested_date BIGINT,
    confirmed_eta BIGINT,
    eta BIGINT,
    eta_changes INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    first_receipt_at BIGINT,
    last_receipt_at BIGINT,
    UNIQUE (po_id, line_no)
  );
  CREATE INDEX po_lines_by_sku ON po_lines (sku_id, status);
  CREATE TABLE asns (
    id {{key}} PRIMARY KEY,
    po_id {{key}} NOT NULL REFERENCES purchase_orders(id),
    supplier_id {{key}} NOT NULL,
    reference TEXT,
    carrier TEXT,
    tracking TEXT,
    eta BIGINT NOT NULL,
    status TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    received_at BIGINT,
    cancelled_at BIGINT
  );
  CREATE INDEX asns_by_po ON asns (po_id);
  CREATE TABLE asn_lines (
    asn_id {{key}} NOT NULL REFERENCES asns(id),
    po_line_id {{key}} NOT NULL REFERENCES po_lines(id),
    quantity BIGINT NOT NULL,
    quantity_received BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (asn_id, po_line_id)
  );
  CREATE TABLE receipts (
    id {{key}} PRIMARY KEY,
    po_id {{key}} NOT NULL REFERENCES purchase_orders(id),
    asn_id {{key}},
    supplier_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    actor TEXT NOT NULL,
    received_at BIGINT NOT NULL
  );
  CREATE INDEX receipts_by_supplier ON receipts (supplier_id, received_at);
  CREATE INDEX receipts_by_po ON receipts (po_id);
  CREATE TABLE receipt_lines (
    receipt_id {{key}} NOT NULL REFERENCES receipts(id),
    po_line_id {{key}} NOT NULL REFERENCES po_lines(id),
    sku_id {{key}} NOT NULL,
    quantity_passed BIGINT NOT NULL,
    quantity_failed BIGINT NOT NULL,
    fail_reason TEXT,
    quantity_over BIGINT NOT NULL,
    quantity_short BIGINT NOT NULL,
    line_closed INTEGER NOT NULL,
    PRIMARY KEY (receipt_id, po_line_id)
  );
  CREATE TABLE po_events (
    id {{serial}},
    po_id {{key}} NOT NULL,
    line_id {{key}},
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    detail TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX po_events_by_po ON po_events (po_id, id);
  CREATE TABLE supplier_scorecards (
    supplier_id {{key}} PRIMARY KEY,
    scorecard TEXT NOT NULL,
    computed_at BIGINT NOT NULL
  );
  CREATE TABLE settings (
    name {{key}} PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX outbox_by_topic ON outbox (topic, id);
  `,
  // 3: selling ahead of stock — supply slots, sell-ahead policies, orders, delays, payments, presale.
  `
  CREATE TABLE supply_slots (
    id {{key}} PRIMARY KEY,
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    kind TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    promised BIGINT NOT NULL DEFAULT 0,
    available_at BIGINT,
    ref_id TEXT,
    supplier_id TEXT,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX supply_slots_by_position ON supply_slots (sku_id, node_id);
  CREATE TABLE sell_ahead_policies (
    sku_id {{key}} NOT NULL,
    channel_id {{key}} NOT NULL,
    policy TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (sku_id, channel_id)
  );
  CREATE TABLE orders (
    id {{key}} PRIMARY KEY,
    channel_id {{key}} NOT NULL,
    customer_id TEXT NOT NULL,
    campaign_id TEXT,
    status TEXT NOT NULL,
    currency TEXT NOT NULL,
    fulfilment TEXT NOT NULL,
    payment TEXT NOT NULL,
    total BIGINT NOT NULL,
    paid BIGINT NOT NULL DEFAULT 0,
    refunded BIGINT NOT NULL DEFAULT 0,
    refund_due BIGINT NOT NULL DEFAULT 0,
    due_at BIGINT,
    reference TEXT,
    placed_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    idem_key {{key}},
    request_hash TEXT
  );
  CREATE UNIQUE INDEX orders_by_idem_key ON orders (idem_key) WHERE idem_key IS NOT NULL;
  CREATE INDEX orders_due ON orders (due_at) WHERE due_at IS NOT NULL;
  CREATE INDEX orders_by_channel ON orders (channel_id, id);
  CREATE INDEX orders_by_campaign ON orders (campaign_id, id) WHERE campaign_id IS NOT NULL;
  CREATE TABLE order_lines (
    order_id {{key}} NOT NULL,
    line_no INTEGER NOT NULL,
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    quantity BIGINT NOT NULL,
    unit_price BIGINT NOT NULL,
    stock_quantity BIGINT NOT NULL,
    allocations TEXT NOT NULL,
    ship_by BIGINT,
    deliver_by BIGINT,
    first_ship_by BIGINT,
    priority_class INTEGER NOT NULL DEFAULT 0,
    placed_at BIGINT NOT NULL,
    campaign_id TEXT,
    customer_id TEXT,
    status TEXT NOT NULL,
    PRIMARY KEY (order_id, line_no)
  );
  CREATE INDEX order_lines_open_by_position ON order_lines (sku_id, node_id) WHERE status = 'open';
  CREATE INDEX order_lines_by_campaign_customer ON order_lines (campaign_id, customer_id) WHERE campaign_id IS NOT NULL;
  CREATE TABLE order_events (
    id {{serial}},
    order_id {{key}} NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    detail TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX order_events_by_order ON order_events (order_id, id);
  CREATE TABLE order_delays (
    id {{key}} PRIMARY KEY,
    order_id {{key}} NOT NULL,
    line_no INTEGER NOT NULL,
    cause TEXT NOT NULL,
    reason TEXT NOT NULL,
    old_ship_by BIGINT,
    new_ship_by BIGINT,
    days_late INTEGER,
    compensation TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX order_delays_by_order ON order_delays (order_id);
  CREATE TABLE customer_messages (
    id {{key}} PRIMARY KEY,
    order_id {{key}} NOT NULL,
    customer_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX customer_messages_by_order ON customer_messages (order_id);
  CREATE TABLE payments (
    id {{key}} PRIMARY KEY,
    order_id {{key}} NOT NULL,
    kind TEXT NOT NULL,
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    provider TEXT NOT NULL,
    provider_ref TEXT NOT NULL,
    actor TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE UNIQUE INDEX payments_by_provider_ref ON payments (provider, provider_ref);
  CREATE INDEX payments_by_order ON payments (order_id);
  CREATE TABLE presale_campaigns (
    id {{key}} PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    status TEXT NOT NULL,
    campaign TEXT NOT NULL,
    final_unit_price BIGINT,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    ended_at BIGINT,
    repriced_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX presale_campaigns_by_status ON presale_campaigns (status, ends_at);
  `,
]

export function migrationSql(dialect: Dialect, sql: string): string {
  return sql
    .replaceAll('{{serial}}', dialect === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'BIGSERIAL PRIMARY KEY')
    // Ids and keys are ASCII: byte order compares faster than a linguistic collation.
    .replaceAll('{{key}}', dialect === 'sqlite' ? 'TEXT' : 'TEXT COLLATE "C"')
}
