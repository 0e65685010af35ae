package dev.sherd.conformance;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The schema and the deterministic data set (fixed seed) of the differential suite, expressed as
 * {@link CorpusEntry} statements so the load goes through the same comparison as the corpus: the
 * DDL, PreparedStatement batches (customers, orders), multi-row literal INSERTs (events, countries)
 * and multi-row parameterised INSERTs (notes). Each statement is run on the driver and on the oracle;
 * update counts and then the written table's contents are compared.
 *
 * <p>The data deliberately holds NULLs in every nullable column, duplicates in grouping columns,
 * negative and zero amounts, quotes, Unicode and mixed case in strings, keys that are zero, negative
 * and larger than an int, customers without orders, and events on the range boundaries.
 * Immutable; the same instance always yields the same statements.
 */
final class ConformanceData {

    static final long SEED = 20240229L;

    /** The schema on {@code backend}: the same tables and columns everywhere, with the backend's names for two types. */
    static List<String> ddl(Backend backend) {
        return List.of(
                "CREATE TABLE customers(id BIGINT PRIMARY KEY, name VARCHAR(50), city VARCHAR(30), tier INT, balance DECIMAL(12,2), created DATE)",
                "CREATE TABLE orders(id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, amount DECIMAL(12,2), qty INT, status VARCHAR(10), "
                        + "country_code CHAR(2), placed_at " + backend.timestampType() + ", discount " + backend.doubleType() + ")",
                "CREATE TABLE events(id BIGINT PRIMARY KEY, at DATE NOT NULL, kind VARCHAR(20), customer_id BIGINT, weight INT)",
                "CREATE TABLE countries(code CHAR(2) PRIMARY KEY, name VARCHAR(40), region VARCHAR(20))",
                "CREATE TABLE notes(id INT PRIMARY KEY, body VARCHAR(200))");
    }

    static final List<String> CITIES = Arrays.asList("Berlin", "berlin", "Paris", "New York", "São Paulo", "Zürich", "Tokyo", "London", null);
    static final List<String> NAMES = Arrays.asList("Alice", "ALICE", "bob", "O'Brien", "Zoë", "Ångström", "李雷", "d'Artagnan",
            "Émile", "mcDonald", "McDonald", "Smith", "smith", "Nguyễn", null);
    static final List<String> STATUSES = Arrays.asList("NEW", "PAID", "SHIPPED", "CANCELLED", "paid", null);
    static final List<String> KINDS = Arrays.asList("click", "view", "purchase", "Click", "signup", null);
    static final List<String> COUNTRY_CODES = List.of("US", "CA", "BR", "DE", "FR", "GB", "IT", "ES", "JP", "CN", "IN", "CI");
    /** Codes orders use: every country, one code with no country row, and NULL. */
    static final List<String> ORDER_COUNTRY_CODES = Arrays.asList("US", "CA", "BR", "DE", "FR", "GB", "IT", "ES", "JP", "CN", "IN", "CI", "ZZ", null);
    /** Customers that never get an order (for outer joins and NOT EXISTS). */
    static final long NO_ORDERS_FROM = 191;
    static final long NO_ORDERS_TO = 196;

    record Customer(long id, String name, String city, Integer tier, BigDecimal balance, Date created) { }

    record Order(long id, long customerId, BigDecimal amount, Integer qty, String status, String countryCode, Timestamp placedAt, Double discount) { }

    record Event(long id, Date at, String kind, Long customerId, Integer weight) { }

    final List<Customer> customers;
    final List<Order> orders;
    final List<Event> events;

