package dev.sherd.jdbc.cache;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.CursorResultSet;
import dev.sherd.metadata.CacheSettings;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code SHOW CACHE}: the result cache's settings and counters as rows of ({@code NAME},
 * {@code VALUE}), answered by the driver without touching a shard. Stateless and thread-safe.
 *
 * <pre>
 * NAME            VALUE
 * enabled         true
 * hits            1520
 * misses          80
 * hit_rate        0.9500
 * …
 * </pre>
 */
public final class CacheStatements {

  private static final Pattern SHOW_CACHE =
      Pattern.compile("\\s*SHOW\\s+(SHERD\\s+)?CACHE\\s*;?\\s*", Pattern.CASE_INSENSITIVE);

  /** The labels of the result's columns. */
  public static final List<String> COLUMNS = List.of("NAME", "VALUE");

  private CacheStatements() {}

  /** True for {@code SHOW CACHE} (also {@code SHOW SHERD CACHE}), any case, optional {@code ;}. */
  public static boolean isShowCache(String sql) {
    if (sql == null || sql.length() > 64) {
      return false;
    }
    int i = 0;
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    // the hot path: one look at the first letter of every other statement
    return sql.regionMatches(true, i, "SHOW", 0, 4) && SHOW_CACHE.matcher(sql).matches();
  }

  /** The rows of {@code SHOW CACHE} for {@code cache}. */
  public static ResultSet showCache(ResultCache cache, Statement owner) {
    cache.cleanUp();
    ResultCacheStats s = cache.stats();
    CacheSettings c = cache.settings();
    List<Object[]> rows = new ArrayList<>();
    add(rows, "enabled", cache.enabled());
    add(rows, "max_bytes", c.maxBytes());
    add(rows, "max_entry_bytes", c.maxEntryBytes());
    add(rows, "ttl_seconds", c.ttl().toMillis() / 1000.0);
    add(rows, "excluded_tables", String.join(",", new java.util.TreeSet<>(c.excludedTables())));
    add(rows, "entries", s.entries());
    add(rows, "bytes", s.bytes());
    add(rows, "hits", s.hits());
    add(rows, "misses", s.misses());
    add(rows, "hit_rate", String.format(Locale.ROOT, "%.4f", s.hitRate()));
    add(rows, "stale", s.stale());
    add(rows, "bypasses", s.bypasses());
    add(rows, "stores", s.stores());
    add(rows, "rejections", s.rejections());
    add(rows, "evictions", s.evictions());
    add(rows, "expirations", s.expirations());
    add(rows, "invalidations", s.invalidations());
    Object[][] data = rows.toArray(new Object[0][]);
    List<ColumnInfo> columns = new ArrayList<>();
    for (String label : COLUMNS) {
      columns.add(new ColumnInfo(label, label, "", "", "", Types.VARCHAR, "CHARACTER VARYING",
          String.class.getName(), 1000, 0, 40, ResultSetMetaData.columnNoNulls, false, false,
          true, false));
    }
    CachedResult result = new CachedResult(columns, data, false, null, 0);
    return result.open(owner);
  }

  private static void add(List<Object[]> rows, String name, Object value) {
    rows.add(new Object[] {name, String.valueOf(value)});
  }
}
