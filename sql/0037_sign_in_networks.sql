-- 0037_sign_in_networks.sql: the networks each account has signed in from, so a sign-in from one
-- never seen for it can be told to its owner (ASVS 2.2.3). Only the network prefix is kept (IPv4
-- /24, IPv6 /64, as sessions.address_prefix), never a full address; an account's deletion removes
-- its rows with its other personal data.
CREATE TABLE IF NOT EXISTS account_networks (
  user_id BIGINT UNSIGNED NOT NULL,
  address_prefix VARCHAR(64) NOT NULL,
  first_seen_at DATETIME NOT NULL,
  last_seen_at DATETIME NOT NULL,
  PRIMARY KEY (user_id, address_prefix),
  CONSTRAINT account_networks_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
