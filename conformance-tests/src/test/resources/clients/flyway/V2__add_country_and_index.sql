ALTER TABLE customers ADD COLUMN country CHAR(2);

CREATE INDEX idx_orders_customer ON orders (customer_id);
