-- 0024_code_release.sql: a discount code's use comes back when the order that took it is
-- cancelled or its payment fails; the redemption row stays (append-only history) and says when
-- its use was given back. Per-customer limits count only redemptions still holding a use.
ALTER TABLE discount_redemptions
  ADD COLUMN IF NOT EXISTS released_at DATETIME NULL;
