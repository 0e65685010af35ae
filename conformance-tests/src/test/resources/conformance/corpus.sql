--- Sherd differential conformance corpus.
---
--- Every statement below runs through the Sherd driver over 4 shards and on one plain database
--- holding all rows (the oracle), once per backend: H2, PostgreSQL and MariaDB (shards and oracle
--- of the same family); the answers must be identical (see ResultComparator), or the statement
--- must be listed in expected-refusals.txt and be refused.
---
--- Write portable SQL. Where a statement is inherently spelled differently by a backend (no NULLS
--- FIRST/LAST on MariaDB, quoting, case-sensitive table names on MariaDB), give that backend a
--- variant; keep a statement off a backend only when it cannot mean the same there, and list
--- every such exclusion in the README.
---
--- Tables (loaded by ConformanceData before this file runs; see ConformanceCluster for the topology):
---   customers  hash on id                 (ids 0, -7, 1..196, 9000000000, 123456789012)
---   orders     hash on customer_id, co-located with customers (ids 1..2000; customers 191..196 have none)
---   events     range on at: s0 < 2024-04-01 <= s1 < 2024-07-01 <= s2 < 2024-10-01 <= s3
---   countries  broadcast (12 rows)
---   notes      not listed: lives on the default shard s0 (20 rows)
---   ledger     listed (hash on customer_id, co-located) but created by the DDL section below
---
--- FORMAT
---   A line starting with "---" is commentary (like this one). Blank lines are ignored.
---   An entry is: directive lines, then one SQL statement that ends with ";" at the end of a line.
---   The SQL may span lines and may contain comments ("--" and "/* */") after its first line;
---   its first line must not start with "--". Directive lines start with "--" and come before the
---   statement; an unknown directive is an error. Directives:
---     -- id: NAME          required, unique; used in test names and expected-refusals.txt
---     -- ordered           compare rows in order (only where the ORDER BY is total)
---     -- ordered: 1, 2     rows must be sorted on these result columns; ties compare as multisets
---     -- count-only        compare row counts (and columns) only: LIMIT without a total ORDER BY
---                          (default, without ordered/count-only: compare as multisets)
---     -- params: V, ...    run as a PreparedStatement with these parameters:
---                          5 Integer, 5L Long, 1.50 BigDecimal, 0.5d Double, 'it''s' String,
---                          DATE '2024-01-31', TIMESTAMP '2024-01-31 10:00:00', TRUE, FALSE, NULL
---     -- batch             PreparedStatement.executeBatch: one "-- params:" line per batch row
---     -- explain           run through the driver only; must return rows naming a shard
---     -- explain: s1, s2   ... and must name these shards
---     -- error             the oracle must throw; the driver must throw the same SQLState class
---     -- approx: LABEL     also compare this column with the floating-point tolerance
---     -- check: TABLE      also compare this table's contents after the statement
---     -- tx-begin          switch both sides to manual commit before this statement
---     -- commit            commit both sides after this statement (ends the transaction block)
---     -- rollback          roll back both sides after this statement (ends the transaction block)
---     -- skip: mariadb (why)        do not run on these backends (h2, postgresql, mariadb); the
---     -- only: h2, postgresql (why) reason is required and shows in the skipped test's message.
---                          Not inside a transaction block (a block runs whole or not at all).
---   A variant follows its entry directly: a "-- variant: mariadb" line (one or more backends)
---   and a statement, which replaces the entry's SQL on those backends and shares all its other
---   directives and its id:
---     -- id: ob-nulls-last
---     -- ordered
---     SELECT id, tier FROM customers ORDER BY tier NULLS LAST, id;
---     -- variant: mariadb
---     SELECT id, tier FROM customers ORDER BY tier IS NULL, tier, id;
---   After every write (INSERT/UPDATE/DELETE/CREATE/ALTER, detected from the SQL) the update count
---   is compared, then the written table's full contents ordered by primary key; in a transaction
---   block, the contents are compared after the commit or rollback. Statements run in file order,
---   so later reads see earlier writes (on both sides).

--- ====================================================================== no table

-- id: notable-select-1
SELECT 1;

-- id: notable-constants
SELECT 1 + 1, 'it''s' AS s, UPPER('straße') AS u, NULL AS n;

-- id: notable-arith
SELECT 7 / 2 AS int_div, 7.0 / 2 AS dec_div, MOD(7, 3) AS m, CAST(2.5 AS DOUBLE) * 2 AS d;
-- variant: postgresql
SELECT 7 / 2 AS int_div, 7.0 / 2 AS dec_div, MOD(7, 3) AS m, CAST(2.5 AS DOUBLE PRECISION) * 2 AS d;

-- id: notable-values
VALUES (1, 'a'), (2, 'b'), (3, NULL);

-- id: notable-params
-- params: 42, 'x''y', 1.50
SELECT CAST(? AS INT) AS n, CAST(? AS VARCHAR(10)) AS s, CAST(? AS DECIMAL(5,2)) AS d;

--- ====================================================================== point selects on the sharding key

-- id: point-customer
SELECT * FROM customers WHERE id = 1;

-- id: point-customer-param
-- params: 2L
SELECT id, name, city FROM customers WHERE id = ?;

-- id: point-customer-int-param
-- params: 5
SELECT id, name, balance FROM customers WHERE id = ?;

-- id: point-customer-nulls
SELECT id, name, city, tier, balance, created FROM customers WHERE id = 4;

-- id: point-negative-key
SELECT * FROM customers WHERE id = -7;

-- id: point-zero-key
SELECT * FROM customers WHERE id = 0;

-- id: point-big-key
SELECT id, name FROM customers WHERE id = 123456789012;

-- id: point-beyond-int-key
-- params: 9000000000L
SELECT id, city FROM customers WHERE id = ?;

-- id: point-missing
SELECT id, name FROM customers WHERE id = 999999;

-- id: point-key-on-right
SELECT id, name FROM customers WHERE 7 = id;

-- id: point-key-and-filter
SELECT id, name, city FROM customers WHERE id = 7 AND city = 'Berlin';

-- id: point-key-and-filter-miss
SELECT id, name, city FROM customers WHERE id = 6 AND city = 'Berlin';

-- id: point-orders
-- ordered
SELECT id, amount, status FROM orders WHERE customer_id = 1 ORDER BY id;

-- id: point-orders-param
-- ordered
-- params: 3L
SELECT id, amount, qty, placed_at FROM orders WHERE customer_id = ? ORDER BY id;

