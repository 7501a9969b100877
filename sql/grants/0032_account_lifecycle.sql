-- 0032_account_lifecycle.sql grants: the studio keeps what a signed-in person follows and saves
-- (the buttons on shop pages post to the studio); the shop has none of it, so a storefront view
-- never reads or writes them.
GRANT SELECT, INSERT, UPDATE, DELETE ON creator_follows TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_products TO 'cc_studio'@'127.0.0.1';
-- A deleted creator's payout details (a PayPal address, a sealed IBAN) are personal data with no
-- use left: the account's deletion removes them.
GRANT DELETE ON creator_payout_details TO 'cc_studio'@'127.0.0.1';
