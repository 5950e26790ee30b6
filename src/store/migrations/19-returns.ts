/**
 * Migration 19: returns. A return (RMA) of one order, its lines (reason and evidence each), the
 * units received (each graded once and given one disposition, with the rule that chose it), its
 * events, the return policy and disposition rules as data (versioned), and return-to-vendor
 * documents (a debit against the supplier). Never edited once released.
 */
export const returns = `
  CREATE TABLE returns (
    id {{key}} PRIMARY KEY,
    order_id {{key}} NOT NULL,
    channel_id {{key}} NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    node_id {{key}},
    reject_reason TEXT,
    carrier TEXT,
    tracking TEXT,
    refund_step TEXT NOT NULL,
    exchange INTEGER NOT NULL DEFAULT 0,
    exchange_order_id {{key}},
    refund_amount BIGINT,
    refund_detail TEXT,
    refund_requested_at BIGINT,
    refunded_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX returns_by_order ON returns (order_id);
  CREATE INDEX returns_by_status ON returns (status, id);
  CREATE INDEX returns_by_node_status ON returns (node_id, status, id);
  CREATE TABLE return_lines (
    return_id {{key}} NOT NULL,
    line_no INTEGER NOT NULL,
    order_line_no INTEGER NOT NULL,
    sku_id {{key}} NOT NULL,
    quantity BIGINT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT,
    evidence TEXT NOT NULL,
    unit_price BIGINT NOT NULL,
    received BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (return_id, line_no)
  );
  CREATE TABLE return_units (
    return_id {{key}} NOT NULL,
    line_no INTEGER NOT NULL,
    unit_no INTEGER NOT NULL,
    node_id {{key}} NOT NULL,
    state TEXT NOT NULL,
    grade TEXT,
    notes TEXT,
    disposition TEXT,
    outlet_node_id {{key}},
    rule_id TEXT,
    received_at BIGINT NOT NULL,
    inspected_at BIGINT,
    PRIMARY KEY (return_id, line_no, unit_no)
  );
  CREATE INDEX return_units_by_state ON return_units (node_id, state);
  CREATE TABLE return_events (
    id {{serial}},
    return_id {{key}} NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    detail TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX return_events_by_return ON return_events (return_id, id);
  CREATE TABLE return_settings (
    scope TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    actor TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (scope, version)
  );
  CREATE TABLE return_to_vendor (
    id {{key}} PRIMARY KEY,
    return_id {{key}} NOT NULL,
    supplier_id {{key}} NOT NULL,
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    quantity BIGINT NOT NULL,
    debit_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX return_to_vendor_by_supplier ON return_to_vendor (supplier_id, at);
`
