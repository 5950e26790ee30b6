/** Migration 4: analytics rollups — daily counters per channel, open backorder lines and their count per placement day, daily stock, the projector's cursor. Never edited once released. */
export const analytics = `
  CREATE TABLE analytics_daily (
    day BIGINT NOT NULL,
    channel_id {{key}} NOT NULL,
    orders_placed BIGINT NOT NULL DEFAULT 0,
    lines_placed BIGINT NOT NULL DEFAULT 0,
    units_placed BIGINT NOT NULL DEFAULT 0,
    lines_from_stock BIGINT NOT NULL DEFAULT 0,
    lines_from_future BIGINT NOT NULL DEFAULT 0,
    lines_from_presale BIGINT NOT NULL DEFAULT 0,
    orders_cancelled BIGINT NOT NULL DEFAULT 0,
    lines_shipped BIGINT NOT NULL DEFAULT 0,
    units_shipped BIGINT NOT NULL DEFAULT 0,
    lines_shipped_promised BIGINT NOT NULL DEFAULT 0,
    lines_shipped_on_time BIGINT NOT NULL DEFAULT 0,
    delays BIGINT NOT NULL DEFAULT 0,
    compensation_minor BIGINT NOT NULL DEFAULT 0,
    deposits_paid BIGINT NOT NULL DEFAULT 0,
    balances_paid BIGINT NOT NULL DEFAULT 0,
    deposits_forfeited BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, channel_id)
  );
  CREATE TABLE analytics_backorders (
    order_id {{key}} NOT NULL,
    line_no INTEGER NOT NULL,
    channel_id {{key}} NOT NULL,
    placed_day BIGINT NOT NULL,
    units BIGINT NOT NULL,
    PRIMARY KEY (order_id, line_no)
  );
  CREATE TABLE analytics_backorder_days (
    channel_id {{key}} NOT NULL,
    placed_day BIGINT NOT NULL,
    lines BIGINT NOT NULL,
    units BIGINT NOT NULL,
    PRIMARY KEY (channel_id, placed_day)
  );
  CREATE TABLE analytics_stock_daily (
    day BIGINT PRIMARY KEY,
    on_hand BIGINT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE TABLE analytics_cursor (
    name TEXT PRIMARY KEY,
    after_id BIGINT NOT NULL
  );
  `
