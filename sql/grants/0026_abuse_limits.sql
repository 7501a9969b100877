-- 0026_abuse_limits.sql grants: the shop counts its anonymous actions in abuse_hits (and purges
-- old windows), and takes "remind me" through its confirmation and its stop link; the studio
-- already reads live_reminders to queue confirmed ones at go-live.
GRANT SELECT, INSERT, UPDATE, DELETE ON abuse_hits TO 'cc_shop'@'127.0.0.1';
GRANT UPDATE (confirm_hash, confirm_expires_at, confirmed_at, unsubscribe_token, unsubscribed_at, created_at)
  ON live_reminders TO 'cc_shop'@'127.0.0.1';
