-- 0009_live.sql: live shopping (issue 7): a creator's session (scheduled -> live -> ended) with a
-- product lineup, the pin history, viewers' questions with votes and answers, blocked viewers,
-- "remind me" addresses, and the event log viewers poll. Ordering never relies on
-- auto-increment (Galera): each event takes the next live_sessions.last_seq inside the
-- transaction that makes the change, so (session_id, seq) is gap-free and in commit order.
-- A viewer is a 32-byte key: BLAKE2b of the user id when signed in, else the session token hash.
CREATE TABLE IF NOT EXISTS live_sessions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  creator_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(200) NOT NULL,
  starts_at DATETIME NOT NULL,
  stream_url VARCHAR(500) NOT NULL,
  replay_url VARCHAR(500) NOT NULL DEFAULT '',
  blocked_words VARCHAR(1000) NOT NULL DEFAULT '',
  state ENUM('scheduled','live','ended') NOT NULL DEFAULT 'scheduled',
  started_at DATETIME(3) NULL,
  ended_at DATETIME(3) NULL,
  last_seq BIGINT UNSIGNED NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  KEY live_sessions_creator (creator_id, starts_at),
  KEY live_sessions_state (state, starts_at),
  CONSTRAINT live_sessions_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS live_lineup (
  session_id BIGINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL,
  PRIMARY KEY (session_id, product_id),
  KEY live_lineup_product (product_id),
  CONSTRAINT live_lineup_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE,
  CONSTRAINT live_lineup_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What viewers poll: kind says which table ref_id points into (live_questions for question,
-- answer, vote and hide; live_pins for pin; nothing for state).
CREATE TABLE IF NOT EXISTS live_events (
  session_id BIGINT UNSIGNED NOT NULL,
  seq BIGINT UNSIGNED NOT NULL,
  kind ENUM('state','pin','question','answer','vote','hide') NOT NULL,
  ref_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (session_id, seq),
  CONSTRAINT live_events_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS live_pins (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  session_id BIGINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NOT NULL,
  pinned_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  KEY live_pins_session (session_id, pinned_at),
  KEY live_pins_product (product_id),
  CONSTRAINT live_pins_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE,
  CONSTRAINT live_pins_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The display name an anonymous viewer chose, bound to their session for this live session; its
-- row is also what a question's transaction locks to count the viewer's rate limit.
CREATE TABLE IF NOT EXISTS live_viewers (
  session_id BIGINT UNSIGNED NOT NULL,
  viewer_key BINARY(32) NOT NULL,
  display_name VARCHAR(60) NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (session_id, viewer_key),
  CONSTRAINT live_viewers_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS live_questions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  session_id BIGINT UNSIGNED NOT NULL,
  viewer_key BINARY(32) NOT NULL,
  display_name VARCHAR(60) NOT NULL,
  body VARCHAR(280) NOT NULL,
  votes INT UNSIGNED NOT NULL DEFAULT 0,
  answer VARCHAR(1000) NOT NULL DEFAULT '',
  answered TINYINT(1) NOT NULL DEFAULT 0,
  hidden TINYINT(1) NOT NULL DEFAULT 0,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  KEY live_questions_list (session_id, hidden, votes, created_at),
  KEY live_questions_viewer (session_id, viewer_key, created_at),
  CONSTRAINT live_questions_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS live_question_votes (
  question_id BIGINT UNSIGNED NOT NULL,
  viewer_key BINARY(32) NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (question_id, viewer_key),
  CONSTRAINT live_question_votes_question_fk FOREIGN KEY (question_id) REFERENCES live_questions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS live_blocks (
  session_id BIGINT UNSIGNED NOT NULL,
  viewer_key BINARY(32) NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (session_id, viewer_key),
  CONSTRAINT live_blocks_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One reminder per address per session; queued into the outbox when the session goes live
-- (the outbox has no send-after), and queued_at marks that it was.
CREATE TABLE IF NOT EXISTS live_reminders (
  session_id BIGINT UNSIGNED NOT NULL,
  email VARCHAR(254) NOT NULL,
  created_at DATETIME NOT NULL,
  queued_at DATETIME NULL,
  PRIMARY KEY (session_id, email),
  KEY live_reminders_queue (session_id, queued_at),
  CONSTRAINT live_reminders_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
