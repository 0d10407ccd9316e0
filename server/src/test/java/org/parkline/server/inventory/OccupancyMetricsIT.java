package org.parkline.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.springframework.beans.factory.annotation.Autowired;

/** Prometheus sees each lot's occupancy (one series per lot) and payment failures by outcome. */
class OccupancyMetricsIT extends IntegrationTest {

    @Autowired
    OccupancyMetrics occupancy;

    @Test
    void eachLotsOccupancyIsAGaugeTaggedByLot() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 2)); // 6 places in 3 zones
        for (int i = 0; i < 3; i++) {
            http.post(
                    "/v1/tickets/entry",
                    "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\"}}"
                            .formatted(lot.lotId(), lot.entryGate()));
        }
        http.put("/v1/spots/" + lot.lotId() + "_2_001", "{\"status\":\"OUT_OF_SERVICE\"}");

        occupancy.refresh();
        String metrics = http.get("/actuator/prometheus").body();

        assertThat(value(metrics, "parkline_occupancy", lot.lotId())).isEqualTo(3.0 / 5);
        assertThat(value(metrics, "parkline_places_occupied", lot.lotId())).isEqualTo(3.0);
        assertThat(value(metrics, "parkline_places_in_service", lot.lotId())).isEqualTo(5.0);
        long series =
                metrics.lines().filter(l -> l.startsWith("parkline_occupancy{")).count();
        assertThat(series).isEqualTo(count("select count(distinct lot_id) from zone_counter"));
    }

    @Test
    void aDeclinedPaymentIsCountedAsAFailure() {
        TestLot lot = lots().create(LotMode.CAPACITY, Map.of(SpotType.COMPACT, 1));
        String ticket = http.post(
                        "/v1/tickets/entry",
                        "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\"}}"
                                .formatted(lot.lotId(), lot.entryGate()))
                .json()
                .path("ticketId")
                .asString();
        clock.advance(java.time.Duration.ofHours(2));
        http.post(
                "/v1/payments",
                "{\"ticketId\":\"%s\",\"method\":\"CARD\",\"paymentToken\":\"tok_decline\"}".formatted(ticket),
                "declined-" + lot.lotId());

        assertThat(http.get("/actuator/prometheus").body())
                .containsPattern("parkline_payments_total\\{.*status=\"FAILED\"");
    }

    private static double value(String metrics, String name, String lotId) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*lot=\"" + Pattern.quote(lotId) + "\"[^}]*} (\\S+)$")
                .matcher(metrics);
        assertThat(m.find()).as(name + " for " + lotId).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
