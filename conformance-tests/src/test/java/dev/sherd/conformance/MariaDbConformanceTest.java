package dev.sherd.conformance;

import org.junit.jupiter.api.DisplayName;

/** {@link ConformanceSuite} on MariaDB: the driver over four MariaDB shards against one MariaDB database. */
@DisplayName("MariaDB: driver over 4 shards vs one database (load, placement, corpus)")
class MariaDbConformanceTest extends ConformanceSuite {

    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
