-- 0014_domain_checks.sql: automatic DNS verification of brand domains (issue 6). crowdcartctl
-- (worker or `domains check`) looks up the TXT record and keeps here when it checked, what it found
-- in plain words, and when to check again; the studio may only ask for a check sooner.
ALTER TABLE brand_domains
  -- NULL: never checked, so due at once; the studio's "Check now" may move it to now, never later
  ADD COLUMN IF NOT EXISTS next_check_at DATETIME NULL,
  -- the last "Check now", which may come at most every 30 s per domain
  ADD COLUMN IF NOT EXISTS check_requested_at DATETIME NULL,
  -- a worker (on any node) claims the row until then, so no two check the same domain at once
  ADD COLUMN IF NOT EXISTS check_lease_until DATETIME NULL,
  ADD COLUMN IF NOT EXISTS checked_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS check_result VARCHAR(400) NOT NULL DEFAULT '',
  -- checks that did not find the record since the domain was added or last verified (the backoff)
  ADD COLUMN IF NOT EXISTS check_failures INT UNSIGNED NOT NULL DEFAULT 0,
  -- while verified: re-checks in a row that found the record missing, and the first one's time
  ADD COLUMN IF NOT EXISTS missing_checks INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS missing_since DATETIME NULL,
  -- when and why the checks withdrew a verification (cleared when the domain is verified again)
  ADD COLUMN IF NOT EXISTS lost_at DATETIME NULL,
  ADD COLUMN IF NOT EXISTS lost_reason VARCHAR(400) NOT NULL DEFAULT '',
  ALGORITHM=INSTANT;
-- The key apart from the columns: in the same ALTER, MariaDB would rebuild the table.
ALTER TABLE brand_domains ADD KEY IF NOT EXISTS brand_domains_next_check (next_check_at), ALGORITHM=NOCOPY, LOCK=NONE;
