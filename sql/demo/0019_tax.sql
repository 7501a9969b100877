-- crowdcart demo data for tax and shipping by destination (docs/CHECKOUT.md). Northwind (USD)
-- prices exclude tax, US style: sales tax by state where it ships most, the default rate
-- elsewhere; Canada and the EU cost more to ship. Atelier Lumen (EUR) prices include VAT, EU
-- style: each member state's standard rate, Portugal's as the default; shipping is cheapest at
-- home in Portugal, then the EU zone, then the rest of the world. Fernhill keeps one flat rate
-- and no tax.
UPDATE brands SET prices_include_tax = 0 WHERE slug = 'northwind';
UPDATE brands SET prices_include_tax = 1, tax_rate_bps = 2300, shipping_flat_rate = 1500 WHERE slug = 'atelier-lumen';

INSERT INTO brand_tax_rates (brand_id, country, region, rate_bps)
SELECT b.id, r.country, r.region, r.rate_bps FROM brands b JOIN (
  SELECT 'US' AS country, 'CA' AS region, 725 AS rate_bps UNION ALL SELECT 'US', 'NY', 400
  UNION ALL SELECT 'US', 'WA', 650 UNION ALL SELECT 'US', 'TX', 625 UNION ALL SELECT 'US', 'IL', 625
  UNION ALL SELECT 'US', 'MT', 0
) r WHERE b.slug = 'northwind'
ON DUPLICATE KEY UPDATE rate_bps = VALUES(rate_bps);

INSERT INTO brand_tax_rates (brand_id, country, region, rate_bps)
SELECT b.id, r.country, '', r.rate_bps FROM brands b JOIN (
  SELECT 'AT' AS country, 2000 AS rate_bps UNION ALL SELECT 'BE', 2100 UNION ALL SELECT 'BG', 2000
  UNION ALL SELECT 'HR', 2500 UNION ALL SELECT 'CY', 1900 UNION ALL SELECT 'CZ', 2100
  UNION ALL SELECT 'DK', 2500 UNION ALL SELECT 'EE', 2200 UNION ALL SELECT 'FI', 2550
  UNION ALL SELECT 'FR', 2000 UNION ALL SELECT 'DE', 1900 UNION ALL SELECT 'GR', 2400
  UNION ALL SELECT 'HU', 2700 UNION ALL SELECT 'IE', 2300 UNION ALL SELECT 'IT', 2200
  UNION ALL SELECT 'LV', 2100 UNION ALL SELECT 'LT', 2100 UNION ALL SELECT 'LU', 1700
  UNION ALL SELECT 'MT', 1800 UNION ALL SELECT 'NL', 2100 UNION ALL SELECT 'PL', 2300
  UNION ALL SELECT 'PT', 2300 UNION ALL SELECT 'RO', 1900 UNION ALL SELECT 'SK', 2300
  UNION ALL SELECT 'SI', 2200 UNION ALL SELECT 'ES', 2100 UNION ALL SELECT 'SE', 2500
) r WHERE b.slug = 'atelier-lumen'
ON DUPLICATE KEY UPDATE rate_bps = VALUES(rate_bps);

INSERT INTO brand_shipping_rates (brand_id, dest, rate)
SELECT b.id, r.dest, r.rate FROM brands b JOIN (
  SELECT 'northwind' AS slug, 'CA' AS dest, 1200 AS rate UNION ALL SELECT 'northwind', 'EU', 2500
  UNION ALL SELECT 'atelier-lumen', 'PT', 500 UNION ALL SELECT 'atelier-lumen', 'EU', 900
) r ON r.slug = b.slug
ON DUPLICATE KEY UPDATE rate = VALUES(rate);
