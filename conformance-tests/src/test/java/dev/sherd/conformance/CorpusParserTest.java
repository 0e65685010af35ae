package dev.sherd.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus format is parsed as documented, and malformed input is rejected with its line number. */
class CorpusParserTest {

    @Test
    void parsesDirectivesAndMultiLineStatements() {
        List<CorpusEntry> entries = CorpusParser.parse("t", """
                --- commentary
                -- id: a
                -- ordered
                SELECT 1
                  -- a comment inside the statement
                  FROM dual;

                -- id: b
                -- ordered: 1, 2
                -- approx: X
                SELECT 2;
                -- id: c
                -- count-only
                -- params: 5, 5L, 1.50, 0.5d, 'it''s, ok', DATE '2024-01-31', TIMESTAMP '2024-01-31 10:00:00', NULL, TRUE
                SELECT ?;
                -- id: d
                -- batch
                -- params: 1
                -- params: 2
                -- check: notes, countries
                INSERT INTO t VALUES (?);
                -- id: e
                -- explain: s1, s2
                EXPLAIN SELECT 1;
                -- id: f
                -- error
                SELEKT;
                """);
        assertEquals(6, entries.size());
        CorpusEntry a = entries.get(0);
        assertEquals(ComparisonMode.Order.ORDERED, a.mode().order());
        assertEquals("SELECT 1\n  -- a comment inside the statement\n  FROM dual", a.sql());
        assertEquals("t:4", a.location());
        assertNull(a.params());
        assertEquals(List.of(1, 2), entries.get(1).mode().orderedOn());
        assertTrue(entries.get(1).mode().approximate().contains("X"));
        assertEquals(Arrays.asList(5, 5L, new BigDecimal("1.50"), 0.5d, "it's, ok", Date.valueOf("2024-01-31"),
                Timestamp.valueOf("2024-01-31 10:00:00"), null, true), entries.get(2).params());
        assertEquals(ComparisonMode.Order.COUNT_ONLY, entries.get(2).mode().order());
        assertTrue(entries.get(3).batch());
        assertEquals(List.of("notes", "countries"), entries.get(3).checkTables());
        assertEquals(List.of("s1", "s2"), entries.get(4).explainMentions());
        assertTrue(entries.get(5).expectError());
        assertFalse(entries.get(0).expectError());
    }

    @Test
    void groupsTransactionBlocks() {
        List<CorpusEntry> entries = CorpusParser.parse("t", """
                -- id: a
                SELECT 1;
                -- id: b
                -- tx-begin
                UPDATE t SET x = 1;
                -- id: c
                -- commit
                UPDATE t SET x = 2;
                -- id: d
                -- tx-begin
                -- rollback
                DELETE FROM t;
                """);
        List<CorpusUnit> units = CorpusUnit.group(entries);
        assertEquals(3, units.size());
        assertEquals(2, units.get(1).entries().size());
        assertEquals(1, units.get(2).entries().size());
    }

    @Test
    void variantsAndExclusions_resolvePerBackend() {
        List<CorpusEntry> entries = CorpusParser.parse("t", """
                -- id: a
                -- ordered
                SELECT x FROM t ORDER BY x NULLS LAST;
                -- variant: mariadb
                SELECT x FROM t
                 ORDER BY x IS NULL, x;
                -- id: b
                -- skip: mariadb, postgresql (division by zero is not an error there)
                SELECT 1 / 0;
                -- id: c
                -- only: h2 (H2 syntax)
                SELECT 2;
                -- id: d
                SELECT 3;
                """);
        assertEquals(4, entries.size());
        CorpusEntry a = entries.get(0);
        assertEquals("SELECT x FROM t ORDER BY x NULLS LAST", a.on(Backend.H2).sql());
        assertEquals("SELECT x FROM t ORDER BY x NULLS LAST", a.on(Backend.POSTGRESQL).sql());
        assertEquals("SELECT x FROM t\n ORDER BY x IS NULL, x", a.on(Backend.MARIADB).sql());
        assertEquals(ComparisonMode.Order.ORDERED, a.on(Backend.MARIADB).mode().order());
        assertEquals("a", a.on(Backend.MARIADB).id());
        assertEquals("division by zero is not an error there", entries.get(1).skipReason(Backend.MARIADB).orElseThrow());
        assertTrue(entries.get(1).skipReason(Backend.H2).isEmpty());
        assertTrue(entries.get(2).skipReason(Backend.H2).isEmpty());
        assertEquals("H2 syntax", entries.get(2).skipReason(Backend.POSTGRESQL).orElseThrow());
        assertTrue(entries.get(3).skipReason(Backend.MARIADB).isEmpty());
    }

