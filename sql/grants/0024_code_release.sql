-- 0024_code_release.sql grants: the shop (a hosted payment that failed) and the studio (a brand
-- cancelling an order) give a code's use back; crowdcartctl's hold release runs as the admin.
GRANT UPDATE (released_at) ON discount_redemptions TO 'cc_shop'@'127.0.0.1';
GRANT UPDATE (released_at) ON discount_redemptions TO 'cc_studio'@'127.0.0.1';
