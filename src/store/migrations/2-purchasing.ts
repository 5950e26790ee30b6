/** Migration 2: purchasing — suppliers, purchase orders, ASNs, receipts, scorecards, virtual supply. Never edited once released. */
export const purchasing = `
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
  `
