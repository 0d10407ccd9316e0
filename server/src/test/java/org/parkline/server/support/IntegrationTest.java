package org.parkline.server.support;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.parkline.client.ParklineClient;
import org.parkline.server.payments.FaultyPsp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server on a random port against real PostgreSQL, driven over HTTP like a gate would. One Spring context
 * (and database) is shared by all integration tests; each test makes its own lot so tests do not see each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({IntegrationTest.TestClock.class, FaultyPsp.Installed.class})
public abstract class IntegrationTest {

    /** A weekday morning in Singapore: 2026-02-24 10:00 +08:00. */
    public static final Instant START = Instant.parse("2026-02-24T02:00:00Z");

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    protected ParklineClient api;
    protected RawHttp http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.get();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("parkline.demo-data", () -> "true");
        registry.add("parkline.holds.sweep-interval", () -> "PT1H");
        // tests run the payment reconciler by hand, and a slow capture is slow for a second, not five
        registry.add("parkline.payments.reconciler.initial-delay", () -> "PT1H");
        registry.add("parkline.payments.reconciler.interval", () -> "PT1H");
        registry.add("parkline.payments.capture-timeout", () -> "PT0.3S");
        registry.add("parkline.payments.simulated.slow-delay", () -> "PT1.5S");
    }

    @BeforeEach
    void connect() {
        clock.set(START);
        api = ParklineClient.builder("http://localhost:" + port).build();
        http = new RawHttp("http://localhost:" + port);
    }

    protected Lots lots() {
        return new Lots(api);
    }

    protected long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) spec = spec.param(p);
        return spec.query(Long.class).single();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }
}
