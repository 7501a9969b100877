-- 0033_totp.sql grants: the studio signs people in and sets up their second factor; the shop has
-- none of these tables.
GRANT SELECT, INSERT, UPDATE, DELETE ON account_totp TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON account_recovery_codes TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON login_second_steps TO 'cc_studio'@'127.0.0.1';