-- id: point-orders-and-pk
SELECT * FROM orders WHERE customer_id = 2 AND id = 1;

-- id: point-events-date
SELECT * FROM events WHERE at = DATE '2024-04-01';

-- id: point-events-date-param
-- params: DATE '2024-07-01'
SELECT id, at, kind FROM events WHERE at = ?;

-- id: point-events-last-range
SELECT id, at, kind, weight FROM events WHERE at = DATE '2025-01-01';

--- ====================================================================== IN / OR on the sharding key

-- id: in-keys
-- ordered
SELECT id, name FROM customers WHERE id IN (1, 2, 3, 999999) ORDER BY id;

-- id: in-keys-param
-- params: 1L, 5L, 9L
SELECT id, name, tier FROM customers WHERE id IN (?, ?, ?);

-- id: in-keys-single
SELECT id, name FROM customers WHERE id IN (7);

-- id: in-keys-none-exist
SELECT id, name FROM customers WHERE id IN (999998, 999999);

-- id: or-keys
SELECT id, name FROM customers WHERE id = 1 OR id = 10 OR id = 123456789012;

-- id: or-keys-param
-- params: 0L, -7L
SELECT id, city FROM customers WHERE id = ? OR id = ?;

-- id: in-keys-orders
SELECT id, customer_id, amount FROM orders WHERE customer_id IN (1, 2, 3);

-- id: in-keys-orders-agg
SELECT customer_id, COUNT(*), SUM(amount) FROM orders WHERE customer_id IN (1, 2, 3, 4, 5) GROUP BY customer_id;

-- id: not-in-keys
SELECT COUNT(*) FROM customers WHERE id NOT IN (1, 2, 3);

-- id: or-key-nonkey
SELECT id, name FROM customers WHERE id = 1 OR city = 'Paris';

--- ====================================================================== contradictions

-- id: contra-eq
SELECT id, name FROM customers WHERE id = 1 AND id = 2;

-- id: contra-eq-star
SELECT * FROM orders WHERE customer_id = 1 AND customer_id = 2;

-- id: contra-count
SELECT COUNT(*) FROM customers WHERE id = 1 AND id = 2;

-- id: contra-sum
SELECT COUNT(*) AS n, SUM(amount) AS total, MAX(amount) FROM orders WHERE customer_id = 1 AND customer_id = 2;

-- id: contra-in
SELECT id FROM customers WHERE id IN (1, 2) AND id IN (3, 4);

-- id: contra-range
SELECT id, at FROM events WHERE at < DATE '2024-02-01' AND at >= DATE '2024-05-01';

-- id: contra-grouped
SELECT city, COUNT(*) FROM customers WHERE id = 1 AND id = 2 GROUP BY city;

-- id: contra-false
SELECT id, name FROM customers WHERE 1 = 0;

--- ====================================================================== range predicates on events.at

-- id: range-first-quarter
SELECT id, at, kind FROM events WHERE at >= DATE '2024-01-01' AND at < DATE '2024-04-01';

-- id: range-across-shards
-- ordered
SELECT id, at, weight FROM events WHERE at BETWEEN DATE '2024-03-15' AND DATE '2024-07-15' ORDER BY at, id;

-- id: range-open-lower
SELECT * FROM events WHERE at < DATE '2024-01-01';

-- id: range-open-upper
SELECT * FROM events WHERE at >= DATE '2025-01-01';

-- id: range-boundaries
SELECT id, at FROM events WHERE at > DATE '2024-06-30' AND at <= DATE '2024-07-01';

-- id: range-in-dates
SELECT id, at, kind FROM events WHERE at IN (DATE '2024-04-01', DATE '2024-10-01', DATE '2023-12-31');

-- id: range-param
-- params: DATE '2024-05-01', DATE '2024-05-31'
SELECT id, at, kind, customer_id FROM events WHERE at BETWEEN ? AND ?;

-- id: range-or
SELECT id, at FROM events WHERE at < DATE '2024-02-01' OR at >= DATE '2024-12-01';

-- id: range-and-kind
SELECT id, at, kind FROM events WHERE at BETWEEN DATE '2024-08-01' AND DATE '2024-11-30' AND kind = 'click';

-- id: range-by-month
-- ordered
SELECT EXTRACT(MONTH FROM at) AS m, COUNT(*) AS n, SUM(weight) AS w FROM events
 WHERE at >= DATE '2024-01-01' AND at < DATE '2025-01-01'
 GROUP BY EXTRACT(MONTH FROM at) ORDER BY m;

-- id: range-count
SELECT COUNT(*), MIN(at), MAX(at), COUNT(customer_id) FROM events WHERE at >= DATE '2024-10-01';

--- ====================================================================== scatter filters on non-key columns

-- id: scatter-city
SELECT id, name FROM customers WHERE city = 'Berlin';

-- id: scatter-like
SELECT id, name FROM customers WHERE name LIKE '%Donald%';

-- id: scatter-is-null
SELECT id, name, tier FROM customers WHERE city IS NULL;

-- id: scatter-not-null-negative
SELECT id, balance FROM customers WHERE tier IS NOT NULL AND balance < 0;

-- id: scatter-amount-between
SELECT id, customer_id, amount FROM orders WHERE amount BETWEEN 100 AND 200;

-- id: scatter-negative-amount
SELECT id, amount, qty FROM orders WHERE amount < 0;

-- id: scatter-zero-amount
SELECT id, amount FROM orders WHERE amount = 0;

-- id: scatter-double
SELECT id, discount FROM orders WHERE discount > 0.25 AND qty = 3;

-- id: scatter-timestamp
SELECT id, placed_at FROM orders
 WHERE placed_at >= TIMESTAMP '2024-06-01 00:00:00' AND placed_at < TIMESTAMP '2024-06-08 00:00:00';

-- id: scatter-status-in
SELECT id, status FROM orders WHERE status IN ('PAID', 'paid') AND qty > 7;

-- id: scatter-params
-- params: 'SHIPPED', 5
SELECT id, customer_id, qty FROM orders WHERE status = ? AND qty >= ?;

-- id: scatter-char
SELECT id, country_code FROM orders WHERE country_code = 'DE';

-- id: scatter-not
SELECT id, tier FROM customers WHERE NOT (tier = 1);

-- id: scatter-unicode
SELECT id, name FROM customers WHERE city = 'São Paulo';

-- id: scatter-quote
SELECT id, city FROM customers WHERE name = 'O''Brien';

-- id: scatter-function
SELECT id, city FROM customers WHERE UPPER(city) = 'BERLIN';

