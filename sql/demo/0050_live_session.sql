-- crowdcart demo data for what happens in a live session (issue 22), on lena's replay (session 2,
-- demo file 0017): its pins end where the next begins, a flash deal on the pour-over coffee set
-- 6 seconds in (a chapter of the replay), a closed poll, and a few chat lines.
UPDATE live_pins p JOIN live_sessions s ON s.id = p.session_id
  SET p.unpinned_at = s.ended_at WHERE p.session_id = 2 AND p.unpinned_at IS NULL;

INSERT IGNORE INTO live_deals (id, session_id, product_id, variant_id, price, currency, stock, per_buyer, starts_at, ends_at)
  SELECT 1, 2, p.id, v.id, v.price * 7 DIV 10, v.currency, 20, 1,
    UTC_TIMESTAMP() - INTERVAL 3 DAY + INTERVAL 6 SECOND, UTC_TIMESTAMP() - INTERVAL 3 DAY + INTERVAL 66 SECOND
  FROM products p JOIN variants v ON v.id = (SELECT v2.id FROM variants v2 WHERE v2.product_id = p.id ORDER BY v2.position, v2.id LIMIT 1)
  WHERE p.id = 16;

INSERT IGNORE INTO live_polls (id, session_id, question, option1, option2, option3, closed_at, created_at) VALUES
  (1, 2, 'Which mug next?', 'Speckled stoneware', 'Clear glass', 'Enamel camp mug',
   UTC_TIMESTAMP() - INTERVAL 3 DAY + INTERVAL 11 SECOND, UTC_TIMESTAMP() - INTERVAL 3 DAY + INTERVAL 3 SECOND);

INSERT IGNORE INTO live_chat (id, session_id, viewer_key, display_name, body, created_at) VALUES
  (1, 2, UNHEX(SHA2('demo-viewer-1', 256)), 'Mira', 'Good morning from Lisbon!', UTC_TIMESTAMP() - INTERVAL 3 DAY + INTERVAL 2 SECOND),
  (2, 2, UNHEX(SHA2('demo-viewer-2', 256)), 'Tom', 'Does the set come with filters?', UTC_TIMESTAMP() - INTERVAL 3 DAY + INTERVAL 5 SECOND),
  (3, 2, UNHEX(SHA2('demo-viewer-1', 256)), 'Mira', 'Got the deal, thanks Lena', UTC_TIMESTAMP() - INTERVAL 3 DAY + INTERVAL 8 SECOND);
