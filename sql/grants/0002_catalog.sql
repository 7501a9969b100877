-- 0002_catalog.sql grants: the studio's catalog upload writes the catalog tables (already granted
-- in grants.sql) and records and reads its import reports. The shop never sees import_runs.
GRANT SELECT, INSERT ON import_runs TO 'cc_studio'@'127.0.0.1';
