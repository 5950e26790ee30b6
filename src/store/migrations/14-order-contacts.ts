/**
 * Migration 14: the customer's personal data on an order (who it ships to, or who collects it),
 * one row per order, sealed with AES-256-GCM; `key_id` names the key that sealed it, so a
 * rotation finds what is left to re-seal by the index. Never edited once released.
 */
export const orderContacts = `
  CREATE TABLE order_contacts (
    order_id {{key}} PRIMARY KEY,
    key_id {{key}} NOT NULL,
    sealed TEXT NOT NULL,
    sealed_at BIGINT NOT NULL
  );
  CREATE INDEX order_contacts_key ON order_contacts (key_id, order_id);
`
