-- 0044_leads_centre.sql grants: the shop sets the status it derives from the answers and writes
-- that to the history; the studio works the lead (status, labels, assignee, notes, history).
GRANT INSERT ON lead_events TO 'cc_shop'@'127.0.0.1';
GRANT UPDATE (status, labels, assignee, status_by_hand) ON leads TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON lead_notes TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON lead_events TO 'cc_studio'@'127.0.0.1';
-- Erasure (the brand's, and the shopper's own from the confirmation mail's link) tells the CRM.
GRANT INSERT ON webhook_deliveries TO 'cc_studio'@'127.0.0.1';
GRANT DELETE ON leads TO 'cc_shop'@'127.0.0.1';
-- An erased lead's other deliveries (its answers in their payloads) are deleted with it: a
-- delivery's lead_id has no foreign key, so no cascade does it.
GRANT SELECT (lead_id), DELETE ON webhook_deliveries TO 'cc_shop'@'127.0.0.1';
GRANT DELETE ON webhook_deliveries TO 'cc_studio'@'127.0.0.1';
-- Appointments: the shop books and frees slots; the studio reads them (the brand's .ics).
GRANT SELECT, INSERT, DELETE ON lead_bookings TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON lead_bookings TO 'cc_studio'@'127.0.0.1';
