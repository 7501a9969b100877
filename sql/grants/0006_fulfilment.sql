-- 0006_fulfilment.sql grants: exactly what brand fulfilment in the studio (src/studio/orders_*.c)
-- reads and writes, so it keeps working if broader grants elsewhere are narrowed. cc_studio reads
-- a brand's orders, lines, events and ledger; moves an order (status, the revision of
-- 0006_fulfilment.sql, timestamps, carrier and tracking, refunded total); records refunds per
-- line; appends events and commission reversals; updates the order's payment status; restocks
-- on cancel (variants.stock, products.stock_total: already granted in grants.sql); queues the
-- shopper's mail about each move in the outbox. No DELETE.
GRANT SELECT ON orders TO 'cc_studio'@'127.0.0.1';
GRANT UPDATE (status, revision, updated_at, paid_at, shipped_at, delivered_at, cancelled_at, carrier,
  tracking_number, refunded_total) ON orders TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON order_lines TO 'cc_studio'@'127.0.0.1';
GRANT UPDATE (refunded_quantity, refunded_amount) ON order_lines TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON order_events TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON commission_entries TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON payments TO 'cc_studio'@'127.0.0.1';
GRANT UPDATE (status, updated_at) ON payments TO 'cc_studio'@'127.0.0.1';
GRANT INSERT ON outbox TO 'cc_studio'@'127.0.0.1';
