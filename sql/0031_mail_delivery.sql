-- 0031_mail_delivery.sql: mail delivery with retries and dead letters. A temporary failure (an
-- SMTP 4xx, a refused connection) schedules the next attempt with backoff (next_attempt_at); a
-- permanent one (5xx) or too many attempts leaves the mail 'dead' for the operator
-- (crowdcartctl mail --dead), with last_error saying why. 'failed', the old name of that end,
-- becomes 'dead'. kind tells transactional mail from mail the recipient asked for and may stop
-- (a live reminder): only the latter carries List-Unsubscribe, to unsubscribe_url when set.
ALTER TABLE outbox
  ADD COLUMN IF NOT EXISTS kind ENUM('transactional','reminder') NOT NULL DEFAULT 'transactional',
  ADD COLUMN IF NOT EXISTS unsubscribe_url VARCHAR(512) NULL,
  ADD COLUMN IF NOT EXISTS next_attempt_at DATETIME NULL,
  MODIFY status ENUM('pending','sent','failed','dead') NOT NULL DEFAULT 'pending';
UPDATE outbox SET status = 'dead' WHERE status = 'failed';
-- 'failed' stays in the type, unused: taking a value out of an ENUM copies the whole table while
-- the running release still writes to it (docs/UPGRADING.md).
-- The sender reads due mail by (status, next_attempt_at); a NULL next_attempt_at is due now.
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