    @Test
    void rejectsMalformedVariantsAndExclusions() {
        assertError("must follow the entry", "-- variant: mariadb\nSELECT 1;\n");
        assertError("takes no other directive", "-- id: a\nSELECT 1;\n-- variant: mariadb\n-- ordered\nSELECT 2;\n");
        assertError("unknown backend 'oracle'", "-- id: a\nSELECT 1;\n-- variant: oracle\nSELECT 2;\n");
        assertError("already has a mariadb variant", "-- id: a\nSELECT 1;\n-- variant: mariadb\nSELECT 2;\n-- variant: mariadb\nSELECT 3;\n");
        assertError("needs backends and a reason", "-- id: a\n-- skip: mariadb\nSELECT 1;\n");
        assertError("would run on no backend", "-- id: a\n-- skip: h2, postgresql, mariadb (never)\nSELECT 1;\n");
        assertError("dead text", "-- id: a\n-- skip: mariadb (no)\nSELECT 1;\n-- variant: mariadb\nSELECT 2;\n");
        assertError("inside a transaction block",
                "-- id: a\n-- tx-begin\nSELECT 1;\n-- id: b\n-- skip: mariadb (no)\n-- commit\nSELECT 2;\n");
    }

    @Test
    void rejectsMalformedInput_withLineNumbers() {
        assertError("unknown directive 'orderd'", "-- id: a\n-- orderd\nSELECT 1;\n");
        assertError("needs '-- id", "SELECT 1;\n");
        assertError("duplicate id a", "-- id: a\nSELECT 1;\n-- id: a\nSELECT 2;\n");
        assertError("not terminated", "-- id: a\nSELECT 1\n");
        assertError("without a statement", "-- id: a\n");
        assertError("only one of ordered / count-only", "-- id: a\n-- ordered\n-- count-only\nSELECT 1;\n");
        assertError("not marked batch", "-- id: a\n-- params: 1\n-- params: 2\nSELECT ?;\n");
        assertError("needs at least two", "-- id: a\n-- batch\n-- params: 1\nSELECT ?;\n");
        assertError("never committed", "-- id: a\n-- tx-begin\nSELECT 1;\n");
        assertError("without tx-begin", "-- id: a\n-- commit\nSELECT 1;\n");
        assertError("not a parameter literal", "-- id: a\n-- params: x\nSELECT ?;\n");
        assertError("t:2", "-- id: a\n-- bogus\nSELECT 1;\n");
    }

    @Test
    void expectedRefusals_parseAndRejectJunk() {
        ExpectedRefusals r = ExpectedRefusals.parse("# c\n\na | SQLFeatureNotSupportedException | because\nb | SQLException | tx\n");
        assertEquals(2, r.size());
        assertEquals(ExpectedRefusals.Kind.SQL_EXCEPTION, r.find("b").orElseThrow().kind());
        assertThrows(IllegalArgumentException.class, () -> ExpectedRefusals.parse("a | Nope | x\n"));
        assertThrows(IllegalArgumentException.class, () -> ExpectedRefusals.parse("a | SQLException |\n"));
        assertThrows(IllegalArgumentException.class, () -> ExpectedRefusals.parse("a | SQLException | x\na | SQLException | y\n"));
    }

    @Test
    void writtenTable_isDetectedFromTheStatement() {
        assertEquals("customers", DifferentialRunner.writtenTable("INSERT INTO customers (id) VALUES (1)").orElseThrow());
        assertEquals("orders", DifferentialRunner.writtenTable("update orders set x = 1").orElseThrow());
        assertEquals("\"My T\"", DifferentialRunner.writtenTable("DELETE FROM \"My T\" WHERE 1=1").orElseThrow());
        assertEquals("ledger", DifferentialRunner.writtenTable("CREATE INDEX i ON ledger(customer_id)").orElseThrow());
        assertEquals("ledger", DifferentialRunner.writtenTable("/* c */ ALTER TABLE ledger ADD COLUMN m INT").orElseThrow());
        assertTrue(DifferentialRunner.writtenTable("SELECT * FROM customers").isEmpty());
        assertTrue(DifferentialRunner.writtenTable("DROP TABLE ledger").isEmpty());
    }

    private static void assertError(String expected, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorpusParser.parse("t", text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
