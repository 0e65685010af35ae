package dev.sherd.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static String fingerprint(String yaml) throws ConfigException {
        return TestConfigs.parse(yaml).fingerprint();
    }

    @Test
    void fingerprint_sameText_isSame() throws ConfigException {
        String a = fingerprint(TestConfigs.example());
        assertEquals(a, fingerprint(TestConfigs.example()));
        assertEquals(a, ClusterConfig.parse(TestConfigs.example(), "elsewhere.yaml").fingerprint(), "source does not matter");
        assertTrue(a.matches("[0-9a-f]{64}"), a);
    }

    @Test
    void fingerprint_formattingCommentsAndTableOrder_doNotMatter() throws ConfigException {
        String compact = """
                shards: { s0: { url: "jdbc:h2:mem:s0", user: sa }, s1: { url: "jdbc:h2:mem:s1", pool: { b: 2, a: 1 } } }
                tables:
                  t2: { broadcast: true }
                  T1: { sharding-key: ID, algorithm: hash }
                  r: { sharding-key: k, algorithm: range, ranges: [ { shard: s0, to: 10 }, { shard: s1, from: "10.0" } ] }
                """;
        String spread = """
                # same meaning, other layout
                shards:
                  s0:
                    user: sa
                    url: jdbc:h2:mem:s0
                  s1:
                    url: jdbc:h2:mem:s1
                    pool:
                      a: 1
                      b: "2"
                default-shard: s0
                tables:
                  r:
                    algorithm: range
                    ranges:
                      - { shard: s0, to: "10" }
                      - { from: 10, shard: s1 }
                    sharding-key: k
                  t1: { sharding-key: id }
                  t2: { broadcast: true }
                """;
        assertEquals(fingerprint(compact), fingerprint(spread));
    }

    @Test
    void fingerprint_anySemanticChange_differs() throws ConfigException {
        String base = fingerprint(TestConfigs.example());
        String example = TestConfigs.example();
        assertNotEquals(base, fingerprint(example.replace("password: secret", "password: other")));
        assertNotEquals(base, fingerprint(example.replace("maximumPoolSize: 16", "maximumPoolSize: 17")));
        assertNotEquals(base, fingerprint(example.replace("default-shard: s0", "default-shard: s1")));
        assertNotEquals(base, fingerprint(example.replace("sharding-key: customer_id", "sharding-key: cust_id")));
        assertNotEquals(base, fingerprint(example.replace("\"2024-03-01\"", "\"2024-04-01\"")));
        assertNotEquals(base, fingerprint(example.replace("    colocated-with: customers    #", "    #")));
    }

    @Test
    void fingerprint_shardOrder_matters() throws ConfigException {
        String ab = "shards:\n  a: { url: \"jdbc:h2:mem:a\" }\n  b: { url: \"jdbc:h2:mem:b\" }\n";
        String ba = "shards:\n  b: { url: \"jdbc:h2:mem:b\" }\n  a: { url: \"jdbc:h2:mem:a\" }\n";
        assertNotEquals(fingerprint(ab), fingerprint(ba));
    }

    @Test
    void fingerprint_configWithoutPasswords_isFixedAcrossJvms() throws ConfigException {
        // No salt is involved without passwords; pin it so an accidental change to the normal form is noticed.
        String yaml = "shards:\n  a: { url: \"jdbc:h2:mem:a\" }\ntables:\n  t: { sharding-key: id }\n";
        assertEquals("60a8cd1f595794e5c1dbbf7bac4977b58a3f655e11adfa56c82649ad17876e9d", fingerprint(yaml));
    }
}
