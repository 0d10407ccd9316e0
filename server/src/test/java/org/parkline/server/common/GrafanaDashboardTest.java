package org.parkline.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** docs/grafana/parkline-dashboard.json parses, and its panels query metrics the server publishes. */
class GrafanaDashboardTest {

    /** Metric families published by the server (Prometheus names, before _bucket/_count/_total suffixes). */
    private static final List<String> PUBLISHED = List.of(
            "parkline_gate_requests_seconds",
            "parkline_allocation_attempts",
            "parkline_allocation_contended",
            "parkline_occupancy",
            "parkline_places_occupied",
            "parkline_places_in_service",
            "parkline_payments",
            "parkline_payments_psp_unavailable",
            "parkline_payments_capture_pending",
            "parkline_payments_uncollected",
            "parkline_idempotency_replays",
            "parkline_security_denied",
            "parkline_security_sign_in",
            "parkline_security_rate_limited");

    private static final Pattern METRIC = Pattern.compile("parkline_[a-z_]+");

    @Test
    void theDashboardParsesAndQueriesOnlyPublishedMetrics() throws IOException {
        String text = Files.readString(Path.of("..", "docs", "grafana", "parkline-dashboard.json"));
        JsonNode dashboard = JsonMapper.builder().build().readTree(text);

        assertThat(dashboard.path("uid").asString()).isEqualTo("parkline-overview");
        List<String> exprs = dashboard
                .path("panels")
                .valueStream()
                .flatMap(p -> p.path("targets").valueStream())
                .map(t -> t.path("expr").asString())
                .toList();
        assertThat(exprs).hasSizeGreaterThan(15);
        for (String expr : exprs) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                String family = m.group().replaceAll("_(bucket|count|sum|total)$", "");
                assertThat(PUBLISHED).as("metric in %s", expr).contains(family);
            }
        }
        String all = String.join("\n", exprs);
        assertThat(all)
                .contains("histogram_quantile(0.50", "histogram_quantile(0.95", "histogram_quantile(0.99")
                .contains("parkline_gate_requests_seconds_bucket")
                .contains("parkline_occupancy")
                .contains("parkline_idempotency_replays_total")
                .contains("parkline_security_sign_in_total");
    }
}
