package dev.sherd.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sherd.metadata.DialectFamily;
import dev.sherd.sql.plan.QueryPlan;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogQualifiersTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // H2 stores unquoted names upper-cased
      "SELECT * FROM \"SHOP\".\"PUBLIC\".\"CUSTOMERS\" | SELECT * FROM \"PUBLIC\".\"CUSTOMERS\"",
      "SELECT * FROM shop.public.customers | SELECT * FROM public.customers",
      "SELECT * FROM Shop . PUBLIC . CUSTOMERS c | SELECT * FROM PUBLIC . CUSTOMERS c",
      "SELECT SHOP.PUBLIC.CUSTOMERS.ID FROM SHOP.PUBLIC.CUSTOMERS"
          + " | SELECT PUBLIC.CUSTOMERS.ID FROM PUBLIC.CUSTOMERS",
      "SELECT SHOP.PUBLIC.C.* FROM SHOP.PUBLIC.CUSTOMERS C | SELECT PUBLIC.C.* FROM PUBLIC.CUSTOMERS C",
      // not the catalog: quoted in another case, a schema.table pair, a later part, a literal
      "SELECT * FROM \"shop\".\"PUBLIC\".\"CUSTOMERS\" | SELECT * FROM \"shop\".\"PUBLIC\".\"CUSTOMERS\"",
      "SELECT * FROM SHOP.CUSTOMERS | SELECT * FROM SHOP.CUSTOMERS",
      "SELECT x.SHOP.PUBLIC.T FROM x | SELECT x.SHOP.PUBLIC.T FROM x",
      "SELECT 'SHOP.PUBLIC.T' FROM t -- SHOP.PUBLIC.T | SELECT 'SHOP.PUBLIC.T' FROM t -- SHOP.PUBLIC.T",
      "SELECT * FROM SHOPS.PUBLIC.T | SELECT * FROM SHOPS.PUBLIC.T",
  })
  void h2(String sql, String expected) {
    assertEquals(expected, CatalogQualifiers.strip(sql, "SHOP", DialectFamily.H2));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // PostgreSQL stores unquoted names lower-cased
      "SELECT * FROM shop.public.customers | SELECT * FROM public.customers",
      "SELECT * FROM SHOP.public.customers | SELECT * FROM public.customers",
      "SELECT * FROM \"shop\".\"public\".\"customers\" | SELECT * FROM \"public\".\"customers\"",
      "SELECT * FROM \"SHOP\".public.customers | SELECT * FROM \"SHOP\".public.customers",
  })
  void postgres(String sql, String expected) {
    assertEquals(expected, CatalogQualifiers.strip(sql, "shop", DialectFamily.POSTGRESQL));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // MySQL: the catalog is the database, so db.table is a qualified name
      "SELECT * FROM `shop`.`customers` | SELECT * FROM `customers`",
      "SELECT shop.customers.id FROM shop.customers | SELECT customers.id FROM customers",
      "SELECT shop.customers.* FROM shop.customers | SELECT customers.* FROM customers",
      // a table named like the database: shop.* is that table's columns, kept
      "SELECT shop.* FROM shop JOIN t ON t.a = shop.a | SELECT shop.* FROM shop JOIN t ON t.a = shop.a",
      // a table named like the database: nothing is removed, so shop.a keeps its table
      "SELECT * FROM shop WHERE EXISTS (SELECT 1 FROM t WHERE t.x = shop.a)"
          + " | SELECT * FROM shop WHERE EXISTS (SELECT 1 FROM t WHERE t.x = shop.a)",
      // names are case-sensitive as written
      "SELECT * FROM SHOP.customers | SELECT * FROM SHOP.customers",
      "SELECT * FROM other.customers | SELECT * FROM other.customers",
  })
  void mysql(String sql, String expected) {
    assertEquals(expected, CatalogQualifiers.strip(sql, "shop", DialectFamily.MYSQL));
  }

  @Test
  void withoutTheCatalog_theTextIsReturnedAsIs() {
    String sql = "SELECT a.b FROM t a";
    assertSame(sql, CatalogQualifiers.strip(sql, "SHOP", DialectFamily.H2));
    assertSame(sql, CatalogQualifiers.strip(sql, null, DialectFamily.H2));
  }

  @Test
  void planner_routesAndRunsTheStatementWithoutTheCatalog() throws SQLException {
    AtomicInteger asked = new AtomicInteger();
    Planner planner = new Planner(PlannerGoldenTest.cluster(), 100, () -> {
      asked.incrementAndGet();
      return "SHOP";
    });
    planner.plan("SELECT * FROM customers WHERE id = ?");
    assertEquals(0, asked.get(), "a text without a dot needs no catalog name");
    QueryPlan routed = (QueryPlan) planner.plan(
        "SELECT c.name FROM \"SHOP\".\"PUBLIC\".customers c WHERE c.id = ?");
    assertEquals("SELECT c.name FROM \"PUBLIC\".customers c WHERE c.id = ?", routed.direct().sql());
    QueryPlan plain = (QueryPlan) planner.plan(
        "SELECT c.name FROM \"PUBLIC\".customers c WHERE c.id = ?");
    assertEquals(plain.route().toString(), routed.route().toString(),
        "the qualified statement routes like the unqualified one");
  }

  @Test
  void planner_whenTheCatalogCannotBeResolved_failsNamingWhy() {
    Planner planner = new Planner(PlannerGoldenTest.cluster(), 100, () -> {
      throw new SQLTransientConnectionException("shard s0 is unavailable", "08001");
    });
    SQLException e = assertThrows(SQLException.class,
        () -> planner.plan("SELECT * FROM SHOP.PUBLIC.customers"));
    assertEquals("shard s0 is unavailable", e.getMessage());
  }
}
