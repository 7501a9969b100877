-- 0046_brand_team.sql grants: the studio keeps a brand's team and invites, and assigns leads to
-- accounts. The shop and the API never see a team.
GRANT SELECT, INSERT, DELETE ON brand_members TO 'cc_studio'@'127.0.0.1';
GRANT SELECT, INSERT, DELETE ON brand_invites TO 'cc_studio'@'127.0.0.1';
GRANT UPDATE (assignee_user_id) ON leads TO 'cc_studio'@'127.0.0.1';
