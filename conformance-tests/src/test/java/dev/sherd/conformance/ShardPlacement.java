package dev.sherd.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;

/**
 * Checks, by connecting to each shard database directly, that the rows loaded through the driver
 * sit where the config says: customers spread over every shard with each key on exactly one;
 * every order on its customer's shard; each event in its date range's shard; a full copy of
 * countries on every shard; notes only on the default shard. A driver that answers correctly from
 * the wrong placement (say, everything on s0) would pass the differential tests and still not shard.
 * Not thread-safe.
 */
final class ShardPlacement {

    private final ConformanceCluster cluster;
    private final Connection oracle;
    private final ConformanceData data;

    ShardPlacement(ConformanceCluster cluster, Connection oracle, ConformanceData data) {
        this.cluster = cluster;
        this.oracle = oracle;
        this.data = data;
    }

    List<DynamicTest> tests() {
        return List.of(
                dynamicTest("customers: spread over every shard, each key on one shard", this::customersAreSpread),
                dynamicTest("orders: each on its customer's shard", this::ordersAreColocated),
                dynamicTest("events: each in its range's shard", this::eventsFollowRanges),
                dynamicTest("countries: a full copy on every shard", this::countriesAreEverywhere),
                dynamicTest("notes: only on the default shard", this::notesOnDefaultShard));
    }

    private void customersAreSpread() throws SQLException {
        Set<Long> seen = new HashSet<>();
        for (String shard : ConformanceCluster.SHARDS) {
            List<Long> ids = longs(shard, "SELECT id FROM customers");
            assertTrue(!ids.isEmpty(), "shard " + shard + " holds no customers: hash sharding does not spread keys");
            for (long id : ids) {
                assertTrue(seen.add(id), "customer " + id + " is stored on more than one shard (again on " + shard + ")");
            }
        }
        Set<Long> expected = new HashSet<>();
        data.customers.forEach(c -> expected.add(c.id()));
        assertEquals(expected, seen, "the union of the shards' customers is not the loaded set");
    }

    private void ordersAreColocated() throws SQLException {
        int total = 0;
        Set<Long> seen = new HashSet<>();
        for (String shard : ConformanceCluster.SHARDS) {
            List<Long> orphans = longs(shard, "SELECT o.id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)");
            assertTrue(orphans.isEmpty(), "orders " + first(orphans) + " on " + shard + " are not on their customer's shard");
            for (long id : longs(shard, "SELECT id FROM orders")) {
                assertTrue(seen.add(id), "order " + id + " is stored on more than one shard");
                total++;
            }
        }
        assertEquals(data.orders.size(), total, "orders across all shards");
    }

    private void eventsFollowRanges() throws SQLException {
        List<String> bounds = ConformanceCluster.EVENT_BOUNDS;
        int total = 0;
        for (int i = 0; i < ConformanceCluster.SHARDS.size(); i++) {
            String shard = ConformanceCluster.SHARDS.get(i);
            List<String> conditions = new ArrayList<>();
            if (i > 0) {
                conditions.add("at < DATE '" + bounds.get(i - 1) + "'");
            }
            if (i < bounds.size()) {
                conditions.add("at >= DATE '" + bounds.get(i) + "'");
            }
            List<Long> misplaced = longs(shard, "SELECT id FROM events WHERE " + String.join(" OR ", conditions));
            assertTrue(misplaced.isEmpty(), "events " + first(misplaced) + " on " + shard + " are outside its range");
            total += longs(shard, "SELECT id FROM events").size();
        }
        assertEquals(data.events.size(), total, "events across all shards");
    }

    private void countriesAreEverywhere() throws SQLException {
        String sql = "SELECT * FROM countries ORDER BY code";
        Outcome expected = StatementRunner.run(oracle, sql, null);
        ResultComparator comparator = new ResultComparator("oracle", "shard");
        for (String shard : ConformanceCluster.SHARDS) {
            try (Connection c = cluster.openShard(shard)) {
                comparator.compare(expected, StatementRunner.run(c, sql, null), ComparisonMode.ordered())
                        .ifPresent(d -> fail("broadcast table countries on " + shard + " differs from the oracle:\n" + d));
            }
        }
    }

    private void notesOnDefaultShard() throws SQLException {
        for (String shard : ConformanceCluster.SHARDS) {
            boolean exists;
            // The shard's own catalog and schema: on MariaDB a null catalog finds notes in the s0 database next door.
            try (Connection c = cluster.openShard(shard);
                 ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), cluster.backend().storedName("notes"), null)) {
                exists = rs.next();
            }
            if (shard.equals(ConformanceCluster.DEFAULT_SHARD)) {
                assertTrue(exists, "unlisted table notes is missing from the default shard " + shard);
                assertEquals(20, longs(shard, "SELECT id FROM notes").size(), "notes on " + shard);
            } else {
                assertTrue(!exists, "unlisted table notes was created on " + shard + "; it belongs on the default shard only");
            }
        }
    }

    private List<Long> longs(String shard, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = cluster.openShard(shard); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static String first(List<Long> ids) {
        return ids.size() <= 5 ? ids.toString() : ids.subList(0, 5) + " and " + (ids.size() - 5) + " more";
    }
}
