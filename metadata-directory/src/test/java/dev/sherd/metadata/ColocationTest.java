package dev.sherd.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ColocationTest {
    private ClusterConfig config;

    @BeforeEach
    void load() throws ConfigException {
        config = TestConfigs.parseTables("""
                  customers: { sharding-key: id }
                  Orders: { sharding-key: Customer_ID, colocated-with: CUSTOMERS }
                  line_items: { sharding-key: customer_id, colocated-with: orders }
                  products: { sharding-key: id }
                  events:
                    sharding-key: at
                    algorithm: range
                    ranges: [ { shard: s0 } ]
                """);
    }

    private ShardedTable table(String name) {
        return (ShardedTable) config.tableRule(name).orElseThrow();
    }

    @Test
    void colocationGroup_chain_isRootTableName() {
        assertEquals("customers", table("customers").colocationGroup());
        assertEquals("customers", table("orders").colocationGroup());
        assertEquals("customers", table("line_items").colocationGroup());
        assertEquals("products", table("products").colocationGroup());
    }

    @Test
    void isColocatedWith_sameGroup_isTrueBothWays() {
        assertTrue(table("orders").isColocatedWith(table("customers")));
        assertTrue(table("customers").isColocatedWith(table("line_items")));
        assertTrue(table("products").isColocatedWith(table("products")));
        assertSame(table("customers").function(), table("line_items").function());
    }

    @Test
    void isColocatedWith_otherGroupOrAlgorithm_isFalse() {
        assertFalse(table("customers").isColocatedWith(table("products")));
        assertFalse(table("customers").isColocatedWith(table("events")));
        assertFalse(table("customers").isColocatedWith(null));
    }

    @Test
    void shardOf_equalKeysInColocatedTables_landOnSameShard() {
        for (long k = 0; k < 2000; k++) {
            int expected = table("customers").function().shardOf(k);
            assertEquals(expected, table("orders").function().shardOf((int) k));
            assertEquals(expected, table("line_items").function().shardOf(Long.toString(k)));
        }
    }

    @Test
    void names_areLowerCaseWithDeclaredSpellingKept() {
        ShardedTable orders = table("ORDERS");
        assertEquals("orders", orders.name());
        assertEquals("Orders", orders.declaredName());
        assertEquals("customer_id", orders.shardingKey());
        assertEquals("Customer_ID", orders.declaredShardingKey());
    }
}