-- id: scatter-or-null
SELECT id, amount, qty FROM orders WHERE amount IS NULL OR qty IS NULL;

-- id: scatter-events-kind
SELECT id, at, kind FROM events WHERE kind = 'Click' OR kind IS NULL;

-- id: scatter-all-orders
SELECT * FROM orders;

--- ====================================================================== broadcast table (one copy per shard, read once)

-- id: bc-all
SELECT * FROM countries;

-- id: bc-count
SELECT COUNT(*) FROM countries;

-- id: bc-ordered
-- ordered
SELECT code, name FROM countries ORDER BY code;

-- id: bc-filter
-- ordered
SELECT code, name FROM countries WHERE region = 'Europe' ORDER BY name;

-- id: bc-group
SELECT region, COUNT(*) FROM countries GROUP BY region;

-- id: bc-point
SELECT * FROM countries WHERE code = 'CI';

-- id: bc-limit
-- ordered
SELECT code FROM countries ORDER BY code DESC LIMIT 3;

--- ====================================================================== unlisted table (default shard)

-- id: notes-all
SELECT * FROM notes;

-- id: notes-ordered
-- ordered
SELECT id, body FROM notes ORDER BY body NULLS FIRST, id;
-- variant: mariadb
SELECT id, body FROM notes ORDER BY body, id;

-- id: notes-count
SELECT COUNT(*), COUNT(body), MAX(LENGTH(body)) FROM notes;

-- id: notes-like-quote
SELECT id, body FROM notes WHERE body LIKE '%''%';

-- id: notes-like-escape
SELECT id, body FROM notes WHERE body LIKE '%!%%' ESCAPE '!';

-- id: notes-semicolon-literal
SELECT id FROM notes WHERE body = 'semi; colon';

--- ====================================================================== ORDER BY

-- id: ob-name-default-nulls
-- ordered
SELECT id, name FROM customers ORDER BY name, id;

-- id: ob-name-desc
-- ordered
SELECT id, name FROM customers ORDER BY name DESC, id DESC;

-- id: ob-nulls-first
-- ordered
SELECT id, tier FROM customers ORDER BY tier NULLS FIRST, id;
-- variant: mariadb
SELECT id, tier FROM customers ORDER BY tier, id;

-- id: ob-nulls-last
-- ordered
SELECT id, tier FROM customers ORDER BY tier NULLS LAST, id;
-- variant: mariadb
SELECT id, tier FROM customers ORDER BY tier IS NULL, tier, id;

-- id: ob-desc-nulls-first
-- ordered
SELECT id, balance FROM customers ORDER BY balance DESC NULLS FIRST, id;
-- variant: mariadb
SELECT id, balance FROM customers ORDER BY balance IS NULL DESC, balance DESC, id;

-- id: ob-desc-default-nulls
-- ordered
SELECT id, balance FROM customers ORDER BY balance DESC, id;

-- id: ob-alias
-- ordered
SELECT id, balance * 2 AS dbl FROM customers ORDER BY dbl, id;

-- id: ob-ordinal
-- ordered
SELECT city, id FROM customers ORDER BY 1, 2 DESC;

-- id: ob-expression
-- ordered
SELECT id, name FROM customers ORDER BY LENGTH(name), id;

-- id: ob-not-selected
-- ordered
SELECT id, name FROM customers ORDER BY created, id;

-- id: ob-only-hidden-key
-- ordered
SELECT name FROM customers ORDER BY id;

-- id: ob-unicode-and-case
-- ordered
SELECT name, id FROM customers WHERE name IS NOT NULL ORDER BY name, id;

-- id: ob-amount-desc
-- ordered
SELECT id, customer_id, amount FROM orders ORDER BY amount DESC, id;

-- id: ob-partial-city
-- ordered: 1
SELECT city, name FROM customers ORDER BY city;

-- id: ob-partial-two
-- ordered: 1, 2
SELECT status, qty, id FROM orders ORDER BY status, qty DESC;

-- id: ob-timestamp
-- ordered
SELECT id, placed_at FROM orders ORDER BY placed_at DESC, id;

-- id: ob-double
-- ordered
SELECT id, discount FROM orders ORDER BY discount, id;

-- id: ob-case
-- ordered
SELECT id, city FROM customers ORDER BY CASE WHEN city IS NULL THEN 0 ELSE 1 END, city DESC, id;

-- id: ob-routed
-- ordered
SELECT id, amount FROM orders WHERE customer_id = 2 ORDER BY amount DESC NULLS LAST, id;
-- variant: mariadb
SELECT id, amount FROM orders WHERE customer_id = 2 ORDER BY amount DESC, id;

-- id: ob-events-date
-- ordered
SELECT id, at, kind FROM events ORDER BY at DESC, id;

-- id: ob-string-char
-- ordered
SELECT country_code, id FROM orders WHERE qty = 0 ORDER BY country_code NULLS LAST, id;
-- variant: mariadb
SELECT country_code, id FROM orders WHERE qty = 0 ORDER BY country_code IS NULL, country_code, id;

--- ====================================================================== LIMIT / OFFSET / FETCH

-- id: lim-basic
-- ordered
SELECT id, name FROM customers ORDER BY id LIMIT 10;

-- id: lim-offset
-- ordered
SELECT id, name FROM customers ORDER BY id LIMIT 10 OFFSET 20;

-- id: lim-fetch-first
-- ordered
SELECT id, amount FROM orders ORDER BY amount DESC NULLS LAST, id FETCH FIRST 5 ROWS ONLY;
-- variant: mariadb
SELECT id, amount FROM orders ORDER BY amount DESC, id FETCH FIRST 5 ROWS ONLY;

-- id: lim-offset-fetch
-- ordered
SELECT id, amount FROM orders ORDER BY amount, id OFFSET 15 ROWS FETCH NEXT 10 ROWS ONLY;

-- id: lim-offset-beyond
-- ordered
SELECT id FROM orders ORDER BY id OFFSET 5000 ROWS;

-- id: lim-limit-offset-beyond
-- ordered
SELECT id, name FROM customers ORDER BY id LIMIT 10 OFFSET 100000;

-- id: lim-zero
-- ordered
SELECT id, name FROM customers ORDER BY id LIMIT 0;

-- id: lim-params
-- ordered
-- params: 7, 3
SELECT id, name FROM customers ORDER BY name, id LIMIT ? OFFSET ?;

-- id: lim-params-fetch
-- ordered
-- params: 4, 6
SELECT id, amount FROM orders ORDER BY amount DESC, id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY;

