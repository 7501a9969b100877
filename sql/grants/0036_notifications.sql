-- 0036_notifications.sql grants: the studio keeps each account's notification switches (its
-- settings page) and reads them when it queues a notice; the shop turns a kind off from a
-- one-click unsubscribe link, and reads the switches for the notices of a paid order.
GRANT SELECT, INSERT, UPDATE ON notification_prefs TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON notification_prefs TO 'cc_shop'@'127.0.0.1';
