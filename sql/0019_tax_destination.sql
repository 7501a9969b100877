-- 0019_tax_destination.sql: tax and shipping by destination. A brand's tax table maps a country
-- (and optionally a region of it, such as a US state) to a rate; a destination without a row
-- takes brands.tax_rate_bps, which becomes the brand's default rate. prices_include_tax says
-- whether the brand's prices hold the tax (EU style) or exclude it (US style). Shipping rates
-- per country or per zone ('EU': the member states), with brands.shipping_flat_rate as the
-- default. An order keeps how its tax was charged, so it prints the tax line truthfully later.
ALTER TABLE brands
  ADD COLUMN IF NOT EXISTS prices_include_tax TINYINT(1) NOT NULL DEFAULT 0;

-- region '' is the whole country; a region row wins over the country's row.
CREATE TABLE IF NOT EXISTS brand_tax_rates (
  brand_id BIGINT UNSIGNED NOT NULL,
  country CHAR(2) CHARACTER SET ascii NOT NULL,
  region VARCHAR(3) CHARACTER SET ascii NOT NULL DEFAULT '',
  rate_bps INT UNSIGNED NOT NULL,
  PRIMARY KEY (brand_id, country, region),
  CONSTRAINT brand_tax_rates_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE,
  CONSTRAINT brand_tax_rates_range CHECK (rate_bps <= 10000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- dest is a country code or a zone code; a country's row wins over its zone's.
CREATE TABLE IF NOT EXISTS brand_shipping_rates (
  brand_id BIGINT UNSIGNED NOT NULL,
  dest CHAR(2) CHARACTER SET ascii NOT NULL,
  rate BIGINT NOT NULL,
  PRIMARY KEY (brand_id, dest),
  CONSTRAINT brand_shipping_rates_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE,
  CONSTRAINT brand_shipping_rates_range CHECK (rate >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- With prices_include_tax, subtotal and shipping are stored net of the tax they include and tax
-- is that included tax (total = subtotal + shipping + tax still holds); shipping_tax is the part
-- of tax on shipping, so the gross amounts the shopper saw can be shown again. tax_region is the
-- region whose rate applied ('' for the country's or the default rate).
ALTER TABLE orders
  ADD COLUMN IF NOT EXISTS prices_include_tax TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS shipping_tax BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS tax_region VARCHAR(3) CHARACTER SET ascii NOT NULL DEFAULT '';
