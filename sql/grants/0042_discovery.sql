-- 0042_discovery.sql grants: the shop reads the search index and category names and never
-- writes them (an anonymous search writes nothing); the studio and the API write them when a
-- product is saved.
GRANT SELECT ON categories TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON search_products TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON search_words TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON search_word_grams TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON categories TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON search_products TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON search_words TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON search_word_grams TO 'cc_studio'@'127.0.0.1';
-- The API reads a brand's name only to put it in its products' search text.
GRANT SELECT (name) ON brands TO 'cc_api'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON categories TO 'cc_api'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE, DELETE ON search_products TO 'cc_api'@'127.0.0.1';
GRANT SELECT, INSERT ON search_words TO 'cc_api'@'127.0.0.1';
GRANT SELECT, INSERT ON search_word_grams TO 'cc_api'@'127.0.0.1';
