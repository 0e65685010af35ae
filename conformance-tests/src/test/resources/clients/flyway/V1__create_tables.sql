-- Sharded (customers, orders) and broadcast (countries) tables: the driver runs this DDL on every shard.
CREATE TABLE customers (
    id   BIGINT PRIMARY KEY,
    name VARCHAR(60) NOT NULL
);

CREATE TABLE orders (
    id          BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    amount      DECIMAL(10, 2) NOT NULL
);

CREATE TABLE countries (
    code CHAR(2) PRIMARY KEY,
    name VARCHAR(60) NOT NULL
);
