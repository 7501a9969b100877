-- 0012_catalog_fixes.sql grants: creators delete their own short links in the studio (the
-- handler scopes the DELETE to the signed-in creator).
GRANT DELETE ON short_links TO 'cc_studio'@'127.0.0.1';
