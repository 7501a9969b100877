-- 0042_discovery.sql: what search, category pages and brand pages read (docs/SEARCH.md).
--
-- A product's category is a slug on its row, so a category page and a search filter are one
-- indexed condition, never a join; the name shown for a slug is in categories (one row each,
-- written by whoever first indexes a product of that category: INSERT IGNORE, the same on every
-- Galera node). The slug comes from the product type (lib/category_name.c).
ALTER TABLE products ADD COLUMN IF NOT EXISTS category VARCHAR(64) NOT NULL DEFAULT '', ALGORITHM=INSTANT;
ALTER TABLE products ADD INDEX IF NOT EXISTS products_category (category, status, created_at), ALGORITHM=NOCOPY, LOCK=NONE;

CREATE TABLE IF NOT EXISTS categories (
  slug VARCHAR(64) NOT NULL,
  name VARCHAR(120) NOT NULL,
  PRIMARY KEY (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- No backfill here: existing products have no search row yet, so crowdcartctl worker finds them
-- stale and indexes them, 500 a pass, setting their category as it goes (or crowdcartctl
-- search-index does all at once). One UPDATE over a large catalog would be one huge Galera write
-- set (docs/UPGRADING.md).

-- The search index of products: plain text written when a product is saved or imported (or by
-- crowdcartctl worker for rows changed elsewhere: source_updated_at against products.updated_at),
-- never when someone searches. Title and body are separate FULLTEXT indexes so that a match in
-- the title can weigh more than one in the description. Whether a product may be shown
-- (published, its brand approved and not suspended) is read from its own row at search time,
-- so a takedown or suspension hides it at once, with no reindexing.
CREATE TABLE IF NOT EXISTS search_products (
  product_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(255) NOT NULL,
  body TEXT NOT NULL,
  source_updated_at DATETIME NOT NULL,
  PRIMARY KEY (product_id),
  FULLTEXT KEY search_products_title (title),
  FULLTEXT KEY search_products_text (title, body),
  CONSTRAINT search_products_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Typo tolerance: the words of product titles, brand and category names, and the trigrams of
-- each ("^wa", "wal", ... "ut$"), so that a word the index lacks ("wallnut") finds its
-- neighbours by shared trigrams and the shop keeps those within an edit distance
-- (lib/search_terms.c). Grams are bytes: a trigram may cut a UTF-8 character.
CREATE TABLE IF NOT EXISTS search_words (
  word VARCHAR(40) NOT NULL,
  PRIMARY KEY (word)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS search_word_grams (
  gram VARBINARY(3) NOT NULL,
  word VARCHAR(40) NOT NULL,
  PRIMARY KEY (gram, word)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
