-- grants.sql: least-privilege table grants, applied by root after the migrations on every start.
-- Plain GRANT statements only, so applying it again changes nothing. The accounts must already
-- exist (they are created with their passwords before this runs). Table names are unqualified:
-- run this with the crowdcart database selected as the default database.
--
-- cc_shop runs the public shop (storefronts, collections, product pages). It only ever reads the
-- catalog, the creators and their picks and collections, so it gets SELECT on those and nothing
-- more. From users it may read only id, display_name and role (column-level grant), never email
-- or password_hash, so a bug in the shop cannot leak credentials. It keeps anonymous and signed-in
-- sessions, so it may read, create, touch and expire rows in sessions. It has no access at all to
-- login_failures, and cannot change any catalog or account row.
--
-- cc_studio runs sign-up, log-in and the studio where brands edit catalogs and creators edit
-- profiles, picks and collections. It reads, creates and updates users (sign-up, log-in, profile
-- and password changes) but may not DELETE users. It manages sessions and the log-in throttle in
-- login_failures, and needs full row access to the catalog, creator and collection tables that
-- the studio edits. Neither account gets any DDL, GRANT OPTION or server-wide privilege.

GRANT SELECT ON brands TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON creators TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON creator_links TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON products TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON product_options TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON variants TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON product_images TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON picks TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON collections TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON collection_items TO 'cc_shop'@'127.0.0.1';
GRANT SELECT (id, display_name, role) ON users TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO 'cc_shop'@'127.0.0.1';

GRANT SELECT, INSERT, UPDATE ON users TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON login_failures TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON creators TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON creator_links TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON brands TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON products TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON product_options TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON variants TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON product_images TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON picks TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON collections TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON collection_items TO 'cc_studio'@'127.0.0.1';
