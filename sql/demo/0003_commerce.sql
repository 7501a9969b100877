-- crowdcart demo data for checkout: each demo brand's flat shipping rate (minor units of its
-- currency) and tax rate (basis points, charged on subtotal + shipping, rounded half up per order).
UPDATE brands SET shipping_flat_rate = 500, tax_rate_bps = 825 WHERE slug = 'northwind';
UPDATE brands SET shipping_flat_rate = 700, tax_rate_bps = 0 WHERE slug = 'fernhill';
UPDATE brands SET shipping_flat_rate = 900, tax_rate_bps = 2300 WHERE slug = 'atelier-lumen';
