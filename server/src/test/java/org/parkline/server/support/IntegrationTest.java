package org.parkline.server.support;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        // a retired plate key, so that key rotation is tested in the shared context; tests re-encrypt by hand
        registry.add("parkline.plates.retired-encryption-keys." + RETIRED_PLATE_KEY_ID, () -> RETIRED_PLATE_KEY);
        registry.add("parkline.privacy.reencrypt-delay", () -> "PT24H");
        // programs' jobs run by hand in tests too
        registry.add("parkline.enforcement.escalation-interval", () -> "PT1H");
        registry.add("parkline.enforcement.retention-interval", () -> "PT1H");
        // every test looks citations up from 127.0.0.1: the per-address limit would throttle the suite
        registry.add("parkline.enforcement.lookups-per-minute", () -> "100000");
    }

    /** An encryption key the test server knows as retired (plates stored under it still decrypt). */
    public static final String RETIRED_PLATE_KEY_ID = "test-retired-1";

    public static final String RETIRED_PLATE_KEY = "dGVzdC1yZXRpcmVkLXBsYXRlLWtleS0zMi1ieXRlcyEhIQ==";

    /** Demo gate keys of lot L1 (created by demo mode). */
    protected static final String L1_ENTRY_GATE_KEY = "pk_demo-l1-e01.parkline-demo-gate-key";

    protected static final String L1_EXIT_GATE_KEY = "pk_demo-l1-x02.parkline-demo-gate-key";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @BeforeEach
    void connect() {
        clock.set(START);
        String admin = tokenOf("admin");
        api = ParklineClient.builder(base()).bearerToken(admin).build();
        http = new RawHttp(base(), HttpClient.newHttpClient(), Map.of()).withToken(admin);
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    /** A bearer token of a demo account (admin, operator of L1, officer, adjudicator, analyst, auditor, parker). */
    protected String tokenOf(String demoAccount) {
        return tokenOf(demoAccount, demoAccount + "-demo-pass");
    }

    protected String tokenOf(String username, String password) {
        return TOKENS.computeIfAbsent(username + ":" + password, k -> {
            var reply = new RawHttp(base(), HttpClient.newHttpClient(), Map.of())
                    .post("/v1/auth/token", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
            if (reply.status() != 200) throw new IllegalStateException("sign-in failed: " + reply.body());
            return reply.json().path("token").asString();
        });
    }

    protected ParklineClient clientWithToken(String token) {
        return ParklineClient.builder(base()).bearerToken(token).build();
    }

    protected ParklineClient clientWithKey(String apiKey) {
        return ParklineClient.builder(base()).apiKey("X-Api-Key", apiKey).build();
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
