-- crowdcart demo data for live shopping: one session by lena, scheduled for a day after the demo
-- is loaded, with four of her approved picks as the lineup. The stream is a placeholder address
-- (.example is reserved); the creator goes live from /studio/live/1.
INSERT INTO live_sessions (id, creator_id, title, starts_at, stream_url, replay_url, blocked_words, state, created_at) VALUES
  (1, 1, 'Desk setup live: lamps, mugs and the notebook I keep buying', UTC_TIMESTAMP() + INTERVAL 1 DAY,
   'https://stream.lenapark.example/live/desk.m3u8', 'https://stream.lenapark.example/replay/desk.mp4', 'spoiler', 'scheduled', UTC_TIMESTAMP());

INSERT INTO live_lineup (session_id, product_id, position) VALUES
  (1, 7, 1),
  (1, 1, 2),
  (1, 2, 3),
  (1, 3, 4);
