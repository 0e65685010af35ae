package dev.sherd.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** YAML fixtures shared by the tests. */
final class TestConfigs {
    static final String SOURCE = "cluster.yaml";

    /** Three H2 shards; s2 so range tables can use more than two. */
    static final String SHARDS = """
            shards:
              s0: { url: "jdbc:h2:mem:s0", user: sa }
              s1: { url: "jdbc:h2:mem:s1", user: sa }
              s2: { url: "jdbc:h2:mem:s2", user: sa }
            """;

    private TestConfigs() {
    }

    /** {@link #SHARDS} plus a tables section; {@code tables} holds entries indented by two spaces. */
    static String withTables(String tables) {
        return SHARDS + "tables:\n" + tables;
    }

    static ClusterConfig parse(String yaml) throws ConfigException {
        return ClusterConfig.parse(yaml, SOURCE);
    }

    static ClusterConfig parseTables(String tables) throws ConfigException {
        return parse(withTables(tables));
    }

    static String example() {
        try (InputStream in = TestConfigs.class.getResourceAsStream("example-cluster.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
