/**
 * Migration 17: what pickups are measured against. The daily rollups count pickups made ready
 * (and the milliseconds they took from their shipment's creation, for the mean), collected and
 * expired; the ready times are also counted per quarter-hour bucket per day × channel, for the
 * percentiles. Pickups that happened before this migration are not counted. Never edited once released.
 */
export const pickupMeasures = `
  ALTER TABLE analytics_daily ADD COLUMN pickups_ready BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN pickup_ready_ms BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN pickups_collected BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE analytics_daily ADD COLUMN pickups_expired BIGINT NOT NULL DEFAULT 0;
  CREATE TABLE analytics_pickup_ready (
    day BIGINT NOT NULL,
    channel_id {{key}} NOT NULL,
    bucket INTEGER NOT NULL,
    pickups BIGINT NOT NULL,
    PRIMARY KEY (day, channel_id, bucket)
  );
`
