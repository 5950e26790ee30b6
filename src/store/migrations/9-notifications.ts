/**
 * Migration 9: customer notifications — each notification rendered and requested once per order ×
 * kind × trigger, the merchant's templates (the default level and per channel, per language), and
 * the cursors of the projector and the sweeps. Never edited once released.
 */
export const notifications = `
  CREATE TABLE notifications (
    id {{key}} PRIMARY KEY,
    order_id {{key}} NOT NULL,
    channel_id {{key}} NOT NULL,
    customer_id TEXT,
    kind TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    trigger_key TEXT NOT NULL,
    message_id {{key}},
    missing TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (order_id, kind, trigger_key)
  );
  CREATE INDEX notifications_by_message ON notifications (message_id) WHERE message_id IS NOT NULL;
  CREATE TABLE notification_templates (
    kind TEXT NOT NULL,
    channel_id {{key}} NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (kind, channel_id, language)
  );
  CREATE TABLE notification_cursor (
    name TEXT PRIMARY KEY,
    after_id BIGINT NOT NULL,
    after_key TEXT NOT NULL
  );
`
