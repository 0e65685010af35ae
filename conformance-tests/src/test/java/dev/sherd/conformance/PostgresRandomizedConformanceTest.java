package dev.sherd.conformance;

import org.junit.jupiter.api.DisplayName;

/** {@link RandomizedConformanceSuite} on PostgreSQL: generated queries, the driver over four PostgreSQL shards against one PostgreSQL database. */
@DisplayName("PostgreSQL: driver over 4 shards vs one database (generated queries)")
class PostgresRandomizedConformanceTest extends RandomizedConformanceSuite {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
