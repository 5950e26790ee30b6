/**
 * Migration 7: signed webhooks — endpoints (their secrets encrypted), one delivery per endpoint
 * per event (fanned out from the outbox), each delivery's attempts, and the fan-out's cursor.
 * Never edited once released.
 */
export const webhooks = `
  CREATE TABLE webhook_endpoints (
    id {{key}} PRIMARY KEY,
    channel_id {{key}},
    url TEXT NOT NULL,
    description TEXT NOT NULL,
    topics TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    disabled_reason TEXT,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_until BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX webhook_endpoints_by_channel ON webhook_endpoints (channel_id, id);
  CREATE TABLE webhook_deliveries (
    id {{key}} PRIMARY KEY,
    endpoint_id {{key}} NOT NULL,
    event_id BIGINT NOT NULL,
    topic TEXT NOT NULL,
    subject TEXT,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    round_attempts INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (endpoint_id, event_id)
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
  CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, id);
  CREATE INDEX webhook_deliveries_by_subject ON webhook_deliveries (endpoint_id, subject, event_id);
  -- "Is an earlier delivery of this subject still pending?" is asked of every due delivery: only pending rows, so it does not grow with the log.
  CREATE INDEX webhook_deliveries_pending_by_subject ON webhook_deliveries (endpoint_id, subject, event_id) WHERE status = 'pending';
  CREATE TABLE webhook_attempts (
    id {{serial}},
    delivery_id {{key}} NOT NULL,
    at BIGINT NOT NULL,
    http_status INTEGER,
    duration_ms BIGINT NOT NULL,
    error TEXT
  );
  CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);
  CREATE TABLE webhook_cursor (
    name TEXT PRIMARY KEY,
    after_id BIGINT NOT NULL
  );
`
