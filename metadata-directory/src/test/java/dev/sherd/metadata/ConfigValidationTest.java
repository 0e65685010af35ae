package dev.sherd.metadata;

import static dev.sherd.metadata.TestConfigs.SHARDS;
import static dev.sherd.metadata.TestConfigs.withTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigValidationTest {

    /** An invalid configuration, the key path its error must name, and a fragment of the problem. */
    record Case(String name, String yaml, String keyPath, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String RANGE_HEAD = """
              events:
                sharding-key: at
                algorithm: range
                ranges:
            """;

    private static String ranges(String items) {
        return withTables(RANGE_HEAD + items.indent(4));
    }

    static Stream<Case> cases() {
        return Stream.of(
            // shards
            new Case("no shards key", "tables: {}\n", "shards", "missing"),
            new Case("empty shards", "shards: {}\n", "shards", "no shards configured"),
            new Case("shards not a mapping", "shards: [a, b]\n", "shards", "expected a mapping of shard name"),
            new Case("too many shards", tooManyShards(), "shards", "65 shards configured; at most 64"),
            new Case("missing url", "shards:\n  s0: { user: sa }\n", "shards.s0.url", "missing"),
            new Case("empty url", "shards:\n  s0: { url: \"\" }\n", "shards.s0.url", "must not be empty"),
            new Case("unsupported url", "shards:\n  s0: { url: \"jdbc:oracle:thin:@h:1521:x\" }\n",
                    "shards.s0.url", "unsupported JDBC URL 'jdbc:oracle:...'"),
            new Case("mixed families", """
                    shards:
                      s0: { url: "jdbc:h2:mem:s0" }
                      s1: { url: "jdbc:postgresql://db1:5432/app" }
                    """, "shards", "all shards must use one database family, found H2 (shard s0), POSTGRESQL (shard s1)"),
            new Case("unknown shard key", "shards:\n  s0: { url: \"jdbc:h2:mem:s0\", passwrd: x }\n",
                    "shards.s0.passwrd", "unknown key (expected one of: url, user, password, pool)"),
            new Case("numeric password", "shards:\n  s0: { url: \"jdbc:h2:mem:s0\", password: 1234 }\n",
                    "shards.s0.password", "expected a string but found a number (quote it"),
            new Case("pool not a mapping", "shards:\n  s0: { url: \"jdbc:h2:mem:s0\", pool: 5 }\n",
                    "shards.s0.pool", "expected a mapping of HikariCP settings"),
            new Case("pool nested value", "shards:\n  s0: { url: \"jdbc:h2:mem:s0\", pool: { x: { y: 1 } } }\n",
                    "shards.s0.pool.x", "expected a single value"),
            new Case("pool password", "shards:\n  s0: { url: \"jdbc:h2:mem:s0\", pool: { password: x } }\n",
                    "shards.s0.pool.password", "on the shard itself"),
            new Case("unknown default shard", SHARDS + "default-shard: s9\n",
                    "default-shard", "unknown shard 's9' (shards: s0, s1, s2)"),
            new Case("unknown top-level key", SHARDS + "tabels: {}\n",
                    "tabels", "unknown key (expected one of: shards, default-shard, tables, cache)"),
            new Case("empty document", "", "", "empty configuration"),
            new Case("document is a list", "- a\n", "", "expected a mapping"),
            new Case("yaml alias", "shards:\n  s0: { url: \"jdbc:h2:mem:s0\", user: *me }\n", "",
                    "malformed YAML at line 2, column 38: aliases (*name) are not supported"),
            new Case("yaml tag", "shards:\n  s0: { url: !!str \"jdbc:h2:mem:s0\" }\n", "",
                    "malformed YAML at line 2, column 14: tags (!name) are not supported"),
            new Case("yaml tag on a key", "shards:\n  !!str s0: { url: \"jdbc:h2:mem:s0\" }\n", "",
                    "malformed YAML at line 2, column 3: tags (!name) are not supported"),
            new Case("yaml anchor", "shards:\n  s0: { url: \"jdbc:h2:mem:s0\", user: &me sa }\n", "",
                    "malformed YAML at line 2, column 38: anchors (&name) are not supported; quote a value that starts with '&'"),
            new Case("duplicate key in a nested mapping", "shards:\n  s0: { url: \"jdbc:h2:mem:s0\", user: a, user: b }\n", "",
                    "malformed YAML at line 2, column 45: Duplicate field 'user'"),
            new Case("duplicate key quoted once", "shards:\n  s0: { url: \"jdbc:h2:mem:s0\" }\n  \"s0\": { url: \"jdbc:h2:mem:s1\" }\n",
                    "", "malformed YAML at line 3, column 7: Duplicate field 's0'"),
            new Case("duplicate key written as number and string", "shards:\n  1: { url: \"jdbc:h2:mem:s0\" }\n  '1': { url: \"jdbc:h2:mem:s1\" }\n",
                    "", "malformed YAML at line 3, column 6: Duplicate field '1'"),
            new Case("list as a key", "shards:\n  ? [s0]\n  : { url: \"jdbc:h2:mem:s0\" }\n", "",
                    "malformed YAML at line 2, column 5: a key must be a single value, not a list or a mapping"),
            new Case("second document", SHARDS + "---\ntables: {}\n", "",
                    "malformed YAML at line 5, column 1: a second YAML document (---) is not supported"),
            new Case("infinite number", SHARDS + "cache: { max-bytes: .inf }\n", "",
                    "malformed YAML at line 5, column 25: unsupported number (infinite, NaN, sexagesimal or beyond a double's range)"),
            new Case("number beyond a double", SHARDS + "cache: { max-bytes: 1e400 }\n", "",
                    "malformed YAML at line 5, column 26: unsupported number"),
            new Case("document of only a comment", "# nothing yet\n", "", "empty configuration"),
            // tables
            new Case("tables not a mapping", SHARDS + "tables: [a]\n", "tables", "expected a mapping of table name"),
            new Case("table without rule", withTables("  t:\n"), "tables.t", "missing rule"),
            new Case("missing sharding-key", withTables("  customers: { algorithm: hash }\n"),
                    "tables.customers.sharding-key", "missing (a sharded table needs a sharding-key"),
            new Case("unknown table key", withTables("  customers: { sharding-key: id, colocate-with: x }\n"),
                    "tables.customers.colocate-with", "unknown key"),
            new Case("unknown algorithm", withTables("  customers: { sharding-key: id, algorithm: modulo }\n"),
                    "tables.customers.algorithm", "unknown algorithm 'modulo' (expected hash or range)"),
            new Case("duplicate table differing in case",
                    withTables("  orders: { sharding-key: id }\n  Orders: { broadcast: true }\n"),
                    "tables.Orders", "duplicates table 'orders' (table names are case-insensitive)"),
            new Case("broadcast with sharding-key", withTables("  countries: { broadcast: true, sharding-key: code }\n"),
                    "tables.countries.sharding-key", "not allowed on a broadcast table"),
            new Case("broadcast with ranges", withTables("  countries: { broadcast: true, ranges: [] }\n"),
                    "tables.countries.ranges", "not allowed on a broadcast table"),
            new Case("broadcast not boolean", withTables("  countries: { broadcast: yes please }\n"),
                    "tables.countries.broadcast", "expected true or false"),
            new Case("ranges on hash table", withTables("  t: { sharding-key: id, ranges: [ { shard: s0 } ] }\n"),
                    "tables.t.ranges", "only allowed with algorithm: range"),
            // colocation
            new Case("colocated with unknown table", withTables("""
                      customers: { sharding-key: id }
                      orders: { sharding-key: customer_id, colocated-with: custmers }
                    """), "tables.orders.colocated-with", "unknown table 'custmers'"),
            new Case("colocated with range table", withTables("""
                      events: { sharding-key: at, algorithm: range, ranges: [ { shard: s0 } ] }
                      orders: { sharding-key: customer_id, colocated-with: events }
                    """), "tables.orders.colocated-with", "range-sharded; colocated-with must name a hash-sharded table"),
            new Case("colocated with broadcast table", withTables("""
                      countries: { broadcast: true }
                      orders: { sharding-key: code, colocated-with: countries }
                    """), "tables.orders.colocated-with", "a broadcast table; colocated-with must name a hash-sharded table"),
            new Case("range table colocated", withTables("""
                      customers: { sharding-key: id }
                      events: { sharding-key: at, algorithm: range, colocated-with: customers, ranges: [ { shard: s0 } ] }
                    """), "tables.events.colocated-with", "not allowed with algorithm: range"),
            new Case("colocated with itself", withTables("  t: { sharding-key: id, colocated-with: T }\n"),
                    "tables.t.colocated-with", "cannot be co-located with itself"),
            new Case("colocation cycle", withTables("""
                      a: { sharding-key: id, colocated-with: b }
                      b: { sharding-key: id, colocated-with: a }
                    """), "tables.b.colocated-with", "co-location cycle: a -> b -> a"),
            // ranges
            new Case("range table without ranges", withTables("  events: { sharding-key: at, algorithm: range }\n"),
                    "tables.events.ranges", "missing (algorithm: range needs"),
            new Case("empty ranges", withTables("  events: { sharding-key: at, algorithm: range, ranges: [] }\n"),
                    "tables.events.ranges", "no ranges listed"),
            new Case("unknown shard in range", ranges("""
                      - { shard: s0, to: "2024-03-01" }
                      - { shard: s9, from: "2024-03-01" }
                    """), "tables.events.ranges[1].shard", "unknown shard 's9' (shards: s0, s1, s2)"),
            new Case("range without shard", ranges("      - { to: 5 }\n      - { shard: s1, from: 5 }\n"),
                    "tables.events.ranges[0].shard", "missing"),
            new Case("unknown range key", ranges("      - { shard: s0, until: 5 }\n"),
                    "tables.events.ranges[0].until", "unknown key (expected one of: shard, from, to)"),
            new Case("first range has from", ranges("""
                      - { shard: s0, from: "2024-01-01", to: "2024-03-01" }
                      - { shard: s1, from: "2024-03-01" }
                    """), "tables.events.ranges[0].from", "the first range must have no 'from'"),
            new Case("last range has to", ranges("""
                      - { shard: s0, to: "2024-03-01" }
                      - { shard: s1, from: "2024-03-01", to: "2025-01-01" }
                    """), "tables.events.ranges[1].to", "the last range must have no 'to'"),
            new Case("inner range missing to", ranges("""
                      - { shard: s0 }
                      - { shard: s1, from: "2024-03-01" }
                    """), "tables.events.ranges[0].to", "missing; only the last range may be unbounded above"),
            new Case("inner range missing from", ranges("""
                      - { shard: s0, to: "2024-03-01" }
                      - { shard: s1 }
                    """), "tables.events.ranges[1].from", "missing; only the first range may be unbounded below"),
            new Case("gap between ranges", ranges("""
                      - { shard: s0, to: "2024-03-01" }
                      - { shard: s1, from: "2024-04-01" }
                    """), "tables.events.ranges[1].from",
                    "gap: range starts at '2024-04-01' but the previous range ends at '2024-03-01' (ranges are half-open"),
            new Case("overlapping ranges", ranges("""
                      - { shard: s0, to: "2024-03-01" }
                      - { shard: s1, from: "2024-02-01", to: "2024-06-01" }
                      - { shard: s2, from: "2024-06-01" }
                    """), "tables.events.ranges[1].from", "overlap: range starts at '2024-02-01'"),
            new Case("descending ranges", ranges("""
                      - { shard: s0, to: 100 }
                      - { shard: s1, from: 100, to: 50 }
                      - { shard: s2, from: 50 }
                    """), "tables.events.ranges[1].to", "empty range: 'to' '50' must be greater than 'from' '100'"),
            new Case("mixed bound kinds", ranges("""
                      - { shard: s0, to: "2024-03-01" }
                      - { shard: s1, from: 5 }
                    """), "tables.events.ranges[1].from", "is a number but tables.events.ranges[0].to is a date/timestamp"),
            new Case("bound not scalar", ranges("      - { shard: s0, to: [1] }\n      - { shard: s1, from: 1 }\n"),
                    "tables.events.ranges[0].to", "expected a number or a string but found a list"),
            new Case("unknown key-type", withTables(RANGE_HEAD.replace("algorithm: range", "algorithm: range\n    key-type: int")
                    + "      - { shard: s0 }\n"), "tables.events.key-type", "unknown key-type 'int'"),
            new Case("bound not of key-type", withTables(RANGE_HEAD.replace("algorithm: range", "algorithm: range\n    key-type: number")
                    + "      - { shard: s0, to: abc }\n      - { shard: s1, from: abc }\n"),
                    "tables.events.ranges[0].to", "bound 'abc' is not a number"),
            new Case("key-type on hash table", withTables("  t: { sharding-key: id, key-type: number }\n"),
                    "tables.t.key-type", "only allowed with algorithm: range")
        );
    }

    private static String tooManyShards() {
        StringBuilder sb = new StringBuilder("shards:\n");
        for (int i = 0; i < 65; i++) {
            sb.append("  s").append(i).append(": { url: \"jdbc:h2:mem:s").append(i).append("\" }\n");
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parse_invalidConfig_namesSourceKeyPathAndProblem(Case c) {
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.parse(c.yaml()));
        assertEquals(TestConfigs.SOURCE, e.source());
        assertEquals(c.keyPath(), e.keyPath(), e.getMessage());
        assertTrue(e.problem().contains(c.problem()), () -> "problem was: " + e.problem());
        String prefix = c.keyPath().isEmpty() ? TestConfigs.SOURCE + ": " : TestConfigs.SOURCE + ": " + c.keyPath() + ": ";
        assertEquals(prefix + e.problem(), e.getMessage());
    }

    @Test
    void parse_colocatedWithUnknownTable_hasExactMessage() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.parseTables("""
                  customers: { sharding-key: id }
                  orders: { sharding-key: customer_id, colocated-with: custmers }
                """));
        assertEquals("cluster.yaml: tables.orders.colocated-with: unknown table 'custmers'", e.getMessage());
    }

    @Test
    void parse_malformedYaml_reportsLineAndColumn() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.parse("""
                shards:
                  s0: { url: "jdbc:h2:mem:s0" }
                  s1: url: x
                """));
        assertEquals("", e.keyPath());
        assertTrue(e.problem().startsWith("malformed YAML at line 3, column "), e.problem());
        assertTrue(e.problem().contains("mapping values are not allowed here"), e.problem());
    }

    @Test
    void parse_duplicateKey_isMalformedYamlNamingKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.parse("""
                shards:
                  s0: { url: "jdbc:h2:mem:s0" }
                  s0: { url: "jdbc:h2:mem:s1" }
                """));
        assertTrue(e.problem().startsWith("malformed YAML at line 3"), e.problem());
        assertTrue(e.problem().contains("Duplicate field 's0'"), e.problem());
    }

    @Test
    void parse_keysEqualOnlyAsNumbers_areDistinct() throws ConfigException {
        ClusterConfig c = TestConfigs.parse("""
                shards:
                  0x10: { url: "jdbc:h2:mem:a" }
                  16: { url: "jdbc:h2:mem:b" }
                """);
        assertEquals(List.of("0x10", "16"), c.shards().stream().map(ShardSpec::name).toList());
    }

    @Test
    void parse_unterminatedQuote_reportsLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.parse("""
                shards:
                  s0: { url: "jdbc:h2:mem:s0 }
                """));
        assertTrue(e.problem().matches("malformed YAML at line \\d+, column \\d+: .+"), e.problem());
    }
}
