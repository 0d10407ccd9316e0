package org.parkline.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** One package per capability; capabilities use each other's public API only, and never in a cycle. */
class ModularityTest {

    @Test
    void capabilitiesRespectTheirBoundaries() {
        ApplicationModules.of(ParklineApplication.class).verify();
    }
}
