-- crowdcart demo data: the demo's orders were paid by bank transfer (offline), not through the test
-- provider. Orders the test provider paid are test orders (docs/PAYMENTS.md): they earn no
-- commission and count in no dashboard, best-seller list or payout, and the demo's orders are there
-- to show exactly those. Written as updates so that a database that loaded 0017_tour.sql under the
-- old rule changes the same way as a new one; running it again changes nothing.
UPDATE checkouts SET payment_provider = 'offline'
  WHERE public_ref LIKE 'D3M%' AND payment_provider = 'test';
UPDATE orders SET payment_provider = 'offline'
  WHERE number LIKE 'D3M%' AND payment_provider = 'test';
UPDATE payments p JOIN orders o ON o.id = p.order_id SET p.provider = 'offline'
  WHERE o.number LIKE 'D3M%' AND p.provider = 'test';
UPDATE order_events e JOIN orders o ON o.id = e.order_id SET e.note = 'paid by bank transfer (demo data)'
  WHERE o.number LIKE 'D3M%' AND e.note = 'paid through test (demo data)';
