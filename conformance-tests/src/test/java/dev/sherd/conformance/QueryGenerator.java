package dev.sherd.conformance;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates random single-table and co-located-join queries over customers, orders and events,
 * deterministically from a seed: filters on the sharding key and on other columns (AND/OR/NOT, IN,
 * BETWEEN, IS NULL, LIKE, comparisons), literals or parameters, aggregates with and without
 * GROUP BY, HAVING, DISTINCT, ORDER BY and LIMIT/OFFSET/FETCH.
 *
 * <p>What it promises, so the comparison is exact: LIMIT/OFFSET only after an ORDER BY made total
 * by ending with the primary key (or with every GROUP BY column); a result compared in order only
 * when its order is total, on the sorted column prefix when it is partial, as a multiset otherwise.
 * It never generates joins that are not on the co-location key. A few queries use constructs a
 * driver may legitimately refuse (window functions, a scalar subquery over a whole sharded table);
 * only those are tagged as refusable. Not thread-safe; one instance per run.
 */
final class QueryGenerator {

    static final long DEFAULT_SEED = 7_310_2024L;
    static final int DEFAULT_COUNT = 300;

    private enum Type { LONG, INT, DEC, DOUBLE, STR, DATE, TS, CHAR2 }

    private record Col(String name, Type type) { }

    private record Table(String name, String alias, String pk, String key, List<Col> cols) {
        Col col(String n) {
            return cols.stream().filter(c -> c.name.equals(n)).findFirst().orElseThrow();
        }

        List<Col> numeric() {
            return cols.stream().filter(c -> c.type == Type.INT || c.type == Type.DEC || c.type == Type.DOUBLE).toList();
        }

        List<Col> groupable() {
            return cols.stream().filter(c -> !c.name.equals(pk) && c.type != Type.DOUBLE && c.type != Type.TS
                    && !(c.type == Type.DEC)).toList();
        }
    }

    private static final Table CUSTOMERS = new Table("customers", "c", "id", "id", List.of(
            new Col("id", Type.LONG), new Col("name", Type.STR), new Col("city", Type.STR), new Col("tier", Type.INT),
            new Col("balance", Type.DEC), new Col("created", Type.DATE)));
    private static final Table ORDERS = new Table("orders", "o", "id", "customer_id", List.of(
            new Col("id", Type.LONG), new Col("customer_id", Type.LONG), new Col("amount", Type.DEC), new Col("qty", Type.INT),
            new Col("status", Type.STR), new Col("country_code", Type.CHAR2), new Col("placed_at", Type.TS),
            new Col("discount", Type.DOUBLE)));
    private static final Table EVENTS = new Table("events", "e", "id", "at", List.of(
            new Col("id", Type.LONG), new Col("at", Type.DATE), new Col("kind", Type.STR), new Col("customer_id", Type.LONG),
            new Col("weight", Type.INT)));
    private static final List<Table> TABLES = List.of(CUSTOMERS, ORDERS, EVENTS);
    private static final double[] DISCOUNTS = {0.0, 0.05, 0.1, 0.2, 0.25, 0.3, 0.45};

    private final long seed;
    private final Backend backend;
    private final Random r;
    private final List<Long> customerIds;

    /** Queries in H2's spelling. */
    QueryGenerator(long seed) {
        this(seed, Backend.H2);
    }

    /**
     * Queries in {@code backend}'s spelling. The random draws do not depend on the backend, so a
     * seed makes the same queries everywhere except for how a non-default NULL order is written.
     */
    QueryGenerator(long seed, Backend backend) {
        this.seed = seed;
        this.backend = backend;
        this.r = new Random(seed);
        this.customerIds = new ConformanceData().customers.stream().map(ConformanceData.Customer::id).toList();
    }

    /** {@code -Dsherd.seed=N} (or {@code random}), else {@link #DEFAULT_SEED}. */
    static long seedFromSystemProperty() {
        String s = System.getProperty("sherd.seed");
        if (s == null || s.isBlank()) {
            return DEFAULT_SEED;
        }
        return s.equalsIgnoreCase("random") ? System.nanoTime() : Long.parseLong(s.strip());
    }

