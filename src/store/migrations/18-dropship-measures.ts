/**
 * Migration 18: what dropship requests are measured against. The daily rollups count requests
 * made at suppliers' dropship nodes and the lines they asked for, requests shipped (and the
 * milliseconds each took from being made, for the mean), and lines the suppliers turned down.
 * Requests made, shipped or turned down before this migration are not counted. Never edited once released.
 */
export const dropshipMeasures = `
  ALTER TABLE analytics_daily ADD COLUMN dropship_requests BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN dropship_lines_requested BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN dropship_shipped BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN dropship_ship_ms BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN dropship_lines_turned_down BIGINT NOT NULL DEFAULT 0;
`
