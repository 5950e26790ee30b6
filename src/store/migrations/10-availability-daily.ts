/**
 * Migration 10: availability changes counted per UTC day and channel, written by the availability
 * projector in the transaction that stamps them, so the analytics measure "deltas in the period"
 * reads at most 90 rows per channel instead of counting outbox events. Never edited once released.
 */
export const availabilityDaily = `
  CREATE TABLE availability_daily (
    channel_id {{key}} NOT NULL,
    day BIGINT NOT NULL,
    deltas BIGINT NOT NULL,
    PRIMARY KEY (channel_id, day)
  );
`
