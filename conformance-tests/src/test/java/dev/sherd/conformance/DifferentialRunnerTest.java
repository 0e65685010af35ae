package dev.sherd.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runner's verdicts on refusals, writes and corpus mistakes, checked against a subject that
 * refuses on demand: a plain H2 connection wrapped so that any SQL containing {@code REFUSE} throws
 * a chosen exception. Proves that an unlisted refusal fails, a listed one passes only when refused
 * the right way, a listed one that is answered fails, a divergent write is caught by its contents,
 * and failure messages carry id, SQL, parameters and context.
 */
class DifferentialRunnerTest {

    private ConformanceCluster cluster;
    private Connection oracle;
    private Connection plainSubject;
    private Supplier<SQLException> refusal = () -> new SQLFeatureNotSupportedException("window functions across shards are not supported", "0A000");

    @BeforeEach
    void setUp() throws SQLException {
        cluster = ConformanceCluster.forTwoOracles(Backend.H2, "unit");
        oracle = cluster.openOracle();
        plainSubject = cluster.openSecondOracle();
        for (Connection c : List.of(oracle, plainSubject)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(10))");
                st.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, NULL)");
            }
        }
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private DifferentialRunner runner(String refusals) {
        return new DifferentialRunner(refusing(plainSubject), "driver", oracle, Backend.H2, ExpectedRefusals.parse(refusals), false,
                "context-line seed 99");
    }

    private static CorpusUnit unit(String text) {
        return CorpusUnit.group(CorpusParser.parse("test", text)).get(0);
    }

    @Test
    void agreeingSubject_passes() {
        runner("").run(unit("-- id: ok\n-- params: 1\nSELECT v FROM t WHERE id = ?;\n"));
        runner("").run(unit("-- id: w\nUPDATE t SET v = 'z' WHERE id = 2;\n"));
    }

    @Test
    void unlistedRefusal_fails() {
        AssertionError e = assertThrows(AssertionError.class, () -> runner("").run(unit("-- id: r\nSELECT /* REFUSE */ * FROM t;\n")));
        assertTrue(e.getMessage().contains("not an expected refusal"), e.getMessage());
    }

    @Test
    void listedRefusal_passesWhenRefused() {
        runner("r | SQLFeatureNotSupportedException | window").run(unit("-- id: r\nSELECT /* REFUSE */ * FROM t;\n"));
    }

    @Test
    void listedRefusal_failsWhenAnswered() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> runner("r | SQLFeatureNotSupportedException | window").run(unit("-- id: r\nSELECT * FROM t;\n")));
        assertTrue(e.getMessage().contains("remove it from the file"), e.getMessage());
    }

    @Test
    void listedRefusal_failsWithTheWrongException() {
        refusal = () -> new SQLException("boom", "42000");
        AssertionError e = assertThrows(AssertionError.class,
                () -> runner("r | SQLFeatureNotSupportedException | x").run(unit("-- id: r\nSELECT /* REFUSE */ * FROM t;\n")));
        assertTrue(e.getMessage().contains("must be refused with SQLFeatureNotSupportedException"), e.getMessage());
    }

    @Test
    void listedRefusal_mustBeValidOnTheOracle() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> runner("r | SQLFeatureNotSupportedException | x").run(unit("-- id: r\nSELECT /* REFUSE */ * FROM nope;\n")));
        assertTrue(e.getMessage().contains("oracle cannot run it either"), e.getMessage());
    }

    @Test
    void refusedWrite_isNotAppliedToTheOracle() {
        runner("r | SQLFeatureNotSupportedException | x").run(unit("-- id: r\nUPDATE t SET v = /* REFUSE */ 'q' WHERE id = 1;\n"));
        runner("").run(unit("-- id: check\n-- ordered\nSELECT * FROM t ORDER BY id;\n"));
    }

    @Test
    void transactionRefusal_mustSayTransaction() {
        refusal = () -> new SQLException("second shard", "25000");
        String file = "r | SQLException | tx";
        AssertionError e = assertThrows(AssertionError.class, () -> runner(file).run(unit(
                "-- id: a\n-- tx-begin\nUPDATE t SET v = 'x' WHERE id = 1;\n-- id: r\n-- rollback\nUPDATE t SET v = /* REFUSE */ 'y' WHERE id = 2;\n")));
        assertTrue(e.getMessage().contains("does not say the transaction"), e.getMessage());
        refusal = () -> new SQLException("write to shard s2 would make the transaction span two shards", "25000");
        runner(file).run(unit(
                "-- id: a\n-- tx-begin\nUPDATE t SET v = 'x' WHERE id = 1;\n-- id: r\n-- rollback\nUPDATE t SET v = /* REFUSE */ 'y' WHERE id = 2;\n"));
        runner("").run(unit("-- id: check\n-- ordered\nSELECT * FROM t ORDER BY id;\n"));
    }

    @Test
    void generatedQuery_mayBeRefusedOnlyWhenTagged() {
        CorpusEntry e = CorpusParser.parse("gen", "-- id: g\nSELECT /* REFUSE */ id FROM t;\n").get(0);
        assertEquals(DifferentialRunner.Result.REFUSED_AS_EXPECTED, runner("").runGenerated(e, true));
        AssertionError error = assertThrows(AssertionError.class, () -> runner("").runGenerated(e, false));
        assertTrue(error.getMessage().contains("context-line seed 99"), error.getMessage());
    }

    @Test
    void divergentWrite_isCaughtByCountAndContents() throws SQLException {
        try (Statement st = plainSubject.createStatement()) {
            st.execute("INSERT INTO t VALUES (4, 'extra')");
        }
        AssertionError e = assertThrows(AssertionError.class, () -> runner("").run(unit("-- id: w\nUPDATE t SET v = 'z' WHERE id > 1;\n")));
        assertTrue(e.getMessage().contains("update counts differ: oracle 2, driver 3"), e.getMessage());
        assertTrue(e.getMessage().contains("contents of table t differ"), e.getMessage());
    }

    @Test
    void corpusMistakes_areReportedAsSuch() {
        AssertionError bad = assertThrows(AssertionError.class, () -> runner("").run(unit("-- id: x\nSELECT * FROM nope;\n")));
        assertTrue(bad.getMessage().contains("the oracle rejected the statement"), bad.getMessage());
        AssertionError notError = assertThrows(AssertionError.class, () -> runner("").run(unit("-- id: x\n-- error\nSELECT 1;\n")));
        assertTrue(notError.getMessage().contains("but the oracle accepted it"), notError.getMessage());
        runner("").run(unit("-- id: x\n-- error\nSELECT * FROM nope;\n"));
    }

    @Test
    void failureMessage_showsIdSqlParamsAndContext() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> runner("").run(unit("-- id: shown\n-- params: 'a'\nSELECT /* REFUSE */ id FROM t WHERE v = ?;\n")));
        String m = e.getMessage();
        assertTrue(m.contains("[shown] at test:3") && m.contains("SELECT /* REFUSE */ id FROM t WHERE v = ?")
                && m.contains("params: ['a']") && m.contains("context-line seed 99"), m);
    }

    @Test
    void failedTransactionBlock_leavesConnectionsInAutoCommit() throws SQLException {
        assertThrows(AssertionError.class, () -> runner("").run(unit(
                "-- id: a\n-- tx-begin\nUPDATE t SET v = 'x' WHERE id = 1;\n-- id: b\n-- commit\nSELECT /* REFUSE */ 1;\n")));
        assertTrue(oracle.getAutoCommit() && plainSubject.getAutoCommit());
        runner("").run(unit("-- id: check\n-- ordered\nSELECT * FROM t ORDER BY id;\n"));
    }

    /** Wraps a connection so that SQL containing REFUSE throws {@link #refusal}. */
    private Connection refusing(Connection target) {
        return proxy(Connection.class, target, (method, args) -> {
            if (args != null && args.length > 0 && args[0] instanceof String sql && sql.contains("REFUSE")
                    && method.getName().startsWith("prepare")) {
                throw refusal.get();
            }
            return null;
        }, result -> result instanceof Statement st && !(result instanceof java.sql.PreparedStatement)
                ? proxy(Statement.class, st, (method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof String sql && sql.contains("REFUSE")
                            && method.getName().startsWith("execute")) {
                        throw refusal.get();
                    }
                    return null;
                }, r -> r) : result);
    }

    private interface Interceptor {
        /** Throws to intercept; returns null to delegate. */
        Object before(java.lang.reflect.Method method, Object[] args) throws SQLException;
    }

    private static <T> T proxy(Class<T> type, T target, Interceptor interceptor, java.util.function.UnaryOperator<Object> wrapResult) {
        InvocationHandler h = (p, method, args) -> {
            interceptor.before(method, args);
            try {
                return wrapResult.apply(method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(DifferentialRunnerTest.class.getClassLoader(), new Class<?>[] {type}, h));
    }
}
