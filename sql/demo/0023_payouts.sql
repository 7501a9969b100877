-- crowdcart demo data for payouts: northwind pays creators monthly over 25.00 USD, has lena's tax
-- form, and lena is paid through PayPal; marco's form has not arrived, so he shows as held. The
-- demo's ledger rows are chained by crowdcartctl demo after this file (docs/CREATORS.md).
INSERT INTO brand_payout_settings (brand_id, threshold_minor, schedule, updated_at)
  VALUES (1, 2500, 'monthly', UTC_TIMESTAMP());
INSERT INTO creator_tax_forms (brand_id, creator_id, received_at, recorded_by)
  SELECT 1, id, UTC_TIMESTAMP(), 2 FROM creators WHERE handle = 'lena';
INSERT INTO creator_payout_details (creator_id, method, paypal_email, updated_at)
  SELECT id, 'paypal', 'lena@demo.crowdcart.test', UTC_TIMESTAMP() FROM creators WHERE handle = 'lena';
