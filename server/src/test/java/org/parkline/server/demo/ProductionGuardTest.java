package org.parkline.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    private static final String REAL_KEY = "cmVhbC1rZXktcmVhbC1rZXktcmVhbC1rZXktcmVhbC1rZXkh";

    @Test
    void productionRefusesEveryDemoLeftover() {
        assertThat(ProductionGuard.problems(true, ProductionGuard.DEMO_HMAC_KEY, REAL_KEY, true, true))
                .hasSize(4)
                .anyMatch(p -> p.contains("demo data"))
                .anyMatch(p -> p.contains("plate keys"))
                .anyMatch(p -> p.contains("demo accounts"))
                .anyMatch(p -> p.contains("demo device keys"));
    }

    @Test
    void productionStartsWithOwnKeysAndNoDemo() {
        assertThat(ProductionGuard.problems(false, REAL_KEY, REAL_KEY, false, false))
                .isEmpty();
    }
}
