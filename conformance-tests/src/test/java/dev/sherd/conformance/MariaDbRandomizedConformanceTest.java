package dev.sherd.conformance;

import org.junit.jupiter.api.DisplayName;

/** {@link RandomizedConformanceSuite} on MariaDB: generated queries, the driver over four MariaDB shards against one MariaDB database. */
@DisplayName("MariaDB: driver over 4 shards vs one database (generated queries)")
class MariaDbRandomizedConformanceTest extends RandomizedConformanceSuite {

    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
