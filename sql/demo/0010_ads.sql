-- Demo data for ads: northwind owns the verified domain northwind.example (its site's parent).
INSERT INTO brand_domains (brand_id, domain, token, verified_at, created_at) VALUES
  (1, 'northwind.example', '0123456789abcdef0123456789abcdef', '2024-03-04 12:30:00', '2024-03-04 12:00:00');
