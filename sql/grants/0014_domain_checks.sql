-- 0014_domain_checks.sql grants: the studio's "Check now" may bring a domain's next check forward and
-- note when it asked; it writes no other column of brand_domains (never verified_at nor a result:
-- crowdcartctl does those with the owner account). The shop's SELECT on the table is unchanged.
GRANT UPDATE (next_check_at, check_requested_at) ON brand_domains TO 'cc_studio'@'127.0.0.1';
