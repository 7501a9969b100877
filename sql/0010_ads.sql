-- 0010_ads.sql: collection ads (issue 6): verified brand domains (also the lead-form redirect of
-- issue 8), brand-owned ads with an ordered product list and an optional credited creator,
-- per-ad daily counters written in batches by shop workers, and click-outs per ad, creator and day.

-- A domain a brand says it owns; verified_at stays NULL until an operator has checked the DNS TXT
-- record "crowdcart-verification=<token>" and run crowdcartctl domains verify.
CREATE TABLE IF NOT EXISTS brand_domains (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  brand_id BIGINT UNSIGNED NOT NULL,
  domain VARCHAR(253) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  token CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  verified_at DATETIME NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY brand_domains_brand_domain (brand_id, domain),
  CONSTRAINT brand_domains_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An ad belongs to a brand; creator_id, when set, is the creator the brand credits with the ad's
-- visits and sales (one of its creators with an approved pick). The hero is a video or an image.
CREATE TABLE IF NOT EXISTS ads (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  brand_id BIGINT UNSIGNED NOT NULL,
  creator_id BIGINT UNSIGNED NULL,
  slug VARCHAR(64) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
  title VARCHAR(120) NOT NULL,
  headline VARCHAR(300) NOT NULL DEFAULT '',
  video_id BIGINT UNSIGNED NULL,
  image_url VARCHAR(500) NOT NULL DEFAULT '',
  click_url VARCHAR(1024) NOT NULL DEFAULT '',
  state ENUM('draft','live') NOT NULL DEFAULT 'draft',
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY ads_slug (slug),
  KEY ads_brand (brand_id, created_at),
  KEY ads_creator (creator_id, created_at),
  KEY ads_video (video_id),
  CONSTRAINT ads_brand_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE,
  CONSTRAINT ads_creator_fk FOREIGN KEY (creator_id) REFERENCES creators (id) ON DELETE SET NULL,
  CONSTRAINT ads_video_fk FOREIGN KEY (video_id) REFERENCES videos (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ad_products (
  ad_id BIGINT UNSIGNED NOT NULL,
  product_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL,
  PRIMARY KEY (ad_id, product_id),
  KEY ad_products_product (product_id),
  CONSTRAINT ad_products_ad_fk FOREIGN KEY (ad_id) REFERENCES ads (id) ON DELETE CASCADE,
  CONSTRAINT ad_products_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Like video_stats: views, product clicks and add-to-carts per UTC day, added by shop workers.
CREATE TABLE IF NOT EXISTS ad_stats (
  ad_id BIGINT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  views BIGINT UNSIGNED NOT NULL DEFAULT 0,
  clicks BIGINT UNSIGNED NOT NULL DEFAULT 0,
  adds BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (ad_id, day),
  KEY ad_stats_day (day),
  CONSTRAINT ad_stats_ad_fk FOREIGN KEY (ad_id) REFERENCES ads (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Click-outs through /go/{token}, per ad, creator named in the token (0: none; a key column cannot
-- be NULL, so there is no foreign key on it) and UTC day. No address or other visitor data.
CREATE TABLE IF NOT EXISTS ad_clicks (
  ad_id BIGINT UNSIGNED NOT NULL,
  creator_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  day DATE NOT NULL,
  count BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (ad_id, day, creator_id),
  KEY ad_clicks_creator (creator_id, day),
  CONSTRAINT ad_clicks_ad_fk FOREIGN KEY (ad_id) REFERENCES ads (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The ad is a creator surface of its own, so its sales can be told apart from links and videos.
ALTER TABLE attribution_sessions MODIFY COLUMN surface
  ENUM('storefront','collection','product','video','live','link','ad') NOT NULL;
ALTER TABLE creator_visits MODIFY COLUMN surface
  ENUM('storefront','collection','product','video','live','link','ad') NOT NULL;

-- Issue 8: after a lead is stored, send the visitor to this address (on a verified domain).
ALTER TABLE lead_forms ADD COLUMN IF NOT EXISTS redirect_url VARCHAR(1000) NOT NULL DEFAULT '';
