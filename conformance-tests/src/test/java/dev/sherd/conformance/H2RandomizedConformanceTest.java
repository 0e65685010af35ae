package dev.sherd.conformance;

import org.junit.jupiter.api.DisplayName;

/** {@link RandomizedConformanceSuite} on H2: generated queries, the driver over four H2 shards against one H2 database. */
@DisplayName("H2: driver over 4 shards vs one database (generated queries)")
class H2RandomizedConformanceTest extends RandomizedConformanceSuite {

    @Override
    Backend backend() {
        return Backend.H2;
    }
}
