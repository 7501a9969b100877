-- crowdcart demo data: one suspended account, so /admin/users?state=suspended and the audit log
-- show what a suspension looks like; the demo admin (user 1) suspended it. A shopper, so no demo
-- storefront or catalog goes away. Running it again adds nothing.
INSERT INTO users (email, password_hash, display_name, role, created_at, suspended_at, suspended_reason)
  SELECT 'spam-reviews@demo.crowdcart.test', '!demo', 'Quick Deals 4U', 'shopper', '2024-04-02 08:00:00',
    '2024-04-03 09:30:00', 'Posted the same link in every live chat (demo data)'
  FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = 'spam-reviews@demo.crowdcart.test');
INSERT INTO admin_audit (created_at, actor_user_id, action, target_kind, target_id, reason, address_prefix)
  SELECT '2024-04-03 09:30:00.000', 1, 'user.suspend', 'user', u.id, u.suspended_reason, '203.0.113.0/24'
  FROM users u WHERE u.email = 'spam-reviews@demo.crowdcart.test'
    AND NOT EXISTS (SELECT 1 FROM admin_audit a WHERE a.target_kind = 'user' AND a.target_id = u.id);
