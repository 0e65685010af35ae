package dev.sherd.sql;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.DialectFamily;
import dev.sherd.metadata.TableRule;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * Matches identifiers as written in SQL against the names in the cluster config, following the
 * shard database's rules: an unquoted identifier matches case-insensitively; a quoted one matches
 * only the exact spelling the database would store (upper case on H2, lower case on PostgreSQL, as
 * written on MySQL) or the config's own spelling. Thread-safe.
 */
final class Names {

  private final ClusterConfig config;
  private final DialectFamily dialect;

  Names(ClusterConfig config) {
    this.config = config;
    this.dialect = config.dialect();
  }

  /** The rule of the table named by the last component of {@code id}, if the config lists it. */
  Optional<TableRule> table(SqlIdentifier id) {
    int last = id.names.size() - 1;
    return table(id.names.get(last), id.isComponentQuoted(last));
  }

  Optional<TableRule> table(String name, boolean quoted) {
    Optional<TableRule> rule = config.tableRule(name);
    if (rule.isPresent() && quoted && !matchesQuoted(name, rule.get().name())) {
      return Optional.empty();
    }
    return rule;
  }

  /** True when component {@code index} of {@code id} names the configured column or table. */
  boolean matches(SqlIdentifier id, int index, String configName) {
    String name = id.names.get(index);
    if (!name.equalsIgnoreCase(configName)) {
      return false;
    }
    return !id.isComponentQuoted(index) || matchesQuoted(name, configName);
  }

  /** True when two identifiers as written (e.g. an alias and a qualifier) name the same thing. */
  static boolean sameName(String a, boolean aQuoted, String b, boolean bQuoted) {
    return aQuoted || bQuoted ? a.equals(b) : a.equalsIgnoreCase(b);
  }

  private boolean matchesQuoted(String quoted, String configName) {
    if (quoted.equals(configName)) {
      return true;
    }
    switch (dialect) {
      case H2:
        return quoted.equals(configName.toUpperCase(Locale.ROOT));
      case POSTGRESQL:
        return quoted.equals(configName.toLowerCase(Locale.ROOT));
      default:
        return false;
    }
  }
}
