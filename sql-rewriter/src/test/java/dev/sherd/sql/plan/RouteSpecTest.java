package dev.sherd.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardSet;
import dev.sherd.metadata.ShardedTable;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteSpecTest {

  private static final ClusterConfig CONFIG = GoldenCluster.load();
  private static final ShardedTable CUSTOMERS = GoldenCluster.table(CONFIG, "customers");
  private static final ShardedTable ORDERS = GoldenCluster.table(CONFIG, "orders");
  private static final ShardedTable EVENTS = GoldenCluster.table(CONFIG, "events");
  private static final ShardSet ALL = ShardSet.all(4);
  private static final String WHY = "join of customers c and orders o is not on their keys";

  /** A reference of the statement's own FROM: its predicate restricts the statement's rows. */
  private static TableRoute route(ShardedTable t, String alias, KeyPredicate p) {
    return new TableRoute(t, alias, p, true);
  }

  /** A subquery's reference: its predicate says which rows the subquery reads, nothing more. */
  private static TableRoute subquery(ShardedTable t, String alias, KeyPredicate p) {
    return new TableRoute(t, alias, p, false);
  }

  private static KeyPredicate eq(Object v) {
    return new KeyPredicate.Eq(new MergeExpr.Literal(v));
  }

  private static KeyPredicate param(int i) {
    return new KeyPredicate.Eq(new MergeExpr.Param(i));
  }

  private static RouteSpec colocated(TableRoute... routes) {
    return new RouteSpec(ALL, List.of(routes), null, false, -1);
  }

  private static RouteSpec sameShard(TableRoute... routes) {
    return new RouteSpec(ALL, List.of(routes), WHY, false, -1);
  }

  @Test
  void fixed_ignoresParameters() throws SQLException {
    RouteSpec r = RouteSpec.fixed(ShardSet.single(0));
    assertTrue(r.isFixed());
    assertEquals(ShardSet.single(0), r.shards(4, new Object[] {1L}));
    assertEquals("fixed ShardSet[0]", r.toString());
  }

  @Test
  void anyOneOf_prefersTheDefaultShard_elseTheFirstCandidate() throws SQLException {
    assertEquals(ShardSet.single(0), RouteSpec.anyOneOf(ALL, 0).shards(4, null));
    assertEquals(ShardSet.single(1), RouteSpec.anyOneOf(ShardSet.of(1, 3), 0).shards(4, null));
    assertEquals(ShardSet.single(3), RouteSpec.anyOneOf(ShardSet.of(1, 3), 3).shards(4, null));
  }

  @Test
  void colocated_intersectsTheReferences() throws SQLException {
    RouteSpec r = colocated(route(CUSTOMERS, "c", eq(7L)), route(ORDERS, "o", new KeyPredicate.Any()));
    assertFalse(r.isFixed());
    assertEquals(ShardSet.single(2), r.shards(4, null));
  }

  @Test
  void colocated_parameters_evaluatedPerExecution() throws SQLException {
    RouteSpec r = colocated(route(CUSTOMERS, "c", param(0)));
    assertEquals(ShardSet.single(2), r.shards(4, new Object[] {7L}));
    assertEquals(ShardSet.single(3), r.shards(4, new Object[] {4L}));
    assertEquals(ShardSet.none(), r.shards(4, new Object[] {null}));
  }

  @Test
  void colocated_disjointKeys_noShardCanHoldARow() throws SQLException {
    RouteSpec r = colocated(route(CUSTOMERS, "c", eq(7L)), route(ORDERS, "o", eq(2L)));
    assertEquals(ShardSet.none(), r.shards(4, null));
  }

  @Test
  void colocated_baseLimitsTheCandidates() throws SQLException {
    RouteSpec r = new RouteSpec(ShardSet.single(0), List.of(route(CUSTOMERS, "c", eq(2L))), null,
        false, -1);
    assertEquals(ShardSet.none(), r.shards(4, null));
  }

  @Test
  void sameShardRequired_allReferencesOnOneShard_runsThere() throws SQLException {
    RouteSpec r = sameShard(route(CUSTOMERS, "c", param(0)), route(ORDERS, "o", param(1)));
    assertEquals(ShardSet.single(0), r.shards(4, new Object[] {1L, 3L}));
  }

  @Test
  void sameShardRequired_differentShards_refusedWithTheReason() {
    RouteSpec r = sameShard(route(CUSTOMERS, "c", param(0)), route(ORDERS, "o", param(1)));
    SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class,
        () -> r.shards(4, new Object[] {1L, 2L}));
    assertEquals("0A000", e.getSQLState());
    assertEquals("not supported across shards: " + WHY, e.getMessage());
  }

  @Test
  void sameShardRequired_oneReferenceOnSeveralShards_refused() {
    RouteSpec r = sameShard(route(CUSTOMERS, "c", eq(7L)), route(ORDERS, "o", new KeyPredicate.Any()));
    assertThrows(SQLFeatureNotSupportedException.class, () -> r.shards(4, null));
  }

  @Test
  void sameShardRequired_shardOutsideTheBase_refused() {
    // An unlisted table pins the base to the default shard s0; customer 2 lives on s1.
    RouteSpec r = new RouteSpec(ShardSet.single(0), List.of(route(CUSTOMERS, "c", eq(2L))), WHY,
        false, -1);
    assertThrows(SQLFeatureNotSupportedException.class, () -> r.shards(4, null));
  }

  @Test
  void sameShardRequired_shardInsideTheBase_runsThere() throws SQLException {
    RouteSpec r = new RouteSpec(ShardSet.single(0), List.of(route(CUSTOMERS, "c", eq(1L))), WHY,
        false, -1);
    assertEquals(ShardSet.single(0), r.shards(4, null));
  }

  /**
   * A subquery's reference whose predicate matches no row needs no rows at all, so it cannot decide the
   * shard; it must not empty the whole route. In
   * {@code SELECT * FROM customers c WHERE c.id = ? AND NOT EXISTS (SELECT 1 FROM orders o
   * WHERE o.note = c.name AND o.customer_id = ?)} with (7, NULL) the answer is customer 7, on s2;
   * an empty route runs the statement on the default shard s0 instead and returns nothing.
   */
  @Test
  void sameShardRequired_referenceMatchingNoRow_doesNotEmptyTheRoute() throws SQLException {
    RouteSpec r = sameShard(route(CUSTOMERS, "c", param(0)), subquery(ORDERS, "o", param(1)));
    assertEquals(ShardSet.single(2), r.shards(4, new Object[] {7L, null}));
  }

  /**
   * A key value the sharding function cannot place (not a date for a date range table) escapes
   * as IllegalArgumentException, which the driver passes to the application as a RuntimeException.
   * One database would report a data exception; the route must throw a SQLException.
   */
  @Test
  void keyNotComparableWithRangeBounds_isASqlException() {
    RouteSpec r = colocated(route(EVENTS, "events", eq("garbage")));
    assertThrows(SQLException.class, () -> r.shards(4, null));
  }

  @Test
  void toString_namesTablesKeysAndPredicates() {
    assertEquals("customers c.id: = 7",
        colocated(route(CUSTOMERS, "c", eq(7L))).toString());
    assertTrue(sameShard(route(CUSTOMERS, "c", eq(7L)), route(ORDERS, "o", eq(2L))).toString()
        .contains(WHY));
  }
}
