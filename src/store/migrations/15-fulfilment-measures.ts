/**
 * Migration 15: what fulfilment is measured against. Each order line keeps the node it was first
 * routed to and its first promised delivery day (fill rate and on-time delivery), and the daily
 * rollups count split orders, lines filled from their first node and lines delivered (on time).
 * Never edited once released.
 */
export const fulfilmentMeasures = `
  ALTER TABLE order_lines ADD COLUMN first_node_id TEXT;
  ALTER TABLE order_lines ADD COLUMN first_deliver_by BIGINT;
  UPDATE order_lines SET first_node_id = node_id, first_deliver_by = deliver_by;
  ALTER TABLE analytics_daily ADD COLUMN orders_split BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN lines_filled BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN lines_delivered BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN lines_delivered_promised BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN lines_delivered_on_time BIGINT NOT NULL DEFAULT 0;
`
