-- Rows for every shard: a broadcast insert, then sharded rows spread by the hash of their keys.
INSERT INTO countries (code, name) VALUES ('FR', 'France'), ('JP', 'Japan');

INSERT INTO customers (id, name, country) VALUES
    (1, 'Ada', 'FR'), (2, 'Grace', 'JP'), (3, 'Edsger', 'FR'), (4, 'Barbara', 'JP'),
    (5, 'Donald', 'FR'), (6, 'Frances', 'JP'), (7, 'Niklaus', 'FR'), (8, 'Radia', 'JP');

INSERT INTO orders (id, customer_id, amount) VALUES
    (101, 1, 10.00), (102, 2, 20.00), (103, 3, 30.00), (104, 4, 40.00),
    (105, 5, 50.00), (106, 6, 60.00), (107, 7, 70.00), (108, 8, 80.00), (109, 1, 5.50);
