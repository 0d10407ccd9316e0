package org.parkline.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.RawHttp.Reply;

/**
 * A burst of more cars than places from many gates at once, with retried requests (same key, sent twice at the
 * same time) mixed in. Afterwards the database must show: no place given twice, counters equal to the truth, and
 * one ticket per idempotency key.
 */
class AllocationConcurrencyIT extends IntegrationTest {

    private static final int PLACES_PER_ZONE = 12; // 3 zones: 36 places
    private static final int CARS = 120;
    private static final int THREADS = 24;

    @ParameterizedTest
    @EnumSource(LotMode.class)
    void aBurstOfMoreCarsThanPlacesNeverDoubleAllocates(LotMode mode) throws Exception {
        TestLot lot = lots().create(mode, Map.of(SpotType.COMPACT, PLACES_PER_ZONE));
        List<Callable<KeyedReply>> calls = new ArrayList<>();
        for (int car = 0; car < CARS; car++) {
            String key = lot.lotId() + "-car-" + car;
            String body = "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\"}}"
                    .formatted(lot.lotId(), lot.entryGate());
            calls.add(() -> new KeyedReply(key, http.post("/v1/tickets/entry", body, key)));
            if (car % 7 == 0) calls.add(() -> new KeyedReply(key, http.post("/v1/tickets/entry", body, key)));
        }
        Collections.shuffle(calls);

        List<KeyedReply> replies = run(calls);

        Map<String, String> ticketByKey = new HashMap<>();
        for (KeyedReply r : replies) {
            assertThat(r.reply().status()).as(r.reply().body()).isIn(201, 409);
            if (r.reply().status() == 201) {
                String ticketId = r.reply().json().path("ticketId").asString();
                String earlier = ticketByKey.putIfAbsent(r.key(), ticketId);
                assertThat(earlier).as("one ticket per key").isIn(null, ticketId);
            } else {
                assertThat(r.reply().problem()).isIn("lot-full", "idempotency-request-in-flight");
            }
        }
        int places = 3 * PLACES_PER_ZONE;
        assertThat(ticketByKey).hasSize(places);
        assertThat(count("select count(*) from ticket where lot_id = ? and status = 'ACTIVE'", lot.lotId()))
                .isEqualTo(places);
        assertInvariants(lot, mode);

        List<Callable<KeyedReply>> exits = new ArrayList<>();
        ticketByKey.values().stream()
                .limit(places / 2)
                .forEach(ticketId -> exits.add(() -> new KeyedReply(
                        ticketId,
                        http.post(
                                "/v1/tickets/" + ticketId + "/exit",
                                "{\"gateId\":\"%s\"}".formatted(lot.exitGate()),
                                "exit-" + ticketId))));
        assertThat(run(exits)).allSatisfy(r -> assertThat(r.reply().status()).isEqualTo(200));
        assertThat(count("select count(*) from ticket where lot_id = ? and status = 'ACTIVE'", lot.lotId()))
                .isEqualTo(places - places / 2);
        assertInvariants(lot, mode);
    }

    private void assertInvariants(TestLot lot, LotMode mode) {
        assertThat(count(
                        """
                select count(*) from (select spot_id from ticket where lot_id = ? and status = 'ACTIVE'
                 and spot_id is not null group by spot_id having count(*) > 1) doubled
                """,
                        lot.lotId()))
                .as("spots with two active tickets")
                .isZero();
        long active = count("select count(*) from ticket where lot_id = ? and status = 'ACTIVE'", lot.lotId());
        assertThat(count("select sum(occupied) from zone_counter_now where lot_id = ?", lot.lotId()))
                .as("occupied places counted = active tickets")
                .isEqualTo(active);
        assertThat(count(
                        """
                select count(*) from zone_counter_now c where c.lot_id = ? and c.occupied <>
                  (select count(*) from ticket t where t.lot_id = c.lot_id and t.status = 'ACTIVE'
                      and t.floor_id = c.floor_id and t.zone_code = c.zone_code and t.spot_type = c.spot_type)
                """,
                        lot.lotId()))
                .as("per-zone counters equal active tickets")
                .isZero();
        if (mode == LotMode.SPOT) {
            assertThat(count("select count(*) from spot where lot_id = ? and status = 'OCCUPIED'", lot.lotId()))
                    .isEqualTo(active);
            assertThat(count(
                            """
                    select count(*) from zone_counter_now c where c.lot_id = ? and c.available <>
                      (select count(*) from spot s where s.lot_id = c.lot_id and s.status = 'AVAILABLE'
                          and s.floor_id = c.floor_id and s.zone_code = c.zone_code and s.type = c.spot_type)
                    """,
                            lot.lotId()))
                    .as("available counters equal available spots")
                    .isZero();
        }
    }

    private static List<KeyedReply> run(List<Callable<KeyedReply>> calls) throws Exception {
        List<KeyedReply> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (Future<KeyedReply> f : pool.invokeAll(calls)) replies.add(f.get());
        }
        return replies;
    }

    record KeyedReply(String key, Reply reply) {}
}
