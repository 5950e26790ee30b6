/**
 * Migration 21: replenishment. Demand per SKU × node × day with what it is made of (units
 * ordered, of them presale; units lost to refusals and to delays; units of orders cancelled or
 * left unpaid, taken back on the day they were ordered; units returned; units brought from an
 * older system), the demand projector's cursor (from the first event: orders placed before this
 * migration count too) and what it has counted of returns and refusals
 * (a shopper retrying a refused order is one lost demand, not five); the planned events calendar
 * (`*` for every SKU or node); inventory policies per SKU × node (`*` for defaults); the latest
 * forecast per series and the scores of past forecasts against what then happened; suggested
 * purchase orders (one open per SKU × node: never two for the same need) and when each is due to
 * be recomputed; the vendor-managed state per SKU × node (available units, the reorder point, below it or not). Never edited once released.
 */
export const replenishment = `
  CREATE TABLE demand_days (
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    day INTEGER NOT NULL,
    ordered BIGINT NOT NULL DEFAULT 0,
    presale BIGINT NOT NULL DEFAULT 0,
    lost BIGINT NOT NULL DEFAULT 0,
    cancelled BIGINT NOT NULL DEFAULT 0,
    returned BIGINT NOT NULL DEFAULT 0,
    imported BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (sku_id, node_id, day)
  );
  CREATE TABLE demand_cursor (
    name TEXT PRIMARY KEY,
    after_id BIGINT NOT NULL
  );
  CREATE TABLE demand_returns_seen (
    return_id {{key}} PRIMARY KEY,
    after_event_id BIGINT NOT NULL
  );
  CREATE TABLE demand_refusals (
    day INTEGER NOT NULL,
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    customer_key TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    PRIMARY KEY (day, sku_id, node_id, customer_key)
  );
  CREATE TABLE planned_events (
    id {{key}} PRIMARY KEY,
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    day INTEGER NOT NULL,
    kind TEXT NOT NULL,
    uplift_pct INTEGER,
    note TEXT,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL
  );
  CREATE UNIQUE INDEX planned_events_one ON planned_events (sku_id, node_id, day, kind);
  CREATE INDEX planned_events_by_day ON planned_events (day, id);
  CREATE TABLE inventory_policies (
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    policy TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (sku_id, node_id)
  );
  CREATE TABLE forecasts (
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    as_of_day INTEGER NOT NULL,
    model TEXT NOT NULL,
    runner_up TEXT,
    accuracy TEXT,
    runner_up_accuracy TEXT,
    intermittent INTEGER NOT NULL,
    daily_sd DOUBLE PRECISION NOT NULL,
    days TEXT NOT NULL,
    computed_at BIGINT NOT NULL,
    PRIMARY KEY (sku_id, node_id)
  );
  CREATE TABLE forecast_scores (
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    as_of_day INTEGER NOT NULL,
    model TEXT NOT NULL,
    days INTEGER NOT NULL,
    actual_units DOUBLE PRECISION NOT NULL,
    forecast_units DOUBLE PRECISION NOT NULL,
    abs_error_units DOUBLE PRECISION NOT NULL,
    naive_abs_error_units DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (sku_id, node_id, as_of_day)
  );
  CREATE INDEX forecast_scores_by_day ON forecast_scores (as_of_day);
  CREATE TABLE replenishment_suggestions (
    id {{key}} PRIMARY KEY,
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    supplier_id {{key}},
    status TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    suggested_quantity BIGINT NOT NULL,
    explanation TEXT NOT NULL,
    po_id {{key}},
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    decided_at BIGINT,
    decided_by TEXT,
    sent_at BIGINT,
    received_at BIGINT
  );
  CREATE UNIQUE INDEX replenishment_suggestions_one_open ON replenishment_suggestions (sku_id, node_id) WHERE status = 'open';
  CREATE INDEX replenishment_suggestions_by_status ON replenishment_suggestions (status, id);
  CREATE INDEX replenishment_suggestions_by_po ON replenishment_suggestions (po_id);
  CREATE TABLE replenishment_runs (
    name TEXT PRIMARY KEY,
    due_at BIGINT NOT NULL,
    last_started_at BIGINT,
    last_finished_at BIGINT,
    last_report TEXT
  );
  CREATE TABLE replenishment_alerts (
    sku_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    below INTEGER NOT NULL,
    available_units BIGINT NOT NULL,
    reorder_point_units DOUBLE PRECISION NOT NULL,
    as_of_day INTEGER NOT NULL,
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (sku_id, node_id)
  );
`
