package dev.sherd.conformance;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one statement on one connection and captures everything the comparison looks at: column
 * labels and types, every row as {@code getObject} returns it, the update count or batch counts,
 * or the SQLException. A plain {@link Statement} is used when there are no parameters, a
 * {@link PreparedStatement} otherwise, so both paths of the driver are exercised. Stateless.
 */
final class StatementRunner {

    private StatementRunner() {
    }

    /** Runs {@code sql}; {@code params} null means a plain Statement, otherwise a PreparedStatement bound with them. */
    static Outcome run(Connection connection, String sql, List<Object> params) {
        try {
            if (params == null) {
                try (Statement st = connection.createStatement()) {
                    return capture(st, st.execute(sql));
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, params);
                return capture(ps, ps.execute());
            }
        } catch (SQLException e) {
            return new Outcome.Failure(e);
        }
    }

    /** Runs {@code sql} as one PreparedStatement batch with one parameter row per element. */
    static Outcome runBatch(Connection connection, String sql, List<List<Object>> rows) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (List<Object> row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            return new Outcome.BatchCounts(Arrays.stream(counts).boxed().toList());
        } catch (SQLException e) {
            return new Outcome.Failure(e);
        }
    }

    /** Reads a whole result set; used for table contents too. */
    static Outcome.Rows read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<Outcome.Column> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            columns.add(new Outcome.Column(md.getColumnLabel(i), md.getColumnType(i), md.getColumnTypeName(i)));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(normalize(rs.getObject(i)));
            }
            rows.add(row);
        }
        return new Outcome.Rows(columns, rows);
    }

    private static Outcome capture(Statement st, boolean hasResultSet) throws SQLException {
        if (hasResultSet) {
            try (ResultSet rs = st.getResultSet()) {
                return read(rs);
            }
        }
        return new Outcome.UpdateCount(st.getUpdateCount());
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    /** LOBs and arrays are read out so that rows outlive their result set and compare by value. */
    private static Object normalize(Object v) throws SQLException {
        if (v instanceof Clob c) {
            return c.getSubString(1, (int) c.length());
        }
        if (v instanceof Blob b) {
            return b.getBytes(1, (int) b.length());
        }
        if (v instanceof Array a) {
            return Arrays.asList((Object[]) a.getArray());
        }
        return v;
    }
}