-- id: lim-desc
-- ordered
SELECT id FROM customers ORDER BY id DESC LIMIT 3;

-- id: lim-no-order
-- count-only
SELECT id FROM orders LIMIT 5;

-- id: lim-no-order-filter
-- count-only
SELECT id, status FROM orders WHERE status = 'NEW' LIMIT 12;

-- id: lim-filtered
-- ordered
SELECT id, placed_at FROM orders WHERE status = 'PAID' ORDER BY placed_at DESC NULLS LAST, id LIMIT 7;
-- variant: mariadb
SELECT id, placed_at FROM orders WHERE status = 'PAID' ORDER BY placed_at DESC, id LIMIT 7;

-- id: lim-grouped
-- ordered
SELECT city, COUNT(*) AS n FROM customers GROUP BY city ORDER BY n DESC, city LIMIT 3;

-- id: lim-routed
-- ordered
SELECT id, amount FROM orders WHERE customer_id = 1 ORDER BY id LIMIT 2 OFFSET 1;

-- id: lim-events-range
-- ordered
SELECT id, at FROM events WHERE at >= DATE '2024-06-15' ORDER BY at, id LIMIT 20;

-- id: lim-offset-only
-- ordered
SELECT id FROM customers ORDER BY id OFFSET 195 ROWS;

--- ====================================================================== aggregates

-- id: agg-count-star
SELECT COUNT(*) FROM orders;

-- id: agg-count-columns
SELECT COUNT(*), COUNT(amount), COUNT(status), COUNT(discount) FROM orders;

-- id: agg-sum-int
SELECT SUM(qty) FROM orders;

-- id: agg-sum-decimal
SELECT SUM(amount) FROM orders;

-- id: agg-sum-double
SELECT SUM(discount) FROM orders;

-- id: agg-min-max
SELECT MIN(amount), MAX(amount), MIN(placed_at), MAX(placed_at), MIN(status), MAX(status), MIN(discount), MAX(discount) FROM orders;

-- id: agg-avg-int
SELECT AVG(qty) FROM orders;

-- id: agg-avg-decimal
SELECT AVG(amount) FROM orders;

-- id: agg-avg-double
SELECT AVG(discount) FROM orders;

-- id: agg-avg-aliased
-- approx: MEAN_AMOUNT
SELECT AVG(amount) AS mean_amount, AVG(qty) AS mean_qty FROM orders;

-- id: agg-expr-range
SELECT MAX(qty) - MIN(qty), MAX(amount) - MIN(amount) AS spread FROM orders;

-- id: agg-expr-mean
SELECT SUM(amount) / COUNT(*), SUM(qty) / COUNT(*) AS int_mean FROM orders;

-- id: agg-expr-mean-repeating
SELECT status, SUM(amount) / COUNT(*) AS mean, SUM(amount) / 7 AS seventh FROM orders GROUP BY status;

-- id: agg-expr-alias
SELECT SUM(qty) * 2 AS twice, COUNT(*) + 1 AS plus_one FROM orders;

-- id: agg-by-status
SELECT status, COUNT(*), SUM(amount), AVG(qty) FROM orders GROUP BY status;

-- id: agg-by-two
SELECT status, country_code, COUNT(*) AS n, MAX(discount) AS top_discount FROM orders GROUP BY status, country_code;

-- id: agg-by-status-ordered
-- ordered
SELECT status, COUNT(*) AS n, MIN(amount) AS lo FROM orders GROUP BY status ORDER BY status NULLS LAST;
-- variant: mariadb
SELECT status, COUNT(*) AS n, MIN(amount) AS lo FROM orders GROUP BY status ORDER BY status IS NULL, status;

-- id: agg-by-city
SELECT city, COUNT(*), COUNT(tier), SUM(balance), MIN(created), MAX(name), AVG(balance) FROM customers GROUP BY city;

-- id: agg-having-count
SELECT city, COUNT(*) FROM customers GROUP BY city HAVING COUNT(*) > 20;

-- id: agg-having-sum
SELECT status, SUM(amount) FROM orders GROUP BY status HAVING SUM(amount) > 100000;

-- id: agg-having-hidden
SELECT status FROM orders GROUP BY status HAVING AVG(qty) > 4.4;

-- id: agg-having-param
-- params: 100
SELECT country_code, COUNT(*) AS n FROM orders GROUP BY country_code HAVING COUNT(*) >= ?;

-- id: agg-by-key
SELECT customer_id, COUNT(*), SUM(amount), MAX(placed_at) FROM orders GROUP BY customer_id;

-- id: agg-by-key-ordered-limit
-- ordered
SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id ORDER BY customer_id LIMIT 10;

-- id: agg-by-key-having
SELECT customer_id, COUNT(*) FROM orders GROUP BY customer_id HAVING COUNT(*) > 14;

-- id: agg-by-key-top
-- ordered
SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id ORDER BY total DESC NULLS LAST, customer_id LIMIT 5;
-- variant: mariadb
SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id ORDER BY total DESC, customer_id LIMIT 5;

-- id: agg-empty
SELECT COUNT(*), SUM(amount), MIN(amount), MAX(amount), AVG(amount), COUNT(amount) FROM orders WHERE amount > 1000000;

-- id: agg-empty-grouped
SELECT status, COUNT(*), SUM(amount) FROM orders WHERE amount > 1000000 GROUP BY status;

-- id: agg-empty-routed
SELECT COUNT(*), SUM(qty), AVG(discount) FROM orders WHERE customer_id = 999999;

-- id: agg-empty-routed-grouped
SELECT customer_id, COUNT(*) FROM orders WHERE customer_id = 999999 GROUP BY customer_id;

-- id: agg-all-null-input
SELECT COUNT(*), COUNT(amount), SUM(amount), MAX(amount) FROM orders WHERE amount IS NULL;

-- id: agg-distinct-city
SELECT DISTINCT city FROM customers;

-- id: agg-distinct-pair
SELECT DISTINCT status, country_code FROM orders;

-- id: agg-distinct-ordered
-- ordered
SELECT DISTINCT tier FROM customers ORDER BY tier NULLS LAST;
-- variant: mariadb
SELECT DISTINCT tier FROM customers ORDER BY tier IS NULL, tier;

-- id: agg-count-distinct
SELECT COUNT(DISTINCT status), COUNT(DISTINCT country_code), COUNT(DISTINCT customer_id) FROM orders;

