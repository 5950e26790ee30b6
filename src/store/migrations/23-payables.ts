/**
 * Migration 23: supplier payables and inventory cost.
 *
 * Catalogue: a SKU's weight (grams) and volume (cubic centimetres), the bases landed cost may be
 * spread by. Orders: a delay record names the supplier and purchase order whose slip caused it,
 * when it was one (the chargeback a supplier agreement may pass through).
 *
 * Payables: a supplier's agreement with the merchant (payment terms, match tolerances, which
 * debits it accepts, the share of delay compensation it bears; `*` is the default); supplier
 * invoices with their lines against PO lines (matched one by one), charge lines and tax; the
 * instalments each invoice falls due in; payment runs, their lines and the payments recorded
 * (one per run, supplier and currency: never twice); debits and credit notes against a supplier,
 * one per source (a QC failure, a short receipt, a return to vendor, a delay); the moving-average
 * unit cost per SKU, the cost ledger behind it (receipts, landed cost, cost of goods shipped) and
 * landed-cost allocations over receipt lines. Never edited once released.
 */
export const payables = `
  ALTER TABLE skus ADD COLUMN weight_grams BIGINT;
  ALTER TABLE skus ADD COLUMN volume_cm3 BIGINT;
  ALTER TABLE order_delays ADD COLUMN supplier_id {{key}};
  ALTER TABLE order_delays ADD COLUMN po_id {{key}};
  CREATE INDEX order_delays_by_supplier ON order_delays (supplier_id, created_at);
  CREATE TABLE supplier_agreements (
    supplier_id {{key}} PRIMARY KEY,
    terms TEXT NOT NULL,
    tolerance TEXT NOT NULL,
    debits TEXT NOT NULL,
    chargeback_bp INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE supplier_invoices (
    id {{key}} PRIMARY KEY,
    supplier_id {{key}} NOT NULL,
    number TEXT NOT NULL,
    currency TEXT NOT NULL,
    invoice_day INTEGER NOT NULL,
    goods_minor BIGINT NOT NULL,
    charges_minor BIGINT NOT NULL,
    tax_minor BIGINT NOT NULL,
    total_minor BIGINT NOT NULL,
    status TEXT NOT NULL,
    source TEXT NOT NULL,
    note TEXT,
    resolution TEXT,
    resolved_by TEXT,
    resolved_at BIGINT,
    version INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (supplier_id, number)
  );
  CREATE INDEX supplier_invoices_by_supplier ON supplier_invoices (supplier_id, id);
  CREATE INDEX supplier_invoices_by_status ON supplier_invoices (status, id);
  CREATE TABLE supplier_invoice_lines (
    invoice_id {{key}} NOT NULL,
    line_no INTEGER NOT NULL,
    po_id {{key}} NOT NULL,
    po_line_id {{key}} NOT NULL,
    po_line_no INTEGER NOT NULL,
    sku_id {{key}} NOT NULL,
    quantity BIGINT NOT NULL,
    unit_price_minor BIGINT NOT NULL,
    amount_minor BIGINT NOT NULL,
    result TEXT NOT NULL,
    price_variance_minor BIGINT NOT NULL,
    quantity_variance BIGINT NOT NULL,
    amount_variance_minor BIGINT NOT NULL,
    explanation TEXT NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
  );
  CREATE INDEX supplier_invoice_lines_by_po_line ON supplier_invoice_lines (po_line_id);
  CREATE INDEX supplier_invoice_lines_by_po ON supplier_invoice_lines (po_id);
  CREATE TABLE supplier_invoice_charges (
    invoice_id {{key}} NOT NULL,
    charge_no INTEGER NOT NULL,
    kind TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    description TEXT,
    receipt_id {{key}},
    basis TEXT,
    PRIMARY KEY (invoice_id, charge_no)
  );
  CREATE TABLE invoice_instalments (
    invoice_id {{key}} NOT NULL,
    seq INTEGER NOT NULL,
    supplier_id {{key}} NOT NULL,
    currency TEXT NOT NULL,
    due_day INTEGER,
    amount_minor BIGINT NOT NULL,
    paid_minor BIGINT NOT NULL DEFAULT 0,
    discount_until_day INTEGER,
    discount_minor BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (invoice_id, seq)
  );
  CREATE INDEX invoice_instalments_by_supplier ON invoice_instalments (supplier_id, due_day);
  CREATE TABLE payment_runs (
    id {{key}} PRIMARY KEY,
    pay_by_day INTEGER NOT NULL,
    pay_day INTEGER NOT NULL,
    status TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    approved_by TEXT,
    approved_at BIGINT,
    closed_at BIGINT
  );
  CREATE INDEX payment_runs_by_status ON payment_runs (status, id);
  CREATE TABLE payment_run_lines (
    run_id {{key}} NOT NULL,
    invoice_id {{key}} NOT NULL,
    seq INTEGER NOT NULL,
    supplier_id {{key}} NOT NULL,
    currency TEXT NOT NULL,
    pay_minor BIGINT NOT NULL,
    discount_minor BIGINT NOT NULL,
    reason TEXT NOT NULL,
    explanation TEXT NOT NULL,
    PRIMARY KEY (run_id, invoice_id, seq)
  );
  CREATE TABLE supplier_payments (
    id {{key}} PRIMARY KEY,
    run_id {{key}} NOT NULL,
    supplier_id {{key}} NOT NULL,
    currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    debits_minor BIGINT NOT NULL,
    bank_reference TEXT NOT NULL,
    paid_day INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (run_id, supplier_id, currency)
  );
  CREATE INDEX supplier_payments_by_supplier ON supplier_payments (supplier_id, id);
  CREATE TABLE supplier_debits (
    id {{key}} PRIMARY KEY,
    supplier_id {{key}} NOT NULL,
    kind TEXT NOT NULL,
    source_id TEXT NOT NULL,
    currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    quantity BIGINT,
    detail TEXT NOT NULL,
    status TEXT NOT NULL,
    payment_id {{key}},
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (kind, source_id)
  );
  CREATE INDEX supplier_debits_by_supplier ON supplier_debits (supplier_id, status, id);
  CREATE TABLE sku_costs (
    sku_id {{key}} PRIMARY KEY,
    currency TEXT NOT NULL,
    units BIGINT NOT NULL,
    value_minor BIGINT NOT NULL,
    min_unit_minor BIGINT NOT NULL,
    max_unit_minor BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE cost_movements (
    id {{serial}},
    sku_id {{key}} NOT NULL,
    node_id {{key}},
    kind TEXT NOT NULL,
    reference TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    value_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE UNIQUE INDEX cost_movements_once ON cost_movements (kind, reference, sku_id);
  CREATE INDEX cost_movements_by_day ON cost_movements (kind, at);
  CREATE TABLE landed_costs (
    id {{key}} PRIMARY KEY,
    receipt_id {{key}} NOT NULL,
    kind TEXT NOT NULL,
    basis TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    invoice_id {{key}},
    charge_no INTEGER,
    allocations TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX landed_costs_by_receipt ON landed_costs (receipt_id);
  CREATE UNIQUE INDEX landed_costs_once ON landed_costs (invoice_id, charge_no);
`
