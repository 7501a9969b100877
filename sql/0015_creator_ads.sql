-- 0015_creator_ads.sql: creators make their own collection ads (issue 6). created_by says who owns
-- an ad: 'brand' (the brand's own, as before; creator_id is the creator it credits) or 'creator'
-- (made by creator_id from their approved picks of brand_id's products; the brand may only take it
-- down). 'blocked' is the state a brand's take-down leaves a creator's ad in: not public, and the
-- creator cannot change it; blocked_at is when, for both studios to show.
ALTER TABLE ads ADD COLUMN IF NOT EXISTS created_by ENUM('brand','creator') NOT NULL DEFAULT 'brand' AFTER creator_id;
ALTER TABLE ads MODIFY COLUMN state ENUM('draft','live','blocked') NOT NULL DEFAULT 'draft';
ALTER TABLE ads ADD COLUMN IF NOT EXISTS blocked_at DATETIME NULL AFTER state;