-- id: agg-count-distinct-grouped
SELECT status, COUNT(DISTINCT customer_id) FROM orders GROUP BY status;

-- id: agg-count-distinct-by-key
SELECT customer_id, COUNT(DISTINCT status) FROM orders GROUP BY customer_id;

-- id: agg-group-expression
SELECT EXTRACT(MONTH FROM placed_at) AS m, COUNT(*) AS n FROM orders GROUP BY EXTRACT(MONTH FROM placed_at);

-- id: agg-events-by-kind
SELECT kind, COUNT(*), SUM(weight), AVG(weight), MIN(at) FROM events GROUP BY kind;

-- id: agg-events-routed
SELECT COUNT(*), MIN(at), MAX(at), SUM(weight) FROM events WHERE at BETWEEN DATE '2024-04-01' AND DATE '2024-06-30';

-- id: agg-routed-point
SELECT COUNT(*), SUM(amount), AVG(amount) FROM orders WHERE customer_id = 1;

-- id: agg-broadcast
SELECT COUNT(*), MIN(code), MAX(name), COUNT(region) FROM countries;

-- id: agg-mixed-case
SELECT Count(*), sum(Qty), Max(Amount) FROM Orders;
-- variant: mariadb
SELECT Count(*), sum(Qty), Max(Amount) FROM orders;

-- id: agg-decimal-balance
SELECT tier, SUM(balance), AVG(balance), MIN(balance), MAX(balance) FROM customers GROUP BY tier;

--- ====================================================================== joins

-- id: join-colocated
SELECT c.id, c.name, o.id AS order_id, o.amount FROM customers c JOIN orders o ON c.id = o.customer_id WHERE o.amount > 900;

-- id: join-colocated-count
SELECT COUNT(*) FROM customers c JOIN orders o ON c.id = o.customer_id;

-- id: join-colocated-group
SELECT c.city, COUNT(*), SUM(o.amount) FROM customers c JOIN orders o ON c.id = o.customer_id GROUP BY c.city;

-- id: join-colocated-left
SELECT c.id, o.id FROM customers c LEFT JOIN orders o ON c.id = o.customer_id WHERE c.id BETWEEN 188 AND 200;

-- id: join-colocated-anti
SELECT c.id, c.name FROM customers c LEFT JOIN orders o ON c.id = o.customer_id WHERE o.id IS NULL;

-- id: join-colocated-reversed
SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer_id = c.id WHERE o.qty = 9 AND c.tier = 2;

-- id: join-colocated-routed
-- ordered
SELECT c.name, o.id, o.amount FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id = 1 ORDER BY o.id;

-- id: join-colocated-routed-param
-- params: 3L
SELECT c.name, o.id, o.status FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id = ?;

-- id: join-colocated-top
-- ordered
SELECT c.name, o.id, o.amount FROM customers c JOIN orders o ON c.id = o.customer_id
 ORDER BY o.amount DESC NULLS LAST, o.id LIMIT 10;
-- variant: mariadb
SELECT c.name, o.id, o.amount FROM customers c JOIN orders o ON c.id = o.customer_id
 ORDER BY o.amount DESC, o.id LIMIT 10;

-- id: join-colocated-implicit
SELECT c.id, o.id FROM customers c, orders o WHERE c.id = o.customer_id AND o.qty = 9 AND c.city = 'Paris';

-- id: join-colocated-self
SELECT o1.id, o2.id FROM orders o1 JOIN orders o2 ON o1.customer_id = o2.customer_id AND o1.id < o2.id WHERE o1.customer_id = 1;

-- id: join-broadcast
SELECT o.id, o.country_code, k.name FROM orders o JOIN countries k ON o.country_code = k.code WHERE o.customer_id = 3;

-- id: join-broadcast-scatter
SELECT o.id, k.name FROM orders o JOIN countries k ON o.country_code = k.code WHERE o.amount > 950;

-- id: join-broadcast-group
SELECT k.region, COUNT(*), SUM(o.amount) FROM orders o JOIN countries k ON k.code = o.country_code GROUP BY k.region;

-- id: join-broadcast-left-unmatched
SELECT o.country_code, COUNT(*) FROM orders o LEFT JOIN countries k ON o.country_code = k.code WHERE k.code IS NULL GROUP BY o.country_code;

-- id: join-three-way
SELECT c.id, o.id, k.region FROM customers c JOIN orders o ON c.id = o.customer_id JOIN countries k ON k.code = o.country_code WHERE c.tier = 4 AND o.qty > 6;

-- id: join-broadcast-unlisted
SELECT k.code, n.body FROM countries k JOIN notes n ON n.id = LENGTH(k.name);

--- ====================================================================== subqueries on the co-location key

-- id: sq-exists
SELECT c.id, c.name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.amount > 990);

-- id: sq-not-exists
SELECT c.id FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id);

-- id: sq-in-colocated
SELECT id FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE status = 'CANCELLED' AND qty = 9);

-- id: sq-in-colocated-orders
SELECT id, amount FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE tier = 4 AND city = 'Tokyo');

-- id: sq-correlated-count
SELECT c.id, (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) AS n FROM customers c WHERE c.tier = 2;

-- id: sq-exists-routed
SELECT c.id, c.name FROM customers c WHERE c.id = 1 AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id);

-- id: sq-in-broadcast
SELECT id FROM orders WHERE country_code IN (SELECT code FROM countries WHERE region = 'Asia') AND qty = 9;

-- id: sq-not-in-broadcast
SELECT id, country_code FROM orders WHERE country_code NOT IN (SELECT code FROM countries);

--- ====================================================================== identifiers, literals, comments

-- id: ident-quoted
SELECT "ID", "NAME" FROM "CUSTOMERS" WHERE "ID" = 3;
-- variant: postgresql
SELECT "id", "name" FROM "customers" WHERE "id" = 3;
-- variant: mariadb
SELECT `id`, `name` FROM `customers` WHERE `id` = 3;

-- id: ident-quoted-alias
-- ordered
SELECT id AS "customerId", name AS "Full Name" FROM customers WHERE id IN (1, 2) ORDER BY "customerId";
-- variant: mariadb
SELECT id AS `customerId`, name AS `Full Name` FROM customers WHERE id IN (1, 2) ORDER BY `customerId`;

-- id: ident-mixed-case
SELECT Id, NaMe, CiTy FROM CuStOmErS WHERE iD = 5;
-- variant: mariadb
SELECT Id, NaMe, CiTy FROM customers WHERE iD = 5;

