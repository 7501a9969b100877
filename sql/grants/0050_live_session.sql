-- 0050_live_session.sql grants: the shop takes chat, poll votes, reactions, heartbeats and deal
-- claims (and marks claims placed at checkout); the studio pins, unpins and reorders, runs deals
-- and polls, moderates chat. No DELETE. Upserts (ON DUPLICATE KEY UPDATE) need UPDATE on every
-- column of the key, so those three tables are granted whole.
GRANT SELECT, INSERT ON live_chat TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON live_polls TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT ON live_poll_votes TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON live_reactions TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON live_presence TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON live_deals TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON live_deal_claims TO 'cc_shop'@'127.0.0.1';

GRANT UPDATE (unpinned_at, slot) ON live_pins TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, UPDATE (hidden) ON live_chat TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE (closed_at) ON live_polls TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON live_poll_votes TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON live_reactions TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON live_presence TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE (ends_at) ON live_deals TO 'cc_studio'@'127.0.0.1';
GRANT SELECT ON live_deal_claims TO 'cc_studio'@'127.0.0.1';
