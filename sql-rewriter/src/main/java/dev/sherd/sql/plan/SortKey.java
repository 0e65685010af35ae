package dev.sherd.sql.plan;

/**
 * One key of an ORDER BY applied by the merge layer.
 *
 * @param column     0-based index of the column in the row being sorted
 * @param descending true for DESC
 * @param nulls      where NULLs go; {@link NullOrder#DEFAULT} means the shard database's default
 *                   for this direction (H2 and MariaDB: NULLs are smallest; PostgreSQL: largest)
 */
public record SortKey(int column, boolean descending, NullOrder nulls) {

  /** Where NULL values sort. */
  public enum NullOrder { FIRST, LAST, DEFAULT }
}
