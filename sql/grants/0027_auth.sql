-- 0027_auth.sql grants: the studio signs people in, so it keeps the throttle rows, the one-time
-- links and the link requests; the shop has none of them. Sessions are already granted to both.
GRANT SELECT, INSERT, DELETE ON sign_in_failures TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON account_tokens TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, DELETE ON account_mail_requests TO 'cc_studio'@'127.0.0.1';
