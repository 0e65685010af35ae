package dev.sherd.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialectFamilyTest {

    @ParameterizedTest
    @CsvSource({
        "jdbc:h2:mem:s0;DB_CLOSE_DELAY=-1, H2",
        "jdbc:h2:tcp://localhost/~/test, H2",
        "jdbc:postgresql://db1:5432/app, POSTGRESQL",
        "jdbc:mysql://db:3306/app, MYSQL",
        "jdbc:mariadb://db:3306/app, MYSQL",
        "JDBC:H2:mem:x, H2",
    })
    void fromJdbcUrl_knownPrefix_returnsFamily(String url, DialectFamily expected) {
        assertEquals(expected, DialectFamily.fromJdbcUrl(url));
    }

    @Test
    void fromJdbcUrl_unknown_throwsWithoutEchoingCredentials() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DialectFamily.fromJdbcUrl("jdbc:oracle:thin:scott/tiger@host:1521:orcl"));
        assertTrue(e.getMessage().contains("jdbc:oracle:"), e.getMessage());
        assertFalse(e.getMessage().contains("tiger"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DialectFamily.fromJdbcUrl(null));
        assertThrows(IllegalArgumentException.class, () -> DialectFamily.fromJdbcUrl("jdbc:h2"));
    }

    @Test
    void nullsSortFirstAscending_perFamily() {
        assertTrue(DialectFamily.H2.nullsSortFirstAscending());
        assertTrue(DialectFamily.MYSQL.nullsSortFirstAscending());
        assertFalse(DialectFamily.POSTGRESQL.nullsSortFirstAscending());
    }
}