    ConformanceData() {
        Random r = new Random(SEED);
        List<Customer> customers = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        customers.add(new Customer(1, "Alice", "Berlin", 1, new BigDecimal("100.00"), Date.valueOf("2021-03-04")));
        customers.add(new Customer(2, "O'Brien", "Paris", 2, new BigDecimal("0.00"), Date.valueOf("2022-07-15")));
        customers.add(new Customer(3, "Zoë", "São Paulo", null, new BigDecimal("-42.50"), null));
        customers.add(new Customer(4, null, null, 3, null, Date.valueOf("2020-01-01")));
        customers.add(new Customer(5, "李雷", "Tokyo", 4, new BigDecimal("1234567.89"), Date.valueOf("2023-12-31")));
        customers.add(new Customer(6, "mcDonald", "berlin", 1, new BigDecimal("250.25"), Date.valueOf("2024-02-29")));
        customers.add(new Customer(7, "McDonald", "Berlin", 1, new BigDecimal("250.25"), Date.valueOf("2024-02-29")));
        customers.add(new Customer(8, "d'Artagnan", "Zürich", 2, new BigDecimal("-0.01"), Date.valueOf("2019-05-05")));
        customers.add(new Customer(9, "ALICE", "New York", 3, new BigDecimal("77.70"), Date.valueOf("2021-03-04")));
        customers.add(new Customer(10, "Ångström", "London", 4, new BigDecimal("5000.00"), Date.valueOf("2022-01-01")));
        List<Long> ids = new ArrayList<>();
        for (long id = 11; id <= 196; id++) {
            ids.add(id);
        }
        ids.addAll(List.of(0L, -7L, 9_000_000_000L, 123_456_789_012L));
        for (long id : ids) {
            String name = pick(r, NAMES);
            if (name != null && r.nextInt(3) > 0) {
                name = name + " " + id;
            }
            Integer tier = r.nextInt(10) == 0 ? null : 1 + r.nextInt(4);
            BigDecimal balance = switch (r.nextInt(12)) {
                case 0 -> null;
                case 1 -> new BigDecimal("0.00");
                case 2 -> BigDecimal.valueOf(-r.nextInt(50_000), 2);
                default -> BigDecimal.valueOf(r.nextInt(500_000), 2);
            };
            Date created = r.nextInt(20) == 0 ? null : Date.valueOf(LocalDate.of(2020, 1, 1).plusDays(r.nextInt(1800)));
            customers.add(new Customer(id, name, pick(r, CITIES), tier, balance, created));
        }
        List<Long> buyers = customers.stream().map(Customer::id).filter(id -> id < NO_ORDERS_FROM || id > NO_ORDERS_TO).toList();
        LocalDateTime yearStart = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (long id = 1; id <= 2000; id++) {
            long customer = id <= 12 ? 1 + (id % 3) : buyers.get(r.nextInt(buyers.size()));
            BigDecimal amount = switch (r.nextInt(25)) {
                case 0 -> null;
                case 1 -> new BigDecimal("0.00");
                case 2 -> BigDecimal.valueOf(-r.nextInt(5_000), 2);
                default -> BigDecimal.valueOf(r.nextInt(100_000), 2);
            };
            Integer qty = r.nextInt(20) == 0 ? null : r.nextInt(10);
            Timestamp placed = r.nextInt(20) == 0 ? null : Timestamp.valueOf(yearStart.plusSeconds(r.nextInt(366 * 24 * 3600)));
            Double discount = switch (r.nextInt(8)) {
                case 0 -> null;
                case 1 -> 0.0;
                case 2 -> 0.1;
                default -> r.nextDouble() * 0.5;
            };
            orders.add(new Order(id, customer, amount, qty, pick(r, STATUSES), pick(r, ORDER_COUNTRY_CODES), placed, discount));
        }
        List<Date> boundaries = List.of(Date.valueOf("2023-12-31"), Date.valueOf("2024-01-01"), Date.valueOf("2024-03-31"),
                Date.valueOf("2024-04-01"), Date.valueOf("2024-06-30"), Date.valueOf("2024-07-01"), Date.valueOf("2024-09-30"),
                Date.valueOf("2024-10-01"), Date.valueOf("2024-12-31"), Date.valueOf("2025-01-01"), Date.valueOf("2023-11-15"),
                Date.valueOf("2025-02-10"));
        for (long id = 1; id <= 500; id++) {
            Date at = id <= boundaries.size() ? boundaries.get((int) id - 1)
                    : Date.valueOf(LocalDate.of(2024, 1, 1).plusDays(r.nextInt(366)));
            Long customer = r.nextInt(10) == 0 ? null : customers.get(r.nextInt(customers.size())).id();
            Integer weight = r.nextInt(20) == 0 ? null : r.nextInt(26) - 5;
            events.add(new Event(id, at, pick(r, KINDS), customer, weight));
        }
        this.customers = List.copyOf(customers);
        this.orders = List.copyOf(orders);
        this.events = List.copyOf(events);
    }

