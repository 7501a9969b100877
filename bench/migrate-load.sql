-- migrate-load.sql: bench/migrate.sh's bulk load into a database migrated to 0012 (before the last
-- migrations that alter the order tables): one brand, product and creator, @orders orders in
-- their own checkouts, four lines each (half credited to the creator with 10 % commission, as
-- sales through a storefront are), and an accrual per credited line. Generated inside MariaDB
-- from its sequence engine (seq_1_to_N), so a million lines load without a client in the loop.
-- The caller sets @orders (lines = 4 x @orders).
INSERT INTO users (email, password_hash, display_name, role)
  VALUES ('bench-owner@bench.crowdcart.test', '!bench', 'Bench owner', 'brand');
SET @owner = LAST_INSERT_ID();
INSERT INTO brands (slug, name, description, owner_user_id, currency)
  VALUES ('bench-migrate', 'Bench brand', '', @owner, 'EUR');
SET @brand = LAST_INSERT_ID();
INSERT INTO creators (handle, display_name, bio) VALUES ('benchcreator', 'Bench creator', '');
SET @creator = LAST_INSERT_ID();
INSERT INTO products (brand_id, handle, title, description_html, price_min, currency, stock_total)
  VALUES (@brand, 'bench-mug', 'Bench mug', '', 1500, 'EUR', 1000000);
SET @product = LAST_INSERT_ID();
INSERT INTO variants (product_id, sku, price, currency, stock) VALUES (@product, 'BENCH', 1500, 'EUR', 1000000);
SET @variant = LAST_INSERT_ID();

SET @sql = CONCAT('INSERT INTO checkouts (public_ref, idem_hash, email, payment_provider, created_at)',
  ' SELECT LPAD(seq, 26, ''0''), UNHEX(SHA2(CONCAT(''bench'', seq), 256)),',
  ' CONCAT(''buyer'', seq MOD 20000, ''@bench.crowdcart.test''), ''offline'',',
  ' UTC_TIMESTAMP() - INTERVAL seq MINUTE FROM seq_1_to_', @orders);
PREPARE load_checkouts FROM @sql;
EXECUTE load_checkouts;

INSERT INTO orders (number, checkout_id, brand_id, status, email, ship_name, ship_line1, ship_city,
    ship_postal, ship_country, currency, subtotal, shipping, tax, total, payment_provider, created_at,
    updated_at, paid_at)
  SELECT CONCAT('B', LPAD(c.id, 19, '0')), c.id, @brand, 'paid', c.email, 'Bench buyer', '1 Bench Street',
    'Bench City', '10000', 'DE', 'EUR', 6000, 500, 0, 6500, 'offline', c.created_at, c.created_at, c.created_at
  FROM checkouts c WHERE c.public_ref LIKE '0%';

INSERT INTO order_lines (order_id, product_id, variant_id, title, sku, unit_price, quantity, line_total,
    creator_id, surface, commission_bps, commission_amount)
  SELECT o.id, @product, @variant, 'Bench mug', 'BENCH', 1500, 1, 1500,
    IF(s.seq MOD 2 = 0, @creator, NULL), IF(s.seq MOD 2 = 0, 'storefront', ''),
    IF(s.seq MOD 2 = 0, 1000, 0), IF(s.seq MOD 2 = 0, 150, 0)
  FROM orders o JOIN seq_1_to_4 s WHERE o.brand_id = @brand;

INSERT INTO commission_entries (order_line_id, creator_id, brand_id, amount, currency, kind, created_at)
  SELECT l.id, @creator, @brand, l.commission_amount, 'EUR', 'accrual', o.created_at
  FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.creator_id = @creator;
