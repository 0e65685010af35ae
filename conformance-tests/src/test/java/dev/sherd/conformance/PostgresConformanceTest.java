package dev.sherd.conformance;

import org.junit.jupiter.api.DisplayName;

/** {@link ConformanceSuite} on PostgreSQL: the driver over four PostgreSQL shards against one PostgreSQL database. */
@DisplayName("PostgreSQL: driver over 4 shards vs one database (load, placement, corpus)")
class PostgresConformanceTest extends ConformanceSuite {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
