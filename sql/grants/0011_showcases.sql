-- 0011_showcases.sql grants: the shop reads showcases to show them; the studio manages them.
GRANT SELECT ON showcases TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON showcases TO 'cc_studio'@'127.0.0.1';
