package dev.sherd.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No exception message or toString this module produces may contain a password. */
class PasswordLeakTest {
    private static final String PASSWORD = "hunter2Zq9";

    /** Every invalid configuration of {@link ConfigValidationTest}, with passwords in the shards and their URLs. */
    static Stream<ConfigValidationTest.Case> invalidWithPasswords() {
        return ConfigValidationTest.cases().map(c -> new ConfigValidationTest.Case(c.name(), withPasswords(c.yaml()),
                c.keyPath(), c.problem()));
    }

    private static String withPasswords(String yaml) {
        return yaml.replace("user: sa }", "user: sa, password: \"" + PASSWORD + "\" }")
                .replace("\"jdbc:h2:mem:s0\"", "\"jdbc:h2:mem:s0;PASSWORD=" + PASSWORD + "\"")
                .replace("\"jdbc:h2:mem:s0\" }", "\"jdbc:h2:mem:s0\", password: \"" + PASSWORD + "\" }");
    }

    /** Broken YAML right where the password is written. */
    static Stream<String> malformedAroundPassword() {
        String head = "shards:\n  s0:\n    url: \"jdbc:h2:mem:s0\"\n";
        return Stream.of(
                head + "    password: " + PASSWORD + ": x\n",
                head + "    password: \"" + PASSWORD + "\n",
                head + "    password: '" + PASSWORD + "\n",
                head + "    password: [" + PASSWORD + "\n",
                head + "    password: {" + PASSWORD + "\n",
                head + "    password: *" + PASSWORD + "\n",
                head + "    password: !" + PASSWORD + " x\n",
                head + "    password: &" + PASSWORD + " x\n",
                head + "    *" + PASSWORD + ": x\n",
                head + "    ? [" + PASSWORD + "]\n    : x\n",
                head + "    password: \"" + PASSWORD + "\u0001\"\n",
                head + "    password: " + PASSWORD + "\n---\npassword: " + PASSWORD + "\n",
                head + "    password: \"" + PASSWORD + "\\q\"\n",
                head + "    password: " + PASSWORD + "\n   \tuser: sa\n",
                head + "    password: " + PASSWORD + "\n      user: sa\n",
                head + "    password: " + PASSWORD + "\n    password: other\n",
                head + "    password: 12345678\n",
                head + "    password: [" + PASSWORD + "]\n",
                head + "    password: { p: " + PASSWORD + " }\n",
                head + "    pool: { password: " + PASSWORD + " }\n",
                head + "    pool: { dataSourceProperties: { password: " + PASSWORD + " } }\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidWithPasswords")
    void parse_invalidConfigWithPassword_neverShowsIt(ConfigValidationTest.Case c) {
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.parse(c.yaml()));
        assertEquals(c.keyPath(), e.keyPath(), "the password injection must not change which error is found");
        assertNoPassword(e);
    }

    @ParameterizedTest
    @MethodSource("malformedAroundPassword")
    void parse_malformedNearPassword_neverShowsIt(String yaml) {
        assertNoPassword(assertThrows(ConfigException.class, () -> TestConfigs.parse(yaml)));
        if (yaml.contains("12345678")) {
            assertNoPassword(assertThrows(ConfigException.class, () -> TestConfigs.parse(yaml)), "12345678");
        }
    }

    @Test
    void toString_validConfigWithPasswords_neverShowsThem() throws ConfigException {
        ClusterConfig c = TestConfigs.parse("""
                shards:
                  s0:
                    url: "jdbc:h2:mem:s0;USER=sa;PASSWORD=%1$s;DB_CLOSE_DELAY=-1"
                    user: sa
                    password: "%1$s"
                    pool: { maximumPoolSize: 4, dataSource.password: "%1$s", poolName: main }
                  s1: { url: "jdbc:h2:mem:s1", password: "%1$s" }
                tables:
                  customers: { sharding-key: id }
                  countries: { broadcast: true }
                  events: { sharding-key: at, algorithm: range, ranges: [ { shard: s0, to: 5 }, { shard: s1, from: 5 } ] }
                """.formatted(PASSWORD));
        assertEquals(PASSWORD, c.shard(0).password(), "the value itself is available to the pool");
        List<String> texts = new ArrayList<>(List.of(c.toString(), c.fingerprint(), c.allShards().toString()));
        c.shards().forEach(s -> texts.add(s.toString()));
        c.tableRules().forEach(t -> texts.add(t.toString()));
        for (String text : texts) {
            assertFalse(text.contains(PASSWORD), text);
        }
    }

    @Test
    void redact_credentialsInUrls_areMasked() {
        assertEquals("jdbc:postgresql://app:****@db:5432/x", JdbcUrlRedaction.redact("jdbc:postgresql://app:" + PASSWORD + "@db:5432/x"));
        assertEquals("jdbc:mysql://db/x?user=a&password=****&ssl=true",
                JdbcUrlRedaction.redact("jdbc:mysql://db/x?user=a&password=" + PASSWORD + "&ssl=true"));
        assertEquals("jdbc:h2:mem:x;PASSWORD=****", JdbcUrlRedaction.redact("jdbc:h2:mem:x;PASSWORD=" + PASSWORD));
    }

    private static void assertNoPassword(Throwable e) {
        assertNoPassword(e, PASSWORD);
    }

    private static void assertNoPassword(Throwable top, String secret) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(top));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(todo.size() - 1);
            if (!seen.add(t)) {
                continue;
            }
            for (String text : new String[] {t.getMessage(), t.getLocalizedMessage(), t.toString()}) {
                assertFalse(text != null && text.contains(secret), () -> "leaked by " + t.getClass().getName() + ": " + text);
            }
            if (t instanceof ConfigException ce) {
                assertFalse(ce.problem().contains(secret), ce.problem());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
    }
}