-- id: ident-mixed-case-alias
SELECT COUNT(*) AS Total, SUM(Amount) AS sumAmount FROM ORDERS WHERE Customer_Id = 2;
-- variant: mariadb
SELECT COUNT(*) AS Total, SUM(Amount) AS sumAmount FROM orders WHERE Customer_Id = 2;

-- id: ident-quoted-agg-alias
SELECT status AS "Status", COUNT(*) AS "Count" FROM orders GROUP BY status;
-- variant: mariadb
SELECT status AS `Status`, COUNT(*) AS `Count` FROM orders GROUP BY status;

-- id: ident-string-alias
-- only: mariadb (a string literal as a column alias is MariaDB syntax; H2 and PostgreSQL reject it)
SELECT status AS 'Status', COUNT(*) AS "Count" FROM orders GROUP BY status;

-- id: lit-quote
SELECT id FROM customers WHERE name = 'd''Artagnan';

-- id: lit-unicode
SELECT id, name FROM customers WHERE name IN ('Zoë', '李雷', 'Ångström');

-- id: lit-unicode-broadcast
SELECT code, region FROM countries WHERE name = 'Côte d''Ivoire' OR name = '日本';

-- id: lit-unicode-select
SELECT 'Grüße, 世界' AS greeting, id FROM customers WHERE id = 1;

-- id: lit-param-unicode
-- params: 'Zürich'
SELECT id, name FROM customers WHERE city = ?;

-- id: comment-line
SELECT id, name -- the name may be NULL
  FROM customers -- sharded on id
 WHERE id = 1;

-- id: comment-block
SELECT /* block */ id, name FROM customers /* multi
  line */ WHERE id = 2;

-- id: comment-leading
/* a comment before the statement */ SELECT COUNT(*) FROM orders WHERE status = 'NEW';

--- ====================================================================== EXPLAIN (driver only)

-- id: explain-point
-- explain
EXPLAIN SELECT * FROM customers WHERE id = 1;

-- id: explain-scatter
-- explain: s0, s1, s2, s3
EXPLAIN SELECT status, COUNT(*) FROM orders GROUP BY status;

-- id: explain-range
-- explain: s1
EXPLAIN SELECT * FROM events WHERE at BETWEEN DATE '2024-05-01' AND DATE '2024-05-31';

-- id: explain-broadcast
-- explain
EXPLAIN SELECT * FROM countries;

-- id: explain-unlisted
-- explain: s0
EXPLAIN SELECT * FROM notes;

-- id: explain-join
-- explain
EXPLAIN SELECT c.name, o.amount FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id = 1;

--- ====================================================================== refusals (listed in expected-refusals.txt)

-- id: refuse-join-not-colocated
SELECT c.id, o.id FROM customers c JOIN orders o ON c.tier = o.qty;

-- id: refuse-join-events-customers
SELECT e.id, c.name FROM events e JOIN customers c ON c.id = e.customer_id;

-- id: refuse-scalar-subquery-where
SELECT id, amount FROM orders WHERE amount > (SELECT AVG(amount) FROM orders);

-- id: refuse-scalar-subquery-select
SELECT id, (SELECT COUNT(*) FROM orders) AS total FROM customers WHERE id = 1;

-- id: refuse-in-subquery-not-colocated
SELECT id FROM customers WHERE tier IN (SELECT qty FROM orders WHERE amount > 990);

-- id: refuse-window-row-number
SELECT id, ROW_NUMBER() OVER (ORDER BY amount DESC, id) AS rn FROM orders;

-- id: refuse-window-partition
SELECT id, SUM(amount) OVER (PARTITION BY status) AS s FROM orders;

-- id: refuse-derived-aggregate
SELECT t.status, t.n FROM (SELECT status, COUNT(*) AS n FROM orders GROUP BY status) t WHERE t.n > 300;

--- ====================================================================== writes

-- id: ins-single
INSERT INTO customers (id, name, city, tier, balance, created) VALUES (1001, 'New One', 'Paris', 2, 10.00, DATE '2024-05-05');

-- id: ins-multi
INSERT INTO customers (id, name, city, tier, balance, created) VALUES
  (1002, 'Multi ''A''', 'Berlin', 1, -1.00, DATE '2024-05-06'),
  (1003, 'Multi Ü', NULL, NULL, NULL, NULL),
  (1004, 'multi c', 'Tokyo', 3, 0.00, DATE '2024-05-07'),
  (1005, 'MULTI D', 'São Paulo', 4, 99.99, DATE '2024-05-08'),
  (-1006, 'negative', 'Paris', 2, 5.50, DATE '2024-05-09');

-- id: ins-param
-- params: 1007L, 'Param O''Neil', 'Zürich', 2, 12.34, DATE '2024-06-01'
INSERT INTO customers (id, name, city, tier, balance, created) VALUES (?, ?, ?, ?, ?, ?);

-- id: ins-param-nulls
-- params: 1008L, NULL, NULL, NULL, NULL, NULL
INSERT INTO customers (id, name, city, tier, balance, created) VALUES (?, ?, ?, ?, ?, ?);

-- id: ins-orders-multi
INSERT INTO orders (id, customer_id, amount, qty, status, country_code, placed_at, discount) VALUES
  (3001, 1001, 10.00, 1, 'NEW', 'FR', TIMESTAMP '2024-05-05 10:00:00', 0.1),
  (3002, 1002, -3.00, 0, 'PAID', 'DE', TIMESTAMP '2024-05-06 11:30:00', NULL),
  (3003, 1, 0.00, NULL, NULL, NULL, NULL, 0.0),
  (3004, 123456789012, 500.50, 5, 'SHIPPED', 'ZZ', TIMESTAMP '2024-12-31 23:59:59', 0.25);

-- id: ins-orders-param
-- params: 3005L, 1003L, 77.70, 7, 'NEW', 'JP', TIMESTAMP '2024-07-07 07:07:07', 0.07d
INSERT INTO orders (id, customer_id, amount, qty, status, country_code, placed_at, discount) VALUES (?, ?, ?, ?, ?, ?, ?, ?);

-- id: ins-duplicate-key
-- error
INSERT INTO customers (id, name) VALUES (1, 'duplicate');

-- id: ins-null-sharding-key
-- error
INSERT INTO orders (id, customer_id, amount) VALUES (3999, NULL, 1.00);

-- id: ins-broadcast
INSERT INTO countries (code, name, region) VALUES ('NZ', 'New Zealand', 'Oceania');

