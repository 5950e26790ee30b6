/**
 * Migration 11: a lock may name the channel it ring-fences stock for (null: a plain lock), and
 * the engine finds a position's active fences by an index. Never edited once released.
 */
export const channelLocks = `
  ALTER TABLE locks ADD COLUMN channel_id TEXT;
  CREATE INDEX locks_fences ON locks (sku_id, node_id) WHERE status = 'active' AND channel_id IS NOT NULL;
`
