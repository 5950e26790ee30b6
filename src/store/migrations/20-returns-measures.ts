/**
 * Migration 20: what returns are measured against. The daily rollups count returns opened, units
 * returned (received), each disposition, the value recovered (restocked and outlet units at their
 * price), refunds requested and paid (and the milliseconds from request to paid, for the mean).
 * Units sold and returned are also counted per SKU and per supplier (of the SKU's terms) per
 * day × channel — indexed so the most returned SKUs are found among the rows with returns, then
 * their units sold by SKU — and units returned per reason. The projector keeps, per return, the
 * last of its events it has counted, starting from the last event of every return there is: what
 * happened before this migration is not counted, even for a return that changes after it.
 * Never edited once released.
 */
export const returnsMeasures = `
  ALTER TABLE analytics_daily ADD COLUMN returns_opened BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN return_units BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN return_units_restocked BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN return_units_outlet BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN return_units_refurbished BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN return_units_to_vendor BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN return_units_scrapped BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN return_recovered_minor BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN refunds_requested BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN refund_requested_minor BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN refunds_paid BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN refund_paid_minor BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN refund_time_ms BIGINT NOT NULL DEFAULT 0;
  CREATE TABLE analytics_return_skus (
    day BIGINT NOT NULL,
    channel_id {{key}} NOT NULL,
    sku_id {{key}} NOT NULL,
    units_sold BIGINT NOT NULL,
    units_returned BIGINT NOT NULL,
    PRIMARY KEY (day, channel_id, sku_id)
  );
  CREATE INDEX analytics_return_skus_returned ON analytics_return_skus (day, sku_id) WHERE units_returned > 0;
  CREATE INDEX analytics_return_skus_by_sku ON analytics_return_skus (sku_id, day);
  CREATE TABLE analytics_return_suppliers (
    day BIGINT NOT NULL,
    channel_id {{key}} NOT NULL,
    supplier_id {{key}} NOT NULL,
    units_sold BIGINT NOT NULL,
    units_returned BIGINT NOT NULL,
    PRIMARY KEY (day, channel_id, supplier_id)
  );
  CREATE TABLE analytics_return_reasons (
    day BIGINT NOT NULL,
    channel_id {{key}} NOT NULL,
    reason TEXT NOT NULL,
    units BIGINT NOT NULL,
    PRIMARY KEY (day, channel_id, reason)
  );
  CREATE TABLE analytics_return_seen (
    return_id {{key}} PRIMARY KEY,
    after_event_id BIGINT NOT NULL
  );
  INSERT INTO analytics_return_seen (return_id, after_event_id) SELECT return_id, MAX(id) FROM return_events GROUP BY return_id;
`
