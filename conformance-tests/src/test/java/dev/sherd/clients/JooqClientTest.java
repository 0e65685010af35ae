package dev.sherd.clients;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sherd.jdbc.SherdDataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.tools.jdbc.JDBCUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jOOQ 3.19 with {@link SQLDialect#H2} over a {@link SherdDataSource}, without code generation.
 * The DSL uses names the way generated code does for H2 ({@code "PUBLIC"."CUSTOMERS"."ID"}, quoted
 * and qualified), so the driver sees what a typical jOOQ application sends; one test uses jOOQ's
 * plain-SQL templates. Every write is checked on the shards directly.
 */
class JooqClientTest {

    // What jOOQ's code generator emits for H2: quoted upper-case names, qualified by schema.
    private static final Table<?> CUSTOMERS = table(name("PUBLIC", "CUSTOMERS"));
    private static final Field<Long> ID = field(name("PUBLIC", "CUSTOMERS", "ID"), SQLDataType.BIGINT);
    private static final Field<String> NAME = field(name("PUBLIC", "CUSTOMERS", "NAME"), SQLDataType.VARCHAR);
    private static final Field<String> TIER = field(name("PUBLIC", "CUSTOMERS", "TIER"), SQLDataType.VARCHAR);
    private static final Field<BigDecimal> BALANCE = field(name("PUBLIC", "CUSTOMERS", "BALANCE"), SQLDataType.DECIMAL(10, 2));

    @TempDir
    static Path dir;

    private static ClientCluster cluster;
    private static SherdDataSource dataSource;
    private static DSLContext ctx;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        cluster = ClientCluster.start("jooq", dir);
        cluster.executeThroughDriver(
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, tier VARCHAR(10), balance DECIMAL(10,2))");
        StringBuilder insert = new StringBuilder("INSERT INTO customers (id, name, tier, balance) VALUES ");
        for (int id = 1; id <= 24; id++) {
            insert.append(id == 1 ? "" : ", ").append("(").append(id).append(", 'c").append(id).append("', '")
                    .append(id % 3 == 0 ? "gold" : "basic").append("', ").append(id).append(".00)");
        }
        cluster.executeThroughDriver(insert.toString());
        dataSource = new SherdDataSource(cluster.url());
        ctx = DSL.using(dataSource, SQLDialect.H2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (dataSource != null) {
            dataSource.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void dialectDetection_fromTheConnection_findsH2() throws Exception {
        // Spring Boot's jOOQ starter and DSL.using(connection) without a dialect detect it this way.
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData m = c.getMetaData();
            SQLDialect detected = JDBCUtils.dialect(c);
            assertEquals(SQLDialect.H2, detected.family(), "jOOQ detects the dialect from DatabaseMetaData: getURL() \""
                    + m.getURL() + "\", getDatabaseProductName() \"" + m.getDatabaseProductName()
                    + "\", getDatabaseProductVersion() \"" + m.getDatabaseProductVersion() + "\"");
        }
    }

    @Test
    void select_whereOrderByLimit_mergesTheShards() {
        Result<Record2<Long, String>> rows = ctx.select(ID, NAME).from(CUSTOMERS)
                .where(TIER.eq("basic")).and(BALANCE.gt(new BigDecimal("5")))
                .orderBy(BALANCE.desc()).limit(3).offset(1).fetch();
        assertEquals(List.of(22L, 20L, 19L), rows.getValues(ID), ctx.render(
                ctx.select(ID, NAME).from(CUSTOMERS).where(TIER.eq("basic")).orderBy(BALANCE.desc()).limit(3).offset(1)));
    }

    @Test
    void select_routedById_returnsTheRecordFromItsShardOnly() {
        var query = ctx.select(ID, NAME, BALANCE).from(CUSTOMERS).where(ID.eq(17L));
        Record3<Long, String, BigDecimal> row = query.fetchOne();
        assertEquals("c17", row.value2());
        assertEquals(new BigDecimal("17.00"), row.value3());
        assertEquals(cluster.shardOf("customers", 17L), routeOf(query),
                "jOOQ's \"" + ctx.render(query) + "\" must be routed to the shard holding id 17");
    }

    @Test
    void groupBy_aggregates_mergeExactly() {
        Result<Record3<String, Integer, BigDecimal>> rows = ctx.select(TIER, count(), sum(BALANCE))
                .from(CUSTOMERS).where(ID.le(24L)).groupBy(TIER).orderBy(TIER).fetch();
        assertEquals(List.of("basic", "gold"), rows.getValues(TIER));
        assertEquals(List.of(16, 8), rows.getValues(count()));
        // gold: 3 + 6 + ... + 24 = 108; basic: 300 - 108 = 192
        assertEquals(List.of(new BigDecimal("192.00"), new BigDecimal("108.00")), rows.getValues(2, BigDecimal.class));
    }

    @Test
    void insertUpdateDelete_writeOnTheRightShard() throws Exception {
        long id = 900;
        String home = cluster.shardOf("customers", id);
        assertEquals(1, ctx.insertInto(CUSTOMERS, ID, NAME, TIER, BALANCE)
                .values(id, "inserted", "new", new BigDecimal("9.99")).execute());
        assertEquals(List.of(home), cluster.shardsWhere("SELECT COUNT(*) FROM customers WHERE id = " + id));

        assertEquals(1, ctx.update(CUSTOMERS).set(TIER, "updated").where(ID.eq(id)).execute());
        assertEquals(List.of(List.of("updated")), cluster.queryShard(home, "SELECT tier FROM customers WHERE id = " + id));

        assertEquals(1, ctx.deleteFrom(CUSTOMERS).where(ID.eq(id)).execute());
        assertEquals(List.of(), cluster.shardsWhere("SELECT COUNT(*) FROM customers WHERE id = " + id));
    }

    @Test
    void multiRowInsertAndScatterUpdate_countEveryShard() throws Exception {
        assertEquals(4, ctx.insertInto(CUSTOMERS, ID, NAME, TIER, BALANCE)
                .values(1001L, "m1", "multi", BigDecimal.ONE).values(1002L, "m2", "multi", BigDecimal.ONE)
                .values(1003L, "m3", "multi", BigDecimal.ONE).values(1004L, "m4", "multi", BigDecimal.ONE).execute());
        assertEquals(4, ctx.update(CUSTOMERS).set(BALANCE, BALANCE.plus(1)).where(TIER.eq("multi")).execute());
        long onShards = 0;
        for (String shard : ClientCluster.SHARDS) {
            onShards += cluster.countOnShard(shard, "SELECT COUNT(*) FROM customers WHERE tier = 'multi' AND balance = 2");
        }
        assertEquals(4, onShards);
        assertEquals(4, ctx.deleteFrom(CUSTOMERS).where(TIER.eq("multi")).execute());
    }

    @Test
    void plainSqlTemplates_runThroughTheDriver() {
        Result<?> rows = ctx.resultQuery("SELECT tier, MAX(balance) AS top FROM customers WHERE id <= {0} GROUP BY tier ORDER BY top DESC",
                DSL.val(24L)).fetch();
        assertEquals(2, rows.size());
        assertEquals("gold", rows.get(0).get("TIER"));
        assertEquals(new BigDecimal("24.00"), rows.get(0).get("TOP", BigDecimal.class));
        assertEquals(8, ctx.fetchCount(CUSTOMERS, TIER.eq("gold").and(ID.le(24L))));
    }

    /** The SHARDS of the route step in the driver's EXPLAIN of a jOOQ query, binds included. */
    private static String routeOf(Query query) {
        Result<?> plan = ctx.fetch("EXPLAIN " + ctx.render(query), query.getBindValues().toArray());
        for (Record step : plan) {
            if ("route".equalsIgnoreCase(step.get(0, String.class))) {
                return step.get(1, String.class);
            }
        }
        return fail("no route step in the driver's EXPLAIN:\n" + plan);
    }

    @Test
    void fetchExists_byKey_isAnsweredByOneShard() {
        // jOOQ renders "select exists (select 1 "one" from ... where "ID" = cast(? as bigint))": one shard's answer.
        var present = DSL.selectOne().from(CUSTOMERS).where(ID.eq(12L));
        var absent = DSL.selectOne().from(CUSTOMERS).where(ID.eq(99_999L));
        try {
            assertTrue(ctx.fetchExists(present));
            assertFalse(ctx.fetchExists(absent));
        } catch (DataAccessException e) {
            fail("jOOQ fetchExists sent \"select exists (" + ctx.render(present) + ")\", which the one shard holding"
                    + " id 12 (" + cluster.shardOf("customers", 12L) + ") answers; the driver refused it: " + e.getCause(), e);
        }
    }
}
