-- 0023_payouts.sql grants: every program that appends to the commission ledger locks and moves
-- its brand's chain head; the studio runs payouts and reads the last ledger check. No program
-- may UPDATE or DELETE commission_entries: the ledger is append-only.
GRANT SELECT, INSERT, UPDATE ON ledger_heads TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON ledger_heads TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON ledger_checks TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON brand_payout_settings TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON creator_payout_details TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON creator_tax_forms TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON payout_batches TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, DELETE ON payout_lines TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, DELETE ON payout_items TO 'cc_studio'@'127.0.0.1';
