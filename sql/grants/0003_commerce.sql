-- 0003_commerce.sql grants: least privilege for carts, checkout, orders and the ledger.
-- cc_shop keeps carts, places orders (checkouts, orders, lines, events, accruals, payments,
-- outbox mail), decrements stock (the stock columns only) and marks orders paid from a signed
-- payment webhook (status columns only). It never deletes an order, a line or a ledger entry.
-- cc_studio's rights on these tables (brand fulfilment) are granted, narrowly, by
-- sql/grants/0006_fulfilment.sql.

GRANT UPDATE (stock) ON variants TO 'cc_shop'@'127.0.0.1';
GRANT UPDATE (stock_total) ON products TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON carts TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON cart_items TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT ON checkouts TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT ON orders TO 'cc_shop'@'127.0.0.1';
GRANT UPDATE (status, paid_at, updated_at) ON orders TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT ON order_lines TO 'cc_shop'@'127.0.0.1';
GRANT INSERT ON order_events TO 'cc_shop'@'127.0.0.1';
GRANT INSERT ON commission_entries TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT ON payments TO 'cc_shop'@'127.0.0.1';
GRANT UPDATE (status, updated_at) ON payments TO 'cc_shop'@'127.0.0.1';
GRANT INSERT ON outbox TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, DELETE ON order_lookup_attempts TO 'cc_shop'@'127.0.0.1';

