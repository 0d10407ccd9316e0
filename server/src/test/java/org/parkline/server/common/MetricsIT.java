package org.parkline.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;

/** Operators see gate latency and allocation outcomes in Prometheus, and health for their load balancer. */
class MetricsIT extends IntegrationTest {

    @Test
    void gateLatencyAndAllocationOutcomesArePublishedForPrometheus() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        for (int i = 0; i < 4; i++) {
            String body = "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\"}}"
                    .formatted(lot.lotId(), lot.entryGate());
            http.post("/v1/tickets/entry", body, "metrics-" + lot.lotId() + "-" + i);
        }
        http.post(
                "/v1/tickets/entry",
                "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\"}}"
                        .formatted(lot.lotId(), lot.entryGate()),
                "metrics-" + lot.lotId() + "-0");

        String metrics = http.get("/actuator/prometheus").body();

        assertThat(metrics)
                .contains("parkline_gate_requests_seconds_bucket{")
                .containsPattern("parkline_gate_requests_seconds_count\\{.*operation=\"entry\".*outcome=\"ok\"")
                .containsPattern("parkline_gate_requests_seconds_count\\{.*outcome=\"lot-full\"")
                .containsPattern("parkline_allocation_attempts_total\\{.*outcome=\"allocated\"")
                .containsPattern("parkline_allocation_attempts_total\\{.*outcome=\"lot_full\"")
                .contains("parkline_idempotency_replays_total");
        assertThat(http.get("/actuator/health/readiness").body()).contains("UP");
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheGateEndpoints() {
        var doc = http.get("/v3/api-docs");

        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().path("paths").has("/v1/tickets/entry")).isTrue();
        assertThat(doc.json().path("paths").has("/v1/tickets/{ticketId}/exit")).isTrue();
        assertThat(doc.json().path("paths").has("/v1/lots/{lotId}/availability"))
                .isTrue();
    }
}
