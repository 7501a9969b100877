-- crowdcart demo data: one open report in the admin's moderation queue (/admin/moderation), of
-- lena's first video, so the queue shows what a report looks like. Demo brands stay approved (the
-- column's default). Running it again adds nothing.
INSERT INTO moderation_reports (kind, target_id, category, body, created_at)
  SELECT 'video', v.id, 'other', 'Is the lamp in this video the one the shop sells? (demo data)', UTC_TIMESTAMP()
  FROM videos v JOIN creators c ON c.id = v.creator_id
  WHERE c.handle = 'lena' AND NOT EXISTS (SELECT 1 FROM moderation_reports r WHERE r.body LIKE '%(demo data)')
  ORDER BY v.id LIMIT 1;
