-- 0050_live_session.sql: what happens in a live session (issue 22): up to three products pinned at
-- once (unpin, reorder), flash deals with a reserved stock and a per-buyer limit, polls, reactions
-- counted per second, a viewer count from heartbeats, and chat with slow mode, hide, block and a
-- pinned message. Ordering still never relies on auto-increment: events take live_sessions.last_seq.
ALTER TABLE live_events MODIFY kind
  ENUM('state','pin','question','answer','vote','hide','unpin','chat','chat_hide','poll','deal') NOT NULL;

-- A pin is current until unpinned_at; slot orders the current ones (highest first).
ALTER TABLE live_pins
  ADD COLUMN IF NOT EXISTS unpinned_at DATETIME(3) NULL,
  ADD COLUMN IF NOT EXISTS slot INT NOT NULL DEFAULT 0;
ALTER TABLE live_pins ADD INDEX IF NOT EXISTS live_pins_current (session_id, unpinned_at);
-- Before this migration one pin was current at a time: every pin but the latest ended with the
-- next one, and an ended session's last pin with the session.
UPDATE live_pins p JOIN (SELECT n.id, (SELECT MIN(m.pinned_at) FROM live_pins m WHERE m.session_id = n.session_id
  AND (m.pinned_at > n.pinned_at OR (m.pinned_at = n.pinned_at AND m.id > n.id))) AS next_at FROM live_pins n) x
  ON x.id = p.id SET p.unpinned_at = x.next_at WHERE p.unpinned_at IS NULL AND x.next_at IS NOT NULL;
UPDATE live_pins p JOIN live_sessions s ON s.id = p.session_id SET p.unpinned_at = s.ended_at
  WHERE p.unpinned_at IS NULL AND s.state = 'ended';

ALTER TABLE live_sessions
  ADD COLUMN IF NOT EXISTS chat_slow_s INT NOT NULL DEFAULT 0,
  ADD COLUMN IF NOT EXISTS pinned_chat_id BIGINT UNSIGNED NOT NULL DEFAULT 0;

CREATE TABLE IF NOT EXISTS live_chat (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  session_id BIGINT UNSIGNED NOT NULL,
  viewer_key BINARY(32) NOT NULL,
  display_name VARCHAR(60) NOT NULL,
  body VARCHAR(200) NOT NULL,
  hidden TINYINT(1) NOT NULL DEFAULT 0,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  KEY live_chat_list (session_id, created_at),
  KEY live_chat_viewer (session_id, viewer_key, created_at),
  CONSTRAINT live_chat_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS live_polls (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  session_id BIGINT UNSIGNED NOT NULL,
  question VARCHAR(140) NOT NULL,
  option1 VARCHAR(60) NOT NULL,
  option2 VARCHAR(60) NOT NULL,
  option3 VARCHAR(60) NOT NULL DEFAULT '',
  option4 VARCHAR(60) NOT NULL DEFAULT '',
  closed_at DATETIME(3) NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  KEY live_polls_session (session_id, created_at),
  CONSTRAINT live_polls_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One vote per viewer and poll: the primary key says so on every node.
CREATE TABLE IF NOT EXISTS live_poll_votes (
  poll_id BIGINT UNSIGNED NOT NULL,
  viewer_key BINARY(32) NOT NULL,
  choice TINYINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (poll_id, viewer_key),
  KEY live_poll_votes_choice (poll_id, choice),
  CONSTRAINT live_poll_votes_poll_fk FOREIGN KEY (poll_id) REFERENCES live_polls (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reactions counted per second and emoji; shard spreads a busy second over 8 rows so that
-- concurrent taps (and Galera's certification) rarely meet on one row.
CREATE TABLE IF NOT EXISTS live_reactions (
  session_id BIGINT UNSIGNED NOT NULL,
  at_s DATETIME NOT NULL,
  emoji ENUM('heart','fire','clap','laugh','wow') NOT NULL,
  shard TINYINT UNSIGNED NOT NULL,
  n INT UNSIGNED NOT NULL,
  PRIMARY KEY (session_id, at_s, emoji, shard),
  CONSTRAINT live_reactions_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The viewer count: viewers whose page posted a heartbeat lately (a GET never writes).
CREATE TABLE IF NOT EXISTS live_presence (
  session_id BIGINT UNSIGNED NOT NULL,
  viewer_key BINARY(32) NOT NULL,
  seen_at DATETIME NOT NULL,
  PRIMARY KEY (session_id, viewer_key),
  KEY live_presence_seen (session_id, seen_at),
  CONSTRAINT live_presence_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A flash deal: a price (minor units, the variant's currency) on a pinned product's variant from
-- starts_at to ends_at, at most `stock` units in all and `per_buyer` per cart.
CREATE TABLE IF NOT EXISTS live_deals (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  session_id BIGINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NOT NULL,
  variant_id BIGINT UNSIGNED NOT NULL,
  price BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  stock INT UNSIGNED NOT NULL,
  per_buyer INT UNSIGNED NOT NULL,
  starts_at DATETIME(3) NOT NULL,
  ends_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  KEY live_deals_session (session_id, ends_at),
  KEY live_deals_product (product_id),
  CONSTRAINT live_deals_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (id) ON DELETE CASCADE,
  CONSTRAINT live_deals_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  CONSTRAINT live_deals_price CHECK (price >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A cart's claim on a deal: its units are reserved until hold_until, and for good once an order
-- was placed with them (placed_at). Claims are counted under the deal row's lock.
CREATE TABLE IF NOT EXISTS live_deal_claims (
  deal_id BIGINT UNSIGNED NOT NULL,
  cart_id BIGINT UNSIGNED NOT NULL,
  quantity INT UNSIGNED NOT NULL,
  hold_until DATETIME(3) NOT NULL,
  placed_at DATETIME(3) NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (deal_id, cart_id),
  KEY live_deal_claims_cart (cart_id),
  CONSTRAINT live_deal_claims_deal_fk FOREIGN KEY (deal_id) REFERENCES live_deals (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
