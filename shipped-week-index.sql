CREATE INDEX i ON orders (shipped_at); SELECT id, customer_id, shipped_at FROM orders WHERE shipped_at BETWEEN '2025-06-01' AND '2025-06-08'