    /** Every statement of the load on {@code backend}, in order: DDL, then data for each table. */
    List<CorpusEntry> loadEntries(Backend backend) {
        List<CorpusEntry> out = new ArrayList<>();
        String[] tables = {"customers", "orders", "events", "countries", "notes"};
        List<String> ddl = ddl(backend);
        for (int i = 0; i < ddl.size(); i++) {
            out.add(plain("create-" + tables[i], ddl.get(i)));
        }
        String insertCustomer = "INSERT INTO customers (id, name, city, tier, balance, created) VALUES (?, ?, ?, ?, ?, ?)";
        for (int from = 0; from < customers.size(); from += 50) {
            CorpusEntry.Builder b = CorpusEntry.builder("load-customers-" + (from / 50 + 1), "ConformanceData");
            b.batch = true;
            for (Customer c : customers.subList(from, Math.min(customers.size(), from + 50))) {
                b.params(Arrays.asList(c.id(), c.name(), c.city(), c.tier(), c.balance(), c.created()));
            }
            out.add(b.build(insertCustomer));
        }
        String insertOrder = "INSERT INTO orders (id, customer_id, amount, qty, status, country_code, placed_at, discount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        for (int from = 0; from < orders.size(); from += 250) {
            CorpusEntry.Builder b = CorpusEntry.builder("load-orders-" + (from / 250 + 1), "ConformanceData");
            b.batch = true;
            for (Order o : orders.subList(from, Math.min(orders.size(), from + 250))) {
                b.params(Arrays.asList(o.id(), o.customerId(), o.amount(), o.qty(), o.status(), o.countryCode(), o.placedAt(), o.discount()));
            }
            out.add(b.build(insertOrder));
        }
        for (int from = 0; from < events.size(); from += 100) {
            StringBuilder sql = new StringBuilder("INSERT INTO events (id, at, kind, customer_id, weight) VALUES\n");
            List<Event> chunk = events.subList(from, Math.min(events.size(), from + 100));
            for (int i = 0; i < chunk.size(); i++) {
                Event e = chunk.get(i);
                sql.append(i == 0 ? "  " : ",\n  ").append('(').append(e.id()).append(", ").append(literal(e.at())).append(", ")
                        .append(literal(e.kind())).append(", ").append(literal(e.customerId())).append(", ").append(literal(e.weight())).append(')');
            }
            out.add(plain("load-events-" + (from / 100 + 1), sql.toString()));
        }
        out.add(plain("load-countries", """
                INSERT INTO countries (code, name, region) VALUES
                  ('US', 'United States', 'Americas'), ('CA', 'Canada', 'Americas'), ('BR', 'Brasil', 'Americas'),
                  ('DE', 'Deutschland', 'Europe'), ('FR', 'France', 'Europe'), ('GB', 'United Kingdom', 'Europe'),
                  ('IT', 'Italia', 'Europe'), ('ES', 'España', 'Europe'), ('JP', '日本', 'Asia'),
                  ('CN', '中国', 'Asia'), ('IN', 'India', NULL), ('CI', 'Côte d''Ivoire', 'Africa')"""));
        List<String> bodies = Arrays.asList("first note", "it's a note", "Ünïcödé ✓", null, "MiXeD CaSe", "'quoted'",
                "semi; colon", "", "  padded  ", "line\nbreak", "Tab\there", "日本語のメモ", "percent % and _underscore",
                "back\\slash", "O'Brien's \"double\"", null, "z-last", "A-first", "123", "emoji 😀");
        for (int part = 0; part < 2; part++) {
            StringBuilder sql = new StringBuilder("INSERT INTO notes (id, body) VALUES ");
            CorpusEntry.Builder b = CorpusEntry.builder("load-notes-" + (part + 1), "ConformanceData");
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int id = part * 10 + i + 1;
                sql.append(i == 0 ? "" : ", ").append("(?, ?)");
                params.add(id);
                params.add(bodies.get(id - 1));
            }
            out.add(b.params(params).build(sql.toString()));
        }
        return out;
    }

    private static CorpusEntry plain(String id, String sql) {
        return CorpusEntry.builder(id, "ConformanceData").build(sql);
    }

    static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (v instanceof Date d) {
            return "DATE '" + d + "'";
        }
        if (v instanceof Timestamp t) {
            return "TIMESTAMP '" + t + "'";
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString();
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
