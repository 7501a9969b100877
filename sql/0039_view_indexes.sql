-- 0039_view_indexes.sql: two indexes the home page's reads had no use of, found by their rows
-- examined on a large shop (docs/BENCHMARKS.md, "Where a view's time goes"). Its trending products
-- (active, by trending_score descending, then id) read every active product and sorted them:
-- 575,481 rows a view with 100,000 products; in index order the first dozen are read. Its featured
-- creators read the whole creators table (10,014 rows with 10,000 creators).
-- Each index its own ALTER, built beside the rows (docs/UPGRADING.md).
ALTER TABLE products ADD INDEX IF NOT EXISTS products_trending (status, trending_score DESC, id), ALGORITHM=NOCOPY, LOCK=NONE;
ALTER TABLE creators ADD INDEX IF NOT EXISTS creators_featured (featured, display_name), ALGORITHM=NOCOPY, LOCK=NONE;
