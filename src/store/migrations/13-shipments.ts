/**
 * Migration 13: shipments (fulfilment orders per node), their lines and their events; an order
 * line counts the units shipped so far and the day its last units were delivered. Never edited
 * once released.
 */
export const shipments = `
  ALTER TABLE order_lines ADD COLUMN shipped_quantity BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE order_lines ADD COLUMN delivered_at BIGINT;
  CREATE TABLE shipments (
    id {{key}} PRIMARY KEY,
    order_id {{key}} NOT NULL,
    channel_id {{key}} NOT NULL,
    node_id {{key}} NOT NULL,
    status TEXT NOT NULL,
    split_from {{key}},
    carrier TEXT,
    service TEXT,
    tracking TEXT,
    packages TEXT NOT NULL DEFAULT '[]',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    shipped_at BIGINT,
    delivered_at BIGINT
  );
  CREATE INDEX shipments_by_order ON shipments (order_id);
  CREATE INDEX shipments_by_node_status ON shipments (node_id, status, id);
  CREATE INDEX shipments_by_status ON shipments (status, id);
  CREATE TABLE shipment_lines (
    shipment_id {{key}} NOT NULL,
    line_no INTEGER NOT NULL,
    sku_id {{key}} NOT NULL,
    quantity BIGINT NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (shipment_id, line_no)
  );
  CREATE TABLE shipment_events (
    id {{serial}},
    shipment_id {{key}} NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    detail TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX shipment_events_by_shipment ON shipment_events (shipment_id, id);
`
