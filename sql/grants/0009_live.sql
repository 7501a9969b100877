-- 0009_live.sql grants: the shop shows sessions and takes viewers' questions, votes and reminders
-- (each with its event, so it bumps last_seq); the studio schedules and runs sessions, answers,
-- hides and blocks, and queues reminders into the outbox (already granted) at go-live. No DELETE.
GRANT SELECT, UPDATE (last_seq) ON live_sessions TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON live_lineup TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT ON live_events TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON live_pins TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE ON live_viewers TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT, UPDATE (votes) ON live_questions TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT ON live_question_votes TO 'cc_shop'@'127.0.0.1';
GRANT SELECT ON live_blocks TO 'cc_shop'@'127.0.0.1';
GRANT SELECT, INSERT ON live_reminders TO 'cc_shop'@'127.0.0.1';

GRANT SELECT, INSERT, UPDATE ON live_sessions TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON live_lineup TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON live_events TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON live_pins TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, UPDATE (answer, answered, hidden) ON live_questions TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT ON live_blocks TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, UPDATE (queued_at) ON live_reminders TO 'cc_studio'@'127.0.0.1';
