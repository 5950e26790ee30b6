/** Migration 4: what the console reads — orders by status and placement day, and each supplier's scorecard history. Never edited once released. */
export const consoleReads = `
  CREATE INDEX orders_by_status ON orders (status, id);
  CREATE INDEX orders_by_placed_at ON orders (placed_at);
  CREATE TABLE supplier_scorecard_history (
    id {{serial}},
    supplier_id {{key}} NOT NULL,
    computed_at BIGINT NOT NULL,
    window_days INTEGER NOT NULL,
    on_time_rate DOUBLE PRECISION,
    fill_rate DOUBLE PRECISION,
    qc_pass_rate DOUBLE PRECISION,
    grade TEXT
  );
  CREATE INDEX supplier_scorecard_history_by_supplier ON supplier_scorecard_history (supplier_id, id);
`
