package dev.sherd.jdbc.meta;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.TableRule;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The logical tables: each table once, as the default shard (or, for a configured table missing
 * there, the first shard holding it) defines it, with a note of where its rows live appended to
 * its {@code REMARKS}; and the same list as the rows of {@code SHOW SHARDING}. Thread-safe if its
 * reader is.
 */
final class LogicalTables {

  static final CatalogReader.Shape TABLES =
      CatalogReader.Shape.of("TABLE_CAT", "TABLE_SCHEM", true);

  /**
   * Tables the driver itself keeps on the shards (dev.sherd.jdbc.tx.DecisionTable: two-phase
   * commit decisions): machinery, not part of the logical database, so never listed.
   */
  static final Set<String> INTERNAL = Set.of(dev.sherd.jdbc.tx.DecisionTable.MYSQL_TABLE);

  private final CatalogReader reader;
  private final ClusterConfig config;
  private final ShardFacts facts;

  LogicalTables(CatalogReader reader, ClusterConfig config, ShardFacts facts) {
    this.reader = reader;
    this.config = config;
    this.facts = facts;
  }

  /** {@code DatabaseMetaData.getTables} of the logical database. */
  MetaRows tables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    MetaRows rows = reader.read(catalog, schemaPattern, TABLES,
        (md, c, s) -> md.getTables(c, s, tableNamePattern, types));
    int cat = rows.column("TABLE_CAT");
    int schem = rows.column("TABLE_SCHEM");
    int name = rows.column("TABLE_NAME");
    String logicalCatalog = rows.catalog;
    Set<String> seen = new HashSet<>();
    List<Object[]> once = new ArrayList<>();
    for (Object[] row : rows.rows) {
      if (!isInternal(MetaRows.text(row, name)) && seen.add(key(row, cat, schem, name))) {
        once.add(row);
      }
    }
    boolean appended = false;
    if (catalog == null || logicalCatalog == null || catalog.equals(logicalCatalog)) {
      for (TableRule rule : config.tableRules()) {
        String stored = storedName(rule);
        if (containsName(once, name, rule.name()) || !Patterns.matches(tableNamePattern, stored,
            facts.text(ShardFacts.Fact.SEARCH_STRING_ESCAPE))) {
          continue;
        }
        MetaRows there = reader.readElsewhere(logicalCatalog, schemaPattern, stored, TABLES,
            (md, c, s) -> md.getTables(c, s, CatalogScope.escape(stored,
                md.getSearchStringEscape()), types));
        if (there != null && there.columns.size() == rows.columns.size()) {
          for (Object[] row : there.rows) {
            if (seen.add(key(row, cat, schem, name))) {
              once.add(row);
              appended = true;
            }
          }
        }
      }
    }
    if (appended) {
      int type = rows.column("TABLE_TYPE");
      once.sort(Comparator.comparing((Object[] r) -> sortKey(r, type))
          .thenComparing(r -> sortKey(r, cat)).thenComparing(r -> sortKey(r, schem))
          .thenComparing(r -> sortKey(r, name)));
    }
    rows.rows.clear();
    rows.rows.addAll(once);
    annotate(rows);
    return rows;
  }

  /** Appends the placement note to REMARKS of every table and view. */
  private void annotate(MetaRows rows) {
    int name = rows.column("TABLE_NAME");
    int type = rows.column("TABLE_TYPE");
    int remarks = rows.column("REMARKS");
    if (name < 0 || remarks < 0) {
      return;
    }
    for (Object[] row : rows.rows) {
      TablePlacement placement = placement(MetaRows.text(row, name), MetaRows.text(row, type));
      if (placement != null) {
        row[remarks] = TablePlacement.remarks(MetaRows.text(row, remarks), placement.note());
      }
    }
  }

  /**
   * Where a row of {@code getTables} lives: tables by the config, views on the default shard
   * (views are created there only); null for indexes, sequences, system and temporary tables.
   */
  TablePlacement placement(String table, String type) {
    String t = type == null ? "TABLE" : type.toUpperCase(Locale.ROOT);
    if (t.contains("SYSTEM") || t.contains("TEMPORARY")) {
      return null;
    }
    if (t.contains("VIEW")) {
      return TablePlacement.unlisted(config);
    }
    return t.contains("TABLE") && table != null ? TablePlacement.of(config, table) : null;
  }

  /** Marks the sharding key column of sharded tables in the REMARKS of {@code getColumns}. */
  static void annotateColumns(MetaRows rows, ClusterConfig config) {
    int table = rows.column("TABLE_NAME");
    int column = rows.column("COLUMN_NAME");
    int remarks = rows.column("REMARKS");
    if (table < 0 || column < 0 || remarks < 0) {
      return;
    }
    for (Object[] row : rows.rows) {
      String name = MetaRows.text(row, table);
      if (name == null) {
        continue;
      }
      TablePlacement p = TablePlacement.of(config, name);
      if (p.sharded() && p.shardingKey().equalsIgnoreCase(MetaRows.text(row, column))) {
        row[remarks] = TablePlacement.remarks(MetaRows.text(row, remarks),
            "sharding key (" + p.kind() + " over " + p.shards().size() + " shards)");
      }
    }
  }

  /**
   * The rows of {@code SHOW SHARDING}: every logical table (not views) with its placement, and
   * every configured table that no shard has yet, sorted by name.
   */
  List<Object[]> shardingRows() throws SQLException {
    MetaRows rows = tables(null, null, "%", null);
    int name = rows.column("TABLE_NAME");
    int type = rows.column("TABLE_TYPE");
    List<Object[]> out = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (Object[] row : rows.rows) {
      String table = MetaRows.text(row, name);
      String t = MetaRows.text(row, type);
      TablePlacement p = placement(table, t);
      if (p != null && !t.toUpperCase(Locale.ROOT).contains("VIEW")) {
        out.add(shardingRow(table, p));
        listed.add(table.toLowerCase(Locale.ROOT));
      }
    }
    for (TableRule rule : config.tableRules()) {
      if (!listed.contains(rule.name())) {
        out.add(shardingRow(rule.declaredName(), TablePlacement.of(config, rule)));
      }
    }
    out.sort(Comparator.comparing((Object[] r) -> ((String) r[0]).toLowerCase(Locale.ROOT)));
    return out;
  }

  private static Object[] shardingRow(String table, TablePlacement p) {
    return new Object[] {table, p.kind(), p.shardingKey(),
        p.colocatedWith().isEmpty() ? null : String.join(",", p.colocatedWith()),
        String.join(",", p.shards())};
  }

  /** How the default shard's database stores the config's (unquoted) table name. */
  private String storedName(TableRule rule) throws SQLException {
    if (facts.bool(ShardFacts.Fact.STORES_UPPER_CASE_IDENTIFIERS)) {
      return rule.name().toUpperCase(Locale.ROOT);
    }
    if (facts.bool(ShardFacts.Fact.STORES_LOWER_CASE_IDENTIFIERS)) {
      return rule.name();
    }
    return rule.declaredName();
  }

  static boolean isInternal(String table) {
    return table != null && INTERNAL.contains(table.toLowerCase(Locale.ROOT));
  }

  private static boolean containsName(List<Object[]> rows, int name, String lowerName) {
    for (Object[] row : rows) {
      String n = MetaRows.text(row, name);
      if (n != null && n.equalsIgnoreCase(lowerName)) {
        return true;
      }
    }
    return false;
  }

  private static String key(Object[] row, int cat, int schem, int name) {
    return MetaRows.text(row, cat) + "\u0000" + MetaRows.text(row, schem) + "\u0000"
        + MetaRows.text(row, name);
  }

  private static String sortKey(Object[] row, int index) {
    String s = MetaRows.text(row, index);
    return s == null ? "" : s;
  }
}
