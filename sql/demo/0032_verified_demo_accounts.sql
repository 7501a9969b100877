-- crowdcart demo data: the demo accounts have verified their addresses, so the demo brands can
-- open their catalogs and the demo creators can be paid. Running it again changes nothing.
UPDATE users SET email_verified_at = created_at
  WHERE email LIKE '%demo.crowdcart.test' AND email_verified_at IS NULL;
