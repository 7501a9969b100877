-- 0020_commission_rules.sql grants: the studio writes a creator's notices when a brand cuts a rate
-- and shows them on the creator's picks page; the shop only reads brands and picks (granted).
GRANT SELECT, INSERT ON creator_notices TO 'cc_studio'@'127.0.0.1';
