package dev.sherd.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sherd.jdbc.SherdDataSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.service.spi.ServiceException;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate ORM 6, bootstrapped without Spring over a {@link SherdDataSource}: a sharded entity
 * ({@link Customer}, id assigned by the application) and a broadcast one ({@link Country}); schema
 * validation against tables created through the driver; CRUD checked by reading each shard directly;
 * JPQL routed by id and scattered with an aggregate and with pagination.
 *
 * <p>Writes to Country (every shard) run without a transaction too
 * ({@code hibernate.allow_update_outside_transaction}, i.e. auto-commit). A transaction writing
 * several shards must commit on all of them or be refused leaving nothing: never half.
 */
class HibernateClientTest {

    @TempDir
    static Path dir;

    private static ClientCluster cluster;
    private static SherdDataSource dataSource;
    private static SessionFactory sessionFactory;

    @BeforeAll
    static void bootstrap() throws Exception {
        System.setProperty("org.jboss.logging.provider", "slf4j"); // Hibernate's log lines through slf4j-simple
        cluster = ClientCluster.start("hibernate", dir);
        cluster.executeThroughDriver(
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(60) NOT NULL, tier VARCHAR(10) NOT NULL)",
                "CREATE TABLE countries (code VARCHAR(2) PRIMARY KEY, name VARCHAR(60) NOT NULL)",
                "INSERT INTO countries (code, name) VALUES ('FR', 'France'), ('JP', 'Japan')");
        StringBuilder insert = new StringBuilder("INSERT INTO customers (id, name, tier) VALUES ");
        for (int id = 1; id <= 30; id++) {
            insert.append(id == 1 ? "" : ", ").append("(").append(id).append(", 'seed ").append(id).append("', '")
                    .append(id % 3 == 0 ? "gold" : "basic").append("')");
        }
        cluster.executeThroughDriver(insert.toString());
        dataSource = new SherdDataSource(cluster.url());
        sessionFactory = sessionFactory(Customer.class, Country.class);
    }

    @AfterAll
    static void close() throws Exception {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static SessionFactory sessionFactory(Class<?>... entities) {
        return sessionFactory(true, entities);
    }

    private static SessionFactory sessionFactory(boolean explicitDialect, Class<?>... entities) {
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .applySetting(AvailableSettings.ALLOW_UPDATE_OUTSIDE_TRANSACTION, "true");
        if (explicitDialect) {
            builder.applySetting(AvailableSettings.DIALECT, H2Dialect.class.getName());
        }
        StandardServiceRegistry registry = builder.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> entity : entities) {
                sources.addAnnotatedClass(entity);
            }
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    @Test
    void dialect_notConfigured_isResolvedFromDatabaseMetaData() throws Exception {
        // Spring Boot and most JPA setups leave hibernate.dialect unset: Hibernate picks the dialect
        // from DatabaseMetaData (product name and version), as it does for a plain H2 URL.
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        try (SessionFactory sf = sessionFactory(false, Country.class)) {
            Dialect dialect = sf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
            assertInstanceOf(H2Dialect.class, dialect);
        } catch (ServiceException e) {
            fail("Hibernate cannot choose a dialect without hibernate.dialect: DatabaseMetaData"
                    + ".getDatabaseProductName() answered \"" + product + "\", which Hibernate's"
                    + " dialect resolution does not recognise (for H2 it expects \"H2\"): " + e.getMessage(), e);
        }
    }

    @Test
    void dialect_explicitH2_seesTheVersionTheShardsRun() throws Exception {
        // H2Dialect parses DatabaseMetaData's product version ("2.4.240 (2025-09-22)" on plain H2); when that
        // fails, Hibernate logs HHH000342 and boots without JDBC metadata, assuming its oldest supported H2.
        String shardVersion;
        try (Connection c = cluster.openShard(ClientCluster.DEFAULT_SHARD)) {
            shardVersion = c.getMetaData().getDatabaseProductVersion();
        }
        String reported;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData m = c.getMetaData();
            reported = "getDatabaseProductVersion() \"" + m.getDatabaseProductVersion() + "\", getDatabaseMajorVersion() "
                    + m.getDatabaseMajorVersion() + ", getDatabaseMinorVersion() " + m.getDatabaseMinorVersion();
        }
        DatabaseVersion version = sessionFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect().getVersion();
        assertEquals(shardVersion.split(" ")[0],
                version.getMajor() + "." + version.getMinor() + "." + version.getMicro(),
                "Hibernate's H2Dialect must see the H2 version the shards run (" + shardVersion + "); the driver answered "
                        + reported);
    }

    @Test
    void schemaValidation_acceptsTheLogicalTables_andRejectsAMissingColumn() {
        assertNotNull(sessionFactory, "validate passed for Customer and Country (in @BeforeAll)");
        SchemaManagementException e = assertThrows(SchemaManagementException.class,
                () -> sessionFactory(CustomerWithEmail.class).close(),
                "validation must read the real columns of customers, which has no email column");
        assertTrue(e.getMessage().contains("email"), e.getMessage());
    }

    @Test
    void persistFindUpdateRemove_customer_touchesOnlyItsShard() throws Exception {
        long id = 1001;
        String home = cluster.shardOf("customers", id);
        sessionFactory.inTransaction(s -> s.persist(new Customer(id, "Ada", "gold")));
        assertEquals(List.of(home), cluster.shardsWhere("SELECT COUNT(*) FROM customers WHERE id = " + id),
                "customer " + id + " must be stored on its shard only");

        Customer found = sessionFactory.fromSession(s -> s.find(Customer.class, id));
        assertEquals("Ada", found.name);

        sessionFactory.inTransaction(s -> s.find(Customer.class, id).tier = "platinum");
        assertEquals(List.of(List.of("platinum")),
                cluster.queryShard(home, "SELECT tier FROM customers WHERE id = " + id), "update on " + home);

        sessionFactory.inTransaction(s -> s.remove(s.find(Customer.class, id)));
        assertEquals(List.of(), cluster.shardsWhere("SELECT COUNT(*) FROM customers WHERE id = " + id),
                "removed customer " + id + " must be gone from every shard");
        assertNull(sessionFactory.fromSession(s -> s.find(Customer.class, id)));
    }

    @Test
    void transaction_twoCustomersOnOneShard_commitsBoth() throws Exception {
        long[] ids = twoIdsOn(cluster.shardOf("customers", 2001L), 2001);
        sessionFactory.inTransaction(s -> {
            s.persist(new Customer(ids[0], "first", "basic"));
            s.persist(new Customer(ids[1], "second", "basic"));
        });
        String home = cluster.shardOf("customers", ids[0]);
        assertEquals(2, cluster.countOnShard(home,
                "SELECT COUNT(*) FROM customers WHERE id IN (" + ids[0] + ", " + ids[1] + ")"));
    }

    @Test
    void transaction_customersOnTwoShards_commitsBothOrIsRefusedLeavingNoRow() throws Exception {
        long a = 3001;
        long b = a + 1;
        while (cluster.shardOf("customers", b).equals(cluster.shardOf("customers", a))) {
            b++;
        }
        RuntimeException refusal = commit(new Customer(a, "here", "basic"), new Customer(b, "there", "basic"));
        assertAllOrNothing(refusal, "customers", "id", List.of(a, b),
                List.of(cluster.shardOf("customers", a), cluster.shardOf("customers", b)));
    }

    @Test
    void jpql_groupByAggregate_mergesEveryShard() {
        List<Object[]> rows = sessionFactory.fromSession(s -> s.createQuery(
                "select c.tier, count(c) from Customer c where c.id <= 30 group by c.tier order by c.tier",
                Object[].class).getResultList());
        List<String> printed = new ArrayList<>();
        for (Object[] row : rows) {
            printed.add(row[0] + "=" + row[1]);
        }
        assertEquals(List.of("basic=20", "gold=10"), printed);
    }

    @Test
    void jpql_routedById_andPaginatedScatter() {
        Customer seven = sessionFactory.fromSession(s -> s.createQuery(
                "from Customer c where c.id = :id", Customer.class).setParameter("id", 7L).getSingleResult());
        assertEquals("seed 7", seven.name);

        List<Long> page = sessionFactory.fromSession(s -> s.createQuery(
                        "select c.id from Customer c where c.id <= 30 order by c.id desc", Long.class)
                .setFirstResult(2).setMaxResults(3).getResultList());
        assertEquals(List.of(28L, 27L, 26L), page);
    }

    @Test
    void broadcastCountry_crudOutsideATransaction_reachesEveryShard() throws Exception {
        assertEquals("Japan", sessionFactory.fromSession(s -> s.find(Country.class, "JP")).name);

        try (Session s = sessionFactory.openSession()) {
            s.persist(new Country("DE", "Germany"));
            s.flush();
        }
        assertEquals(ClientCluster.SHARDS, cluster.shardsWhere("SELECT COUNT(*) FROM countries WHERE code = 'DE'"),
                "a broadcast row must be on every shard");

        try (Session s = sessionFactory.openSession()) {
            s.find(Country.class, "DE").name = "Deutschland";
            s.flush();
        }
        assertEquals(ClientCluster.SHARDS,
                cluster.shardsWhere("SELECT COUNT(*) FROM countries WHERE name = 'Deutschland'"));

        try (Session s = sessionFactory.openSession()) {
            s.remove(s.find(Country.class, "DE"));
            s.flush();
        }
        assertEquals(List.of(), cluster.shardsWhere("SELECT COUNT(*) FROM countries WHERE code = 'DE'"));
    }

    @Test
    void broadcastCountry_persistInATransaction_reachesEveryShardOrIsRefusedLeavingNoRow() throws Exception {
        RuntimeException refusal = commit(new Country("IT", "Italy"));
        assertAllOrNothing(refusal, "countries", "code", List.of("'IT'"), ClientCluster.SHARDS);
    }

    /** Persists {@code entities} in one transaction; returns what commit threw, or null. */
    private static RuntimeException commit(Object... entities) {
        try (Session s = sessionFactory.openSession()) {
            Transaction tx = s.beginTransaction();
            for (Object entity : entities) {
                s.persist(entity);
            }
            try {
                tx.commit();
                return null;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                return e;
            }
        }
    }

    /**
     * A transaction writing several shards must either commit on all of them (two-phase commit) or be
     * refused with SQLFeatureNotSupportedException and leave nothing behind: never half.
     */
    private static void assertAllOrNothing(RuntimeException refusal, String table, String key, List<?> keys,
            List<String> homes) throws SQLException {
        String in = keys.stream().map(String::valueOf).collect(Collectors.joining(", "));
        List<String> holders = cluster.shardsWhere("SELECT COUNT(*) FROM " + table + " WHERE " + key + " IN (" + in + ")");
        if (refusal == null) {
            assertEquals(homes.stream().distinct().sorted().toList(), holders,
                    "the committed transaction's rows (" + table + " " + in + ") must be on exactly these shards");
            long rows = 0;
            for (String shard : holders) {
                rows += cluster.countOnShard(shard, "SELECT COUNT(*) FROM " + table + " WHERE " + key + " IN (" + in + ")");
            }
            assertEquals(homes.size(), rows, "rows of " + table + " " + in + " over all shards");
        } else {
            assertTrue(causes(refusal).stream().anyMatch(SQLFeatureNotSupportedException.class::isInstance),
                    "a multi-shard transaction may only fail as a refusal (SQLFeatureNotSupportedException), got "
                            + causes(refusal));
            assertEquals(List.of(), holders, "a refused transaction must leave no row of " + table + " " + in);
        }
    }

    /** Two keys, from {@code start} on, that the config places on {@code shard}. */
    private static long[] twoIdsOn(String shard, long start) {
        long[] ids = new long[2];
        int n = 0;
        for (long id = start; n < 2; id++) {
            if (cluster.shardOf("customers", id).equals(shard)) {
                ids[n++] = id;
            }
        }
        assertNotEquals(ids[0], ids[1]);
        return ids;
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        if (chain.isEmpty()) {
            fail("no exception");
        }
        return chain;
    }

    @Entity(name = "Customer")
    @Table(name = "customers")
    static class Customer {
        @Id
        Long id;

        @Column(nullable = false, length = 60)
        String name;

        @Column(nullable = false, length = 10)
        String tier;

        Customer() {}

        Customer(long id, String name, String tier) {
            this.id = id;
            this.name = name;
            this.tier = tier;
        }
    }

    /** Maps a column customers does not have: validation must refuse it. */
    @Entity(name = "CustomerWithEmail")
    @Table(name = "customers")
    static class CustomerWithEmail {
        @Id
        Long id;

        String email;
    }

    @Entity(name = "Country")
    @Table(name = "countries")
    static class Country {
        @Id
        @Column(length = 2)
        String code;

        @Column(nullable = false, length = 60)
        String name;

        Country() {}

        Country(String code, String name) {
            this.code = code;
            this.name = name;
        }
    }
}
