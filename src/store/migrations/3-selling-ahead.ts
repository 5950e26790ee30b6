/** Migration 3: selling ahead of stock — supply slots, sell-ahead policies, orders, delays, payments, presale. Never edited once released. */
export const sellingAhead = `
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
  `
