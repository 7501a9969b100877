-- 0037_sign_in_networks.sql grants: the studio signs people in and deletes accounts; the shop has
-- no use for the table.
GRANT SELECT, INSERT, UPDATE, DELETE ON account_networks TO 'cc_studio'@'127.0.0.1';