    static int countFromSystemProperty() {
        return Integer.getInteger("sherd.queries", DEFAULT_COUNT);
    }

    long seed() {
        return seed;
    }

    List<GeneratedQuery> generate(int count) {
        List<GeneratedQuery> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(next(i));
        }
        return out;
    }

    /** Builds one query; SQL text and parameter list are filled in step. */
    private final class Query {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();
        final boolean parameterised = r.nextInt(10) < 3;
        final Set<String> approximate = new HashSet<>();
        int aliasCounter;

        String value(Object v) {
            if (parameterised) {
                params.add(v);
                return "?";
            }
            return v instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : ConformanceData.literal(v);
        }
    }

    private GeneratedQuery next(int index) {
        int shape = r.nextInt(100);
        Query q = new Query();
        ComparisonMode mode;
        String refusable = null;
        if (shape < 38) {
            mode = plainSelect(q, pick(TABLES));
        } else if (shape < 55) {
            mode = aggregateSelect(q, pick(TABLES));
        } else if (shape < 88) {
            mode = groupedSelect(q, pick(TABLES));
        } else if (shape < 96) {
            mode = joinSelect(q);
        } else {
            refusable = refusableSelect(q);
            mode = ComparisonMode.unordered();
        }
        mode = mode.withApproximate(q.approximate);
        return new GeneratedQuery(seed, index, q.sql.toString(), q.parameterised ? q.params : null, mode, refusable);
    }

    private ComparisonMode plainSelect(Query q, Table t) {
        List<Col> selected;
        boolean distinct = r.nextInt(10) == 0;
        boolean star = !distinct && r.nextInt(12) == 0;
        if (distinct) {
            selected = sample(t.groupable(), 1 + r.nextInt(2));
        } else if (star) {
            selected = t.cols;
        } else {
            selected = sample(t.cols, 1 + r.nextInt(4));
        }
        q.sql.append("SELECT ").append(distinct ? "DISTINCT " : "")
                .append(star ? "*" : String.join(", ", selected.stream().map(Col::name).toList()))
                .append(" FROM ").append(t.name);
        where(q, t, null, r.nextInt(10) < 8);
        if (distinct) {
            if (r.nextBoolean()) {
                q.sql.append(" ORDER BY ").append(String.join(", ", selected.stream().map(c -> orderTerm(c.name)).toList()));
                limit(q);
                return ComparisonMode.ordered();
            }
            return ComparisonMode.unordered();
        }
        if (r.nextBoolean()) {
            return ComparisonMode.unordered();
        }
        List<Col> orderCols = sample(t.cols.stream().filter(c -> !c.name.equals(t.pk)).toList(), 1 + r.nextInt(2));
        List<String> terms = new ArrayList<>(orderCols.stream().map(c -> orderTerm(c.name)).toList());
        boolean total = r.nextBoolean();
        if (total) {
            terms.add(t.pk + (r.nextBoolean() ? "" : " DESC"));
        }
        q.sql.append(" ORDER BY ").append(String.join(", ", terms));
        if (total) {
            if (r.nextBoolean()) {
                limit(q);
            }
            return ComparisonMode.ordered();
        }
        List<Integer> prefix = new ArrayList<>();
        for (Col c : orderCols) {
            int pos = selected.indexOf(c);
            if (pos < 0) {
                break;
            }
            prefix.add(pos + 1);
        }
        return prefix.isEmpty() ? ComparisonMode.unordered() : ComparisonMode.orderedOn(prefix);
    }

    private ComparisonMode aggregateSelect(Query q, Table t) {
        List<String> aggs = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            aggs.add(aggregate(q, t, null));
        }
        q.sql.append("SELECT ").append(String.join(", ", aggs)).append(" FROM ").append(t.name);
        where(q, t, null, r.nextInt(10) < 7);
        return ComparisonMode.ordered(); // exactly one row
    }

    private ComparisonMode groupedSelect(Query q, Table t) {
        List<Col> groupCols = r.nextInt(6) == 0 ? List.of(t.col(t.key)) : sample(t.groupable(), 1 + r.nextInt(2));
        List<String> aggs = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            aggs.add(aggregate(q, t, null));
        }
        List<String> groupNames = groupCols.stream().map(Col::name).toList();
        q.sql.append("SELECT ").append(String.join(", ", groupNames)).append(", ").append(String.join(", ", aggs))
                .append(" FROM ").append(t.name);
        where(q, t, null, r.nextInt(10) < 6);
        q.sql.append(" GROUP BY ").append(String.join(", ", groupNames));
        if (r.nextInt(10) < 3) {
            q.sql.append(" HAVING ").append(having(q, t));
        }
        if (r.nextInt(10) < 6) {
            List<String> terms = new ArrayList<>();
            int as = aggs.get(0).indexOf(" AS ");
            if (as >= 0 && r.nextInt(3) == 0) {
                // MariaDB cannot name an aggregate's alias inside an expression, so its NULL test spells the aggregate out
                terms.add(orderTerm(aggs.get(0).substring(as + 4), aggs.get(0).substring(0, as)));
            }
            groupNames.forEach(g -> terms.add(orderTerm(g)));
            q.sql.append(" ORDER BY ").append(String.join(", ", terms));
            if (r.nextInt(10) < 4) {
                limit(q);
            }
            return ComparisonMode.ordered(); // group columns are unique per group, so the order is total
        }
        return ComparisonMode.unordered();
    }

    private ComparisonMode joinSelect(Query q) {
        boolean left = r.nextInt(4) == 0;
        String from = " FROM customers c " + (left ? "LEFT JOIN" : "JOIN") + " orders o ON c.id = o.customer_id";
        if (r.nextBoolean()) {
            List<Col> cc = sample(CUSTOMERS.cols, 1 + r.nextInt(2));
            List<Col> oc = sample(ORDERS.cols, 1 + r.nextInt(2));
            List<String> cols = new ArrayList<>();
            cc.forEach(c -> cols.add("c." + c.name));
            oc.forEach(c -> cols.add("o." + c.name));
            q.sql.append("SELECT ").append(String.join(", ", cols)).append(from);
            joinWhere(q);
            if (r.nextBoolean()) {
                q.sql.append(" ORDER BY ").append(orderTerm("c.id")).append(", ").append(orderTerm("o.id"));
                limit(q);
                return ComparisonMode.ordered();
            }
            return ComparisonMode.unordered();
        }
        Col g = pick(List.of(CUSTOMERS.col("city"), CUSTOMERS.col("tier")));
        List<String> aggs = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            aggs.add(aggregate(q, ORDERS, "o"));
        }
        q.sql.append("SELECT c.").append(g.name).append(", ").append(String.join(", ", aggs)).append(from);
        joinWhere(q);
        q.sql.append(" GROUP BY c.").append(g.name);
        if (r.nextBoolean()) {
            q.sql.append(" ORDER BY ").append(orderTerm("c." + g.name));
            return ComparisonMode.ordered();
        }
        return ComparisonMode.unordered();
    }

    private void joinWhere(Query q) {
        if (r.nextInt(10) < 7) {
            q.sql.append(" WHERE ").append(predicate(q, CUSTOMERS, "c", 1)).append(" AND ").append(predicate(q, ORDERS, "o", 1));
        }
    }

    private String refusableSelect(Query q) {
        switch (r.nextInt(3)) {
            case 0 -> {
                q.sql.append("SELECT id, amount FROM orders WHERE amount > (SELECT AVG(amount) FROM orders)");
                if (r.nextBoolean()) {
                    q.sql.append(" AND ").append(predicate(q, ORDERS, null, 1));
                }
                return "scalar subquery over the whole sharded table";
            }
            case 1 -> {
                q.sql.append("SELECT id, customer_id, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY id) AS rn FROM orders");
                where(q, ORDERS, null, r.nextBoolean());
                return "window function";
            }
            default -> {
                q.sql.append("SELECT id, SUM(qty) OVER (PARTITION BY status ORDER BY id) AS running FROM orders");
                where(q, ORDERS, null, r.nextBoolean());
                return "window function partitioned on a non-key column";
            }
        }
    }

    private String aggregate(Query q, Table t, String qualifier) {
        String p = qualifier == null ? "" : qualifier + ".";
        List<Col> numeric = t.numeric();
        Col num = pick(numeric);
        Col any = pick(t.cols);
        String expr;
        boolean avg = false;
        switch (r.nextInt(10)) {
            case 0 -> expr = "COUNT(*)";
            case 1 -> expr = "COUNT(" + p + any.name + ")";
            case 2, 3 -> expr = "SUM(" + p + num.name + ")";
            case 4 -> expr = "MIN(" + p + any.name + ")";
            case 5 -> expr = "MAX(" + p + any.name + ")";
            case 6 -> {
                expr = "AVG(" + p + num.name + ")";
                avg = true;
            }
            case 7 -> expr = "COUNT(DISTINCT " + p + pick(t.groupable()).name + ")";
            case 8 -> expr = "MAX(" + p + num.name + ") - MIN(" + p + num.name + ")";
            default -> expr = "SUM(" + p + num.name + ") / COUNT(*)";
        }
        if (r.nextBoolean()) {
            String alias = "a" + (++q.aliasCounter);
            if (avg) {
                q.approximate.add(alias.toUpperCase(Locale.ROOT));
            }
            return expr + " AS " + alias;
        }
        return expr;
    }

    private String having(Query q, Table t) {
        Col num = pick(t.numeric());
        return switch (r.nextInt(4)) {
            case 0 -> "COUNT(*) > " + q.value(1 + r.nextInt(12));
            case 1 -> "SUM(" + num.name + ") > " + q.value(literalFor(t, num));
            case 2 -> "MIN(" + num.name + ") IS NOT NULL";
            default -> "COUNT(*) >= " + q.value(2) + " AND MAX(" + num.name + ") >= " + q.value(literalFor(t, num));
        };
    }

    private void where(Query q, Table t, String qualifier, boolean present) {
        if (present) {
            q.sql.append(" WHERE ").append(predicate(q, t, qualifier, 0));
        }
    }

    private String predicate(Query q, Table t, String qualifier, int depth) {
        if (depth < 2 && r.nextInt(4) == 0) {
            String left = predicate(q, t, qualifier, depth + 1);
            String op = r.nextBoolean() ? " AND " : " OR ";
            String right = predicate(q, t, qualifier, depth + 1);
            String both = "(" + left + op + right + ")";
            return r.nextInt(6) == 0 ? "NOT " + both : both;
        }
        Col c = r.nextInt(10) < 3 ? t.col(t.key) : pick(t.cols);
        String name = (qualifier == null ? "" : qualifier + ".") + c.name;
        int kind = r.nextInt(10);
        if (kind == 0) {
            return name + (r.nextBoolean() ? " IS NULL" : " IS NOT NULL");
        }
        if (kind <= 2 && c.type != Type.DOUBLE) {
            List<String> values = new ArrayList<>();
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                values.add(q.value(literalFor(t, c)));
            }
            return name + (r.nextInt(8) == 0 ? " NOT IN (" : " IN (") + String.join(", ", values) + ")";
        }
        if (kind == 3 && c.type != Type.STR && c.type != Type.CHAR2) {
            Object a = literalFor(t, c);
            Object b = literalFor(t, c);
            if (compare(a, b) > 0) {
                Object x = a;
                a = b;
                b = x;
            }
            return name + " BETWEEN " + q.value(a) + " AND " + q.value(b);
        }
        if (kind == 4 && c.type == Type.STR) {
            String pattern = pick(List.of("A%", "%a%", "O'%", "%Donald%", "Z%", "B_rlin", "%e", "P%"));
            return name + " LIKE " + q.value(pattern);
        }
        String op = c.type == Type.STR || c.type == Type.CHAR2 ? pick(List.of("=", "<>", "<", ">=")) : pick(List.of("=", "<>", "<", "<=", ">", ">="));
        return name + " " + op + " " + q.value(literalFor(t, c));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    /** A value of the column's type drawn from (or near) the data set, so predicates select something. */
    private Object literalFor(Table t, Col c) {
        String n = c.name;
        if (n.equals("customer_id") || (t == CUSTOMERS && n.equals("id"))) {
            return r.nextInt(15) == 0 ? 999_999L : customerIds.get(r.nextInt(customerIds.size()));
        }
        return switch (c.type) {
            case LONG -> (long) (1 + r.nextInt(t == ORDERS ? 2100 : 520));
            case INT -> switch (n) {
                case "tier" -> r.nextInt(6);
                case "qty" -> r.nextInt(11);
                default -> r.nextInt(28) - 6;
            };
            case DEC -> n.equals("balance") ? BigDecimal.valueOf(r.nextInt(550_000) - 50_000, 2)
                    : BigDecimal.valueOf(r.nextInt(105_000) - 5_000, 2);
            case DOUBLE -> DISCOUNTS[r.nextInt(DISCOUNTS.length)];
            case STR -> switch (n) {
                case "name" -> nonNull(ConformanceData.NAMES);
                case "city" -> nonNull(ConformanceData.CITIES);
                case "status" -> nonNull(ConformanceData.STATUSES);
                default -> nonNull(ConformanceData.KINDS);
            };
            case CHAR2 -> nonNull(ConformanceData.ORDER_COUNTRY_CODES);
            case DATE -> n.equals("at") ? Date.valueOf(LocalDate.of(2023, 12, 1).plusDays(r.nextInt(430)))
                    : Date.valueOf(LocalDate.of(2019, 6, 1).plusDays(r.nextInt(2200)));
            case TS -> Timestamp.valueOf(LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(r.nextInt(366 * 24 * 60)));
        };
    }

    private void limit(Query q) {
        int n = r.nextInt(12) == 0 ? 0 : 1 + r.nextInt(30);
        int offset = r.nextInt(3) == 0 ? 0 : r.nextInt(8) == 0 ? 5000 : r.nextInt(40);
        switch (r.nextInt(3)) {
            case 0 -> q.sql.append(" LIMIT ").append(q.value(n));
            case 1 -> q.sql.append(" LIMIT ").append(q.value(n)).append(" OFFSET ").append(q.value(offset));
            default -> q.sql.append(" OFFSET ").append(q.value(offset)).append(" ROWS FETCH FIRST ").append(q.value(n)).append(" ROWS ONLY");
        }
    }

    private String orderTerm(String expr) {
        return orderTerm(expr, expr);
    }

    /**
     * One ORDER BY term on {@code expr} with a random direction and NULL order. MariaDB has no
     * NULLS FIRST/LAST; its users write the non-default orders as a leading {@code IS NULL} term,
     * and so does this (on {@code nullTest}, the same value spelled so MariaDB accepts it there).
     */
    private String orderTerm(String expr, String nullTest) {
        int kind = r.nextInt(6);
        if (backend == Backend.MARIADB && kind >= 4) {
            return kind == 4 ? nullTest + " IS NULL, " + expr : nullTest + " IS NULL DESC, " + expr + " DESC";
        }
        return expr + switch (kind) {
            case 0, 1 -> "";
            case 2 -> " ASC";
            case 3 -> " DESC";
            case 4 -> " NULLS LAST";
            default -> " DESC NULLS FIRST";
        };
    }

    private String nonNull(List<String> values) {
        String v;
        do {
            v = pick(values);
        } while (v == null);
        return v;
    }

    private <T> T pick(List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private <T> List<T> sample(List<T> values, int n) {
        List<T> pool = new ArrayList<>(values);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, pool.size()); i++) {
            out.add(pool.remove(r.nextInt(pool.size())));
        }
        return out;
    }
}