-- id: ins-broadcast-multi
INSERT INTO countries (code, name, region) VALUES ('MX', 'México', 'Americas'), ('AR', 'Argentina', 'Americas');

-- id: ins-broadcast-duplicate
-- error
INSERT INTO countries (code, name, region) VALUES ('US', 'again', 'Americas');

-- id: ins-unlisted
INSERT INTO notes (id, body) VALUES (21, 'inserted ''note'' ✓');

-- id: ins-unlisted-param
-- params: 22, 'param note'
INSERT INTO notes (id, body) VALUES (?, ?);

-- id: ins-events-multi
INSERT INTO events (id, at, kind, customer_id, weight) VALUES
  (501, DATE '2024-02-02', 'new', 1, 1),
  (502, DATE '2024-05-05', 'new', 2, 2),
  (503, DATE '2024-08-08', 'new', NULL, 3),
  (504, DATE '2024-11-11', 'new', 3, NULL),
  (505, DATE '2026-01-01', 'future', NULL, 0);

-- id: ins-events-param
-- params: 506L, DATE '2024-09-30', 'edge', 5L, -1
INSERT INTO events (id, at, kind, customer_id, weight) VALUES (?, ?, ?, ?, ?);

-- id: read-after-inserts
SELECT id, name, city, tier, balance FROM customers WHERE id > 1000 OR id = -1006;

-- id: upd-routed
UPDATE customers SET balance = balance + 1.50 WHERE id = 1;

-- id: upd-routed-param
-- params: 'Lyon', 8L
UPDATE customers SET city = ? WHERE id = ?;

-- id: upd-routed-no-match
UPDATE customers SET city = 'nowhere' WHERE id = 999999;

-- id: upd-routed-orders
UPDATE orders SET qty = qty + 10 WHERE customer_id = 2;

-- id: upd-scatter
UPDATE orders SET qty = qty + 1 WHERE status = 'NEW';

-- id: upd-scatter-null
UPDATE orders SET status = 'UNKNOWN' WHERE status IS NULL;

-- id: upd-scatter-expression
UPDATE customers SET tier = COALESCE(tier, 0) + 1 WHERE balance < 0;

-- id: upd-scatter-by-pk
UPDATE orders SET amount = amount * 2 WHERE id = 100;

-- id: upd-in-keys
UPDATE customers SET name = UPPER(name) WHERE id IN (2, 3, 4, 1003);

-- id: upd-broadcast
UPDATE countries SET region = 'EU' WHERE region = 'Europe';

-- id: upd-broadcast-all
UPDATE countries SET name = TRIM(name);

-- id: upd-broadcast-point
-- params: 'Ivory Coast', 'CI'
UPDATE countries SET name = ? WHERE code = ?;

-- id: upd-unlisted
UPDATE notes SET body = 'changed' WHERE id = 1;

-- id: upd-events-routed
UPDATE events SET weight = weight * 2 WHERE at = DATE '2024-04-01';

-- id: upd-events-range
UPDATE events SET kind = 'late' WHERE at >= DATE '2024-12-01';

-- id: upd-events-scatter
UPDATE events SET weight = 0 WHERE weight IS NULL;

-- id: upd-contradiction
UPDATE customers SET name = 'never' WHERE id = 1 AND id = 2;

-- id: del-routed
DELETE FROM orders WHERE customer_id = 3 AND id = 5;

-- id: del-scatter-by-pk
DELETE FROM orders WHERE id = 101;

-- id: del-scatter
DELETE FROM orders WHERE amount < 0 AND qty = 0;

-- id: del-broadcast
DELETE FROM countries WHERE code IN ('MX', 'AR');

-- id: del-unlisted
DELETE FROM notes WHERE body IS NULL;

-- id: del-events-range
DELETE FROM events WHERE at < DATE '2024-01-01';

-- id: del-contradiction
DELETE FROM customers WHERE id = 1 AND id = 2;

-- id: del-routed-param
-- params: 1008L
DELETE FROM customers WHERE id = ?;

-- id: batch-insert-customers
-- batch
-- params: 2001L, 'Batch A', 'Paris', 1
-- params: 2002L, 'Batch B', 'Berlin', 2
-- params: 2003L, 'Batch ''C''', NULL, NULL
-- params: 2004L, 'Batch Ω', 'Tokyo', 4
-- params: -2005L, 'Batch neg', 'London', 3
INSERT INTO customers (id, name, city, tier) VALUES (?, ?, ?, ?);

-- id: batch-insert-orders
-- batch
-- params: 3101L, 2001L, 1.00, 1, 'NEW'
-- params: 3102L, 2002L, 2.00, 2, 'NEW'
-- params: 3103L, 2003L, NULL, NULL, NULL
-- params: 3104L, 1L, -4.00, 4, 'PAID'
INSERT INTO orders (id, customer_id, amount, qty, status) VALUES (?, ?, ?, ?, ?);

-- id: batch-update-by-key
-- batch
-- params: 4, 2001L
-- params: 3, 2002L
-- params: 2, 999999L
UPDATE customers SET tier = ? WHERE id = ?;

-- id: batch-update-scatter
-- batch
-- params: 9, 3101L
-- params: 8, 3102L
-- params: 7, 12L
UPDATE orders SET qty = ? WHERE id = ?;

-- id: batch-delete
-- batch
-- params: 2003L
-- params: 2004L
-- params: 424242L
DELETE FROM customers WHERE id = ?;

-- id: batch-broadcast
-- batch
-- params: 'PT', 'Portugal', 'EU'
-- params: 'NL', 'Nederland', 'EU'
INSERT INTO countries (code, name, region) VALUES (?, ?, ?);

-- id: batch-events
-- batch
-- params: 601L, DATE '2024-01-15', 'batch', 1L, 1
-- params: 602L, DATE '2024-04-15', 'batch', 2L, 2
-- params: 603L, DATE '2024-10-15', 'batch', NULL, 3
INSERT INTO events (id, at, kind, customer_id, weight) VALUES (?, ?, ?, ?, ?);

-- id: read-after-writes-customers
SELECT COUNT(*), SUM(balance), COUNT(DISTINCT city), MAX(id), MIN(id) FROM customers;

-- id: read-after-writes-join
SELECT c.city, COUNT(*), SUM(o.qty) FROM customers c JOIN orders o ON c.id = o.customer_id GROUP BY c.city;

-- id: read-after-writes-countries
-- ordered
SELECT code, name, region FROM countries ORDER BY code;

--- ====================================================================== writes that must be refused

