package dev.sherd.conformance;

import org.junit.jupiter.api.DisplayName;

/** {@link OracleSelfTestSuite} on MariaDB: the corpus and the generated queries agree between two plain MariaDB databases. */
@DisplayName("MariaDB: the harness compared with itself (two plain databases)")
class MariaDbHarnessSelfTest extends OracleSelfTestSuite {

    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
