-- 0021_discount_codes.sql grants: the shop reads codes, keeps the codes typed into carts, counts
-- a use (the uses column only) and records redemptions with the order; the studio (brands)
-- makes, edits and disables codes and reads their uses. Neither deletes a redemption.
GRANT SELECT ON discount_codes TO 'cc_shop'@'127.0.0.1';
GRANT UPDATE (uses) ON discount_codes TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, DELETE ON cart_codes TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT ON discount_redemptions TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON discount_codes TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON discount_redemptions TO 'cc_studio'@'127.0.0.1';