-- id: refuse-update-sharding-key-range
UPDATE events SET at = DATE '2024-11-11' WHERE id = 2;

-- id: refuse-update-sharding-key-hash
UPDATE customers SET id = id + 100000 WHERE tier = 1;

-- id: refuse-update-colocated-key
UPDATE orders SET customer_id = customer_id + 100000 WHERE qty = 9;

--- ====================================================================== transactions on one shard

-- id: tx-commit-update
-- tx-begin
UPDATE customers SET balance = balance - 25.00 WHERE id = 10;

-- id: tx-commit-insert
INSERT INTO orders (id, customer_id, amount, qty, status) VALUES (4001, 10, 25.00, 1, 'NEW');

-- id: tx-commit-read-own-writes
-- ordered
SELECT id, amount, status FROM orders WHERE customer_id = 10 ORDER BY id;

-- id: tx-commit-end
-- commit
UPDATE orders SET status = 'PAID' WHERE customer_id = 10 AND id = 4001;

-- id: tx-rollback-delete
-- tx-begin
DELETE FROM orders WHERE customer_id = 9;

-- id: tx-rollback-read
SELECT COUNT(*) FROM orders WHERE customer_id = 9;

-- id: tx-rollback-end
-- rollback
UPDATE customers SET name = 'gone' WHERE id = 9;

-- id: tx-after-rollback
SELECT COUNT(*), SUM(amount) FROM orders WHERE customer_id = 9;

-- id: tx-events-insert
-- tx-begin
-- params: 701L, DATE '2024-05-20', 'tx', 1L, 1
INSERT INTO events (id, at, kind, customer_id, weight) VALUES (?, ?, ?, ?, ?);

-- id: tx-events-commit
-- commit
UPDATE events SET weight = 2 WHERE at = DATE '2024-05-20' AND id = 701;

-- id: tx-broadcast-read
-- tx-begin
UPDATE customers SET tier = 4 WHERE id = 11;

-- id: tx-broadcast-read-countries
SELECT code, name FROM countries WHERE code = 'FR';

-- id: tx-broadcast-read-end
-- commit
SELECT tier FROM customers WHERE id = 11;

-- id: tx-single-statement
-- tx-begin
-- rollback
DELETE FROM customers WHERE id = 12;

--- ====================================================================== transactions over several shards (two-phase commit)

-- id: tx-two-shards-first-write
-- tx-begin
INSERT INTO events (id, at, kind, customer_id, weight) VALUES (702, DATE '2024-02-02', 'tx', 1, 1);

-- id: tx-two-shards-rolled-back
-- rollback
INSERT INTO events (id, at, kind, customer_id, weight) VALUES (703, DATE '2024-08-08', 'tx', 1, 1);

-- id: tx-two-shards-after-rollback
SELECT COUNT(*) FROM events WHERE id IN (702, 703);

-- id: tx-two-shards-commit-first
-- tx-begin
INSERT INTO events (id, at, kind, customer_id, weight) VALUES (704, DATE '2024-02-03', 'tx', 2, 1);

-- id: tx-two-shards-commit-scatter
UPDATE customers SET balance = balance + 1.00 WHERE tier = 3;

-- id: tx-two-shards-commit-read-own-writes
SELECT id, at, kind FROM events WHERE kind = 'tx';

-- id: tx-two-shards-committed
-- commit
INSERT INTO events (id, at, kind, customer_id, weight) VALUES (705, DATE '2024-11-03', 'tx', 2, 2);

-- id: tx-two-shards-after-commit
SELECT id, at, kind, weight FROM events WHERE id IN (702, 703, 704, 705);

--- ====================================================================== DDL through the driver, then use

-- id: ddl-create-sharded
CREATE TABLE ledger (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, entry DECIMAL(12,2));

-- id: ddl-create-index
CREATE INDEX idx_ledger_customer ON ledger(customer_id);

-- id: ddl-insert
INSERT INTO ledger (id, customer_id, entry) VALUES (1, 1, 10.00), (2, 2, -5.00), (3, 3, 0.00), (4, 123456789012, 1.25), (5, 1, 3.50);

-- id: ddl-alter-add-column
ALTER TABLE ledger ADD COLUMN memo VARCHAR(20);

-- id: ddl-use-new-column
UPDATE ledger SET memo = CONCAT('m', id) WHERE customer_id = 1;

-- id: ddl-select
-- ordered
SELECT * FROM ledger ORDER BY id;

-- id: ddl-join
SELECT c.name, l.entry, l.memo FROM customers c JOIN ledger l ON c.id = l.customer_id;

-- id: ddl-aggregate
SELECT customer_id, SUM(entry), COUNT(memo) FROM ledger GROUP BY customer_id;

-- id: ddl-drop
DROP TABLE ledger;

-- id: ddl-after-drop
-- error
SELECT * FROM ledger;

-- id: ddl-alter-existing
ALTER TABLE orders ADD COLUMN note VARCHAR(20);

-- id: ddl-index-existing
CREATE INDEX idx_orders_status ON orders(status);

-- id: ddl-use-existing
UPDATE orders SET note = 'big' WHERE amount > 990;

-- id: ddl-read-existing
SELECT id, customer_id, note FROM orders WHERE note IS NOT NULL;

-- id: ddl-drop-column
ALTER TABLE orders DROP COLUMN note;

-- id: ddl-unlisted-create
CREATE TABLE scratch (id INT PRIMARY KEY, v VARCHAR(10));

-- id: ddl-unlisted-insert
INSERT INTO scratch (id, v) VALUES (1, 'a'), (2, NULL), (3, 'c');

-- id: ddl-unlisted-select
SELECT * FROM scratch WHERE v IS NOT NULL;

-- id: ddl-unlisted-drop
DROP TABLE scratch;

--- ====================================================================== errors the driver must pass on

-- id: err-unknown-table
-- error
SELECT * FROM no_such_table;

-- id: err-unknown-column
-- error
SELECT no_such_column FROM customers WHERE id = 1;

-- id: err-division-by-zero
-- error
-- skip: mariadb (MariaDB answers a division by zero in a SELECT with NULL and a warning, not an error)
SELECT id / 0 FROM customers WHERE id = 1;

-- id: err-syntax
-- error
SELEKT id FROM customers;

--- ====================================================================== final state

-- id: final-orders
-- ordered
SELECT * FROM orders ORDER BY id;

-- id: final-customers
-- ordered
SELECT * FROM customers ORDER BY id;

-- id: final-events
-- ordered
SELECT * FROM events ORDER BY id;
