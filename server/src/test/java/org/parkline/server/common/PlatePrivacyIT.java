package org.parkline.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.ExitRequest;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Plates are personal data: no table holds one in the clear, and no log line carries one. */
@ExtendWith(OutputCaptureExtension.class)
class PlatePrivacyIT extends IntegrationTest {

    private static final String PLATE = "ZZP4242Q";

    @Test
    void noTableAndNoLogLineHoldsAPlateInTheClear(CapturedOutput output) {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        var ticket = api.enter(
                EntryRequest.of(
                        lot.lotId(),
                        lot.entryGate(),
                        new Vehicle(VehicleType.CAR, "zzp 4242-q"),
                        EntryPreferences.none()),
                "privacy-" + lot.lotId());
        http.post(
                "/v1/tickets/entry",
                "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\",\"plate\":\"%s\"}}"
                        .formatted(lot.lotId(), lot.entryGate(), PLATE),
                "privacy-again-" + lot.lotId());
        var mismatch = http.post(
                "/v1/tickets/" + ticket.ticketId() + "/exit",
                "{\"gateId\":\"%s\",\"vehiclePlate\":\"XXX9999X\"}".formatted(lot.exitGate()),
                "privacy-exit-1");
        assertThat(mismatch.problem()).isEqualTo("plate-mismatch");
        assertThat(mismatch.body()).doesNotContain("XXX9999X").doesNotContain(PLATE);
        api.exit(ticket.ticketId(), new ExitRequest(lot.exitGate(), null, PLATE), "privacy-exit-2");

        List<Map<String, Object>> columns = jdbc.sql(
                        """
                        select table_name, column_name, data_type from information_schema.columns
                         where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'bytea', 'character')
                        """)
                .query()
                .listOfRows();
        assertThat(columns).hasSizeGreaterThan(20);
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String asText =
                    "bytea".equals(column.get("data_type")) ? "encode(" + name + ", 'escape')" : name + "::text";
            long found = count(
                    "select count(*) from \"" + table + "\" where position(? in upper(" + asText + ")) > 0", PLATE);
            assertThat(found).as("plaintext plate in %s.%s", table, name).isZero();
        }
        assertThat(count("select count(*) from ticket where lot_id = ? and plate_hmac is not null", lot.lotId()))
                .isEqualTo(1);
        assertThat(output.getAll())
                .doesNotContain(PLATE)
                .doesNotContain("zzp 4242")
                .doesNotContain("XXX9999X");
    }
}
