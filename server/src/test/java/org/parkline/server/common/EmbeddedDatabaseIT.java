package org.parkline.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.ParklineClient;
import org.parkline.client.TicketStatus;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.ParklineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Trying Parkline needs no database install, and what it stored is still there after a restart. */
class EmbeddedDatabaseIT {

    @Test
    void withNoDatabaseConfiguredTheEmbeddedOneKeepsDataAcrossARestart(@TempDir Path dataDir) {
        String ticketId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            ticketId = client(first)
                    .enter(
                            EntryRequest.of(
                                    "L1",
                                    "GATE_E_01",
                                    new Vehicle(VehicleType.CAR, "SGP1234A"),
                                    EntryPreferences.none()),
                            "restart-1")
                    .ticketId();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            ParklineClient api = client(second);
            assertThat(api.ticket(ticketId).status()).isEqualTo(TicketStatus.ACTIVE);
            assertThat(api.lots()).extracting(lot -> lot.lotId()).containsExactly("L1", "L2");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // command-line arguments: they outrank application.yml (builder defaults would not)
        return new SpringApplicationBuilder(ParklineApplication.class)
                .run(
                        "--spring.datasource.url=",
                        "--parkline.embedded-db.dir=" + dataDir,
                        "--parkline.demo-data=true",
                        "--server.port=0");
    }

    private static ParklineClient client(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return ParklineClient.builder("http://localhost:" + port)
                .apiKey("X-Api-Key", "pk_demo-l1-e01.parkline-demo-gate-key")
                .build();
    }
}
