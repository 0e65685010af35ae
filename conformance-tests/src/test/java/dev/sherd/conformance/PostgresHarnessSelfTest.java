package dev.sherd.conformance;

import org.junit.jupiter.api.DisplayName;

/** {@link OracleSelfTestSuite} on PostgreSQL: the corpus and the generated queries agree between two plain PostgreSQL databases. */
@DisplayName("PostgreSQL: the harness compared with itself (two plain databases)")
class PostgresHarnessSelfTest extends OracleSelfTestSuite {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
