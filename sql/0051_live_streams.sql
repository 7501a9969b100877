-- 0051_live_streams.sql: going live from an encoder (docs/LIVE_STREAMING.md). A session's stream
-- key is 32 random bytes shown to its creator once; only its BLAKE2b-256 hash is kept, and a
-- revoked key is a NULL hash (unique keys, so the publish callback finds the session by the hash
-- alone). publishing_at is set while an encoder's stream is on (publish to publish done): a second
-- encoder with the same key is refused meanwhile. The recording the streaming server wrote (a file name in live_record_dir) waits as
-- replay 'pending' until crowdcartctl worker remuxes it into media_dir and sets the replay address.
CREATE TABLE IF NOT EXISTS live_streams (
  session_id BIGINT UNSIGNED NOT NULL,
  key_hash BINARY(32) NULL,
  key_created_at DATETIME NULL,
  publishing_at DATETIME NULL,
  recording VARCHAR(100) NOT NULL DEFAULT '',
  replay_state ENUM('none','pending','done','failed') NOT NULL DEFAULT 'none',
  replay_attempts INT UNSIGNED NOT NULL DEFAULT 0,
  replay_next_at DATETIME NULL,
  PRIMARY KEY (session_id),
  UNIQUE KEY live_streams_key (key_hash),
  KEY live_streams_replay (replay_state, replay_next_at),
  CONSTRAINT live_streams_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
