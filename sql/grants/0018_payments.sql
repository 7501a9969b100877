-- 0018_payments.sql grants: the shop starts and settles hosted payments (its payment session,
-- the deduplicated events, the orders' status, stock back on failure, stock taken again for a
-- late payment, the refund-needed flag); the studio reads them and records provider refunds.
GRANT SELECT, INSERT ON payment_sessions TO 'cc_shop'@'127.0.0.1';
GRANT UPDATE (session_id, pay_url, payment_id, status, updated_at) ON payment_sessions TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT ON payment_events TO 'cc_shop'@'127.0.0.1';
GRANT UPDATE (refund_needed) ON orders TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON payment_sessions TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON payment_refunds TO 'cc_studio'@'127.0.0.1';
GRANT UPDATE (status, provider_refund_id, message, updated_at) ON payment_refunds TO 'cc_studio'@'127.0.0.1';
-- accruals are written at paid, once per line (domain/creators/accrual.c looks for one first)
GRANT SELECT (order_line_id, kind) ON commission_entries TO 'cc_shop'@'127.0.0.1';
