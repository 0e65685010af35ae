package dev.sherd.conformance;

import org.junit.jupiter.api.DisplayName;

/** {@link ConformanceSuite} on H2: the driver over four H2 shards against one H2 database. */
@DisplayName("H2: driver over 4 shards vs one database (load, placement, corpus)")
class H2ConformanceTest extends ConformanceSuite {

    @Override
    Backend backend() {
        return Backend.H2;
    }
}
