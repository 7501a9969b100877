-- 0020_commission_rules.sql (demo): the demo's sales were written as checkout wrote them before
-- the commission rules: a line earning commission was a product the creator picked, so direct.
UPDATE order_lines SET commission_kind = 'direct'
  WHERE commission_kind = '' AND creator_id IS NOT NULL AND commission_bps > 0;
