package dev.sherd.clients;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over the driver that works around, on the client side, driver answers that
 * stop a client before it gets to the part a test wants to check. Each workaround is off unless
 * asked for, and each has a test of its own that runs without it and fails while the driver needs it:
 * <ul>
 *   <li>{@link #reportingProductOf}: {@link DatabaseMetaData} reports the shards' product name and
 *       version (read from a shard directly) instead of the driver's own, so the client recognises
 *       the database;
 *   <li>{@link #answeringSetSchemaToCurrent}: a prepared {@code SET SCHEMA <current schema>} is
 *       answered here as the no-op it is, instead of reaching the driver.
 * </ul>
 * Everything else goes to the driver unchanged. Thread-safe once configured.
 */
final class WorkaroundDataSource implements DataSource {

    private static final Pattern SET_SCHEMA = Pattern.compile("\\s*SET\\s+SCHEMA\\s+\"?([A-Za-z0-9_]+)\"?\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final DataSource driver;
    private String productName;
    private String productVersion;
    private int majorVersion;
    private int minorVersion;
    private boolean setSchemaToCurrent;

    WorkaroundDataSource(DataSource driver) {
        this.driver = driver;
    }

    /** Reports the product identity of the database behind {@code shard}. */
    WorkaroundDataSource reportingProductOf(Connection shard) throws SQLException {
        DatabaseMetaData m = shard.getMetaData();
        productName = m.getDatabaseProductName();
        productVersion = m.getDatabaseProductVersion();
        majorVersion = m.getDatabaseMajorVersion();
        minorVersion = m.getDatabaseMinorVersion();
        return this;
    }

    /** Answers a prepared {@code SET SCHEMA} naming the connection's current schema as a no-op. */
    WorkaroundDataSource answeringSetSchemaToCurrent() {
        setSchemaToCurrent = true;
        return this;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(driver.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(driver.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        Connection[] self = new Connection[1];
        InvocationHandler metaData = (proxy, method, args) -> {
            if (productName != null) {
                switch (method.getName()) {
                    case "getDatabaseProductName":
                        return productName;
                    case "getDatabaseProductVersion":
                        return productVersion;
                    case "getDatabaseMajorVersion":
                        return majorVersion;
                    case "getDatabaseMinorVersion":
                        return minorVersion;
                    default:
                        break;
                }
            }
            return method.getName().equals("getConnection") ? self[0] : invoke(connection.getMetaData(), method, args);
        };
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getMetaData")) {
                return Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                        new Class<?>[] {DatabaseMetaData.class}, metaData);
            }
            if (setSchemaToCurrent && method.getName().equals("prepareStatement") && args.length == 1) {
                Matcher m = SET_SCHEMA.matcher((String) args[0]);
                if (m.matches() && m.group(1).toUpperCase(Locale.ROOT).equals(connection.getSchema())) {
                    return noOpStatement((String) args[0]);
                }
            }
            return invoke(connection, method, args);
        };
        self[0] = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
        return self[0];
    }

    private static PreparedStatement noOpStatement(String sql) {
        boolean[] closed = new boolean[1];
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "execute" -> false;
                    case "executeUpdate" -> 0;
                    case "getUpdateCount" -> 0;
                    case "getResultSet", "getWarnings" -> null;
                    case "getMoreResults" -> false;
                    case "close" -> closed[0] = true;
                    case "isClosed" -> closed[0];
                    case "clearWarnings", "setQueryTimeout", "setEscapeProcessing", "setFetchSize", "setMaxRows" -> null;
                    case "toString" -> "no-op: " + sql;
                    default -> throw new SQLFeatureNotSupportedException("WorkaroundDataSource: " + method.getName()
                            + " on the no-op statement for " + sql);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return driver.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return driver.isWrapperFor(iface);
    }
}
