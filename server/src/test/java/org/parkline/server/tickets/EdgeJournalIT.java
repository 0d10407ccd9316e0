package org.parkline.server.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.client.EdgeJournalEvent;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.GateQuota;
import org.parkline.client.JournalImport;
import org.parkline.client.LotMode;
import org.parkline.client.ParklineClient;
import org.parkline.client.SpotType;
import org.parkline.client.Ticket;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.EdgeLot;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.RawHttp;
import tools.jackson.databind.JsonNode;

/** Replay of an edge controller's offline journal: exactly once, and a defined outcome for every conflict. */
class EdgeJournalIT extends IntegrationTest {

    /** Event ids are unique per lot controller (they carry lot and gate); here unique per test. */
    private final String run = "R" + java.util.UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void anOfflineEntryBecomesATicketOnItsQuotaPlaceAndReplayingItChangesNothing() {
        EdgeLot lot = lot(LotMode.SPOT, 2);
        GateQuota.Place place = quota(lot, 2).getFirst();
        Instant at = START.minus(Duration.ofMinutes(30));
        List<EdgeJournalEvent> events = List.of(entry("e1", at, plate(), place.placeId()));

        events = events.stream().map(e -> at(lot.entry(), e)).toList();
        JournalImport first = entryGate(lot).importJournal(lot.lotId(), events, "replay-1");
        JournalImport again = entryGate(lot).importJournal(lot.lotId(), events, "replay-1-after-a-crash");

        JournalImport.Result result = first.results().getFirst();
        assertThat(result.outcome()).isEqualTo("ENTERED");
        assertThat(result.replay()).isFalse();
        assertThat(again.results().getFirst().replay()).isTrue();
        assertThat(again.results().getFirst().ticketId()).isEqualTo(result.ticketId());
        assertThat(count("select count(*) from ticket where lot_id = ?", lot.lotId()))
                .isEqualTo(1);
        Ticket ticket = api.ticket(result.ticketId());
        assertThat(ticket.spot().spotId()).isEqualTo(place.spotId());
        assertThat(ticket.barcode()).isEqualTo(run + "e1");
        assertThat(ticket.issuedAt().toInstant()).isEqualTo(at);
        assertThat(spotStatus(place.spotId())).isEqualTo("OCCUPIED");
        assertThat(count("select count(*) from edge_quota_place where id = ? and status = 'USED'", place.placeId()))
                .isEqualTo(1);
        assertCountersMatchSpots(lot);
    }

    @Test
    void anOfflineExitClosesTheTicketWithWhatWasCollectedAndWhatWasNotAndFreesItsSpot() {
        EdgeLot lot = lot(LotMode.SPOT, 2);
        GateQuota.Place place = quota(lot, 1).getFirst();
        String ticketId = importOne(lot, lot.entry(), entry("e1", START.minusSeconds(7200), null, place.placeId()))
                .ticketId();

        JournalImport.Result exit = importOne(lot, lot.exit(), exit("x1", START, "e1", "4.00", "2.00"));

        assertThat(exit.outcome()).isEqualTo("EXITED");
        assertThat(exit.detail()).contains("uncollected 2.00");
        assertThat(api.ticket(ticketId).amountCharged()).isEqualByComparingTo("4.00");
        assertThat(jdbc.sql("select amount_uncollected from ticket where id = ?")
                        .param(ticketId)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("2.00");
        assertThat(spotStatus(place.spotId())).isEqualTo("AVAILABLE");
        JsonNode reconciliation = reconciliation(lot);
        assertThat(reconciliation.path("uncollectedOffline").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(reconciliation.path("collectedOffline").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(reconciliation.path("uncollected").get(0).path("ticketId").asString())
                .isEqualTo(ticketId);
        assertCountersMatchSpots(lot);
    }

    @Test
    void anExitOfATicketCentralNeverSawClosesNothingAndKeepsItsMoneyOnRecord() {
        EdgeLot lot = lot(LotMode.SPOT, 2);

        JournalImport.Result exit = importOne(lot, lot.exit(), exit("x1", START, "999000111", "30.00", "0"));

        assertThat(exit.outcome()).isEqualTo("UNKNOWN_TICKET");
        assertThat(exit.ticketId()).isNull();
        JsonNode conflict = reconciliation(lot).path("conflicts").get(0);
        assertThat(conflict.path("outcome").asString()).isEqualTo("UNKNOWN_TICKET");
        assertThat(reconciliation(lot).path("collectedOffline").decimalValue()).isEqualByComparingTo("30.00");
    }

    @Test
    void aSecondExitOfTheSameTicketChangesNothingAndIsListed() {
        EdgeLot lot = lot(LotMode.SPOT, 2);
        GateQuota.Place place = quota(lot, 1).getFirst();
        String ticketId = importOne(lot, lot.entry(), entry("e1", START.minusSeconds(3600), null, place.placeId()))
                .ticketId();
        importOne(lot, lot.exit(), exit("x1", START, "e1", "2.00", "0"));

        JournalImport.Result twice = importOne(lot, lot.exit(), exit("x2", START.plusSeconds(60), "e1", "2.00", "0"));

        assertThat(twice.outcome()).isEqualTo("ALREADY_EXITED");
        assertThat(twice.ticketId()).isEqualTo(ticketId);
        assertThat(api.ticket(ticketId).amountCharged()).isEqualByComparingTo("2.00");
        assertThat(api.ticket(ticketId).exitAt().toInstant()).isEqualTo(START);
        assertCountersMatchSpots(lot);
    }

    @Test
    void aPlateSeenEnteringAtTwoLotsGetsItsTicketAndIsFlaggedForAnAttendant() {
        EdgeLot first = lot(LotMode.SPOT, 2);
        String plate = plate();
        EdgeLot second = lot(LotMode.SPOT, 2);
        String elsewhere = entryGate(first)
                .enter(
                        EntryRequest.of(
                                first.lotId(),
                                first.entry(),
                                new Vehicle(VehicleType.CAR, plate),
                                EntryPreferences.none()),
                        "online-1")
                .ticketId();
        GateQuota.Place place = quota(second, 1).getFirst();

        JournalImport.Result entered = importOne(
                second,
                second.entry(),
                entry("e1", START, plate.substring(0, 3) + " " + plate.substring(3), place.placeId()));

        assertThat(entered.outcome()).isEqualTo("ENTERED_PLATE_ACTIVE_ELSEWHERE");
        assertThat(entered.detail()).contains(first.lotId()).contains(elsewhere);
        assertThat(count(
                        "select count(*) from ticket where status = 'ACTIVE' and lot_id in (?, ?)",
                        first.lotId(),
                        second.lotId()))
                .isEqualTo(2);
    }

    @Test
    void entriesBeyondTheQuotaAreAllocatedNowAndBeyondTheLastPlaceCountNone() {
        EdgeLot lot = lot(LotMode.SPOT, 1); // three compact spots
        GateQuota.Place place = quota(lot, 1).getFirst();
        importOne(lot, lot.entry(), entry("e1", START, null, place.placeId()));

        JournalImport.Result reused = importOne(lot, lot.entry(), entry("e2", START, null, place.placeId()));
        JournalImport.Result unguaranteed = importOne(lot, lot.entry(), entry("e3", START, null, null));
        JournalImport.Result overCapacity = importOne(lot, lot.entry(), entry("e4", START, null, null));

        assertThat(reused.outcome()).isEqualTo("ENTERED_OVER_QUOTA");
        assertThat(unguaranteed.outcome()).isEqualTo("ENTERED_OVER_QUOTA");
        assertThat(overCapacity.outcome()).isEqualTo("ENTERED_OVER_CAPACITY");
        assertThat(api.ticket(overCapacity.ticketId()).spot()).isNull();
        assertThat(count("select count(*) from spot where lot_id = ? and status = 'OCCUPIED'", lot.lotId()))
                .isEqualTo(3);
        assertCountersMatchSpots(lot);

        JournalImport.Result left = importOne(lot, lot.exit(), exit("x1", START.plusSeconds(60), "e4", "0", "0"));

        assertThat(left.outcome()).isEqualTo("EXITED");
        assertThat(count("select count(*) from spot where lot_id = ? and status = 'OCCUPIED'", lot.lotId()))
                .as("the over-capacity car freed no spot it never had")
                .isEqualTo(3);
        assertCountersMatchSpots(lot);
        assertThat(reconciliation(lot).path("conflicts")).hasSize(3);
    }

    @Test
    void anEntryCentralAlreadyMadeOnlineIsNotTicketedTwiceAndItsQuotaPlaceIsReturned() {
        EdgeLot lot = lot(LotMode.SPOT, 2);
        GateQuota.Place place = quota(lot, 1).getFirst();
        // the controller's online call reached central, but its answer was lost: it admitted the car offline
        Ticket online = entryGate(lot)
                .enter(
                        EntryRequest.of(lot.lotId(), lot.entry(), Vehicle.of(VehicleType.CAR), EntryPreferences.none())
                                .withEdgeRef(run + "e1"),
                        run + "e1");

        JournalImport.Result replayed = importOne(lot, lot.entry(), entry("e1", START, null, place.placeId()));

        assertThat(replayed.outcome()).isEqualTo("ALREADY_ENTERED");
        assertThat(replayed.ticketId()).isEqualTo(online.ticketId());
        assertThat(count("select count(*) from ticket where lot_id = ?", lot.lotId()))
                .isEqualTo(1);
        assertThat(spotStatus(place.spotId())).isEqualTo("AVAILABLE");
        assertThat(count(
                        "select count(*) from audit_entry where lot_id = ? and action = 'quota.returned'", lot.lotId()))
                .isEqualTo(1);
        assertThat(entryGate(lot).ticketByBarcode(run + "e1").ticketId())
                .as("the ticket the car holds (printed offline) finds the online ticket")
                .isEqualTo(online.ticketId());
        assertCountersMatchSpots(lot);
    }

    @Test
    void aMalformedBatchIsRefusedWholeAndNothingIsImported() {
        EdgeLot lot = lot(LotMode.SPOT, 2);
        RawHttp device = http.withApiKey(lot.lotKey());
        String path = "/v1/lots/" + lot.lotId() + "/edge/journal";

        RawHttp.Reply exitAtEntryGate = device.post(
                path,
                "{\"events\":[{\"eventId\":\"e1\",\"gateId\":\"%s\",\"kind\":\"ENTRY\",\"occurredAt\":\"2026-02-24T02:00:00Z\"},{\"eventId\":\"x1\",\"gateId\":\"%s\",\"kind\":\"EXIT\",\"occurredAt\":\"2026-02-24T02:00:00Z\",\"ticketRef\":\"e1\"}]}"
                        .formatted(lot.entry(), lot.entry()),
                "bad-1");
        RawHttp.Reply otherLotsGate = device.post(
                path,
                "{\"events\":[{\"eventId\":\"e1\",\"gateId\":\"GATE_E_01\",\"kind\":\"ENTRY\",\"occurredAt\":\"2026-02-24T02:00:00Z\"}]}",
                "bad-2");
        RawHttp.Reply noEvents = device.post(path, "{\"events\":[]}", "bad-3");
        RawHttp.Reply person = http.post(path, "{\"events\":[]}", "bad-4");

        assertThat(exitAtEntryGate.status()).isEqualTo(400);
        assertThat(otherLotsGate.status()).isEqualTo(400);
        assertThat(noEvents.status()).isEqualTo(400);
        assertThat(person.status()).isEqualTo(403);
        assertThat(count("select count(*) from edge_event where lot_id = ?", lot.lotId()))
                .isZero();
        assertThat(count("select count(*) from ticket where lot_id = ?", lot.lotId()))
                .isZero();
    }

    @Test
    void aGatesKeyReplaysOnlyItsOwnGateWhileTheLotWideKeyReplaysEveryGateInOrder() {
        EdgeLot lot = lot(LotMode.SPOT, 2);
        GateQuota.Place place = quota(lot, 1).getFirst();
        List<EdgeJournalEvent> journal = List.of(
                at(lot.entry(), entry("e1", START.minusSeconds(3600), null, place.placeId())),
                at(lot.exit(), exit("x1", START, "e1", "2.00", "0")));

        RawHttp.Reply gateKey = http.withApiKey(lot.key(lot.entry()))
                .post(
                        "/v1/lots/" + lot.lotId() + "/edge/journal",
                        "{\"events\":[{\"eventId\":\"x9\",\"gateId\":\"%s\",\"kind\":\"EXIT\",\"occurredAt\":\"2026-02-24T02:00:00Z\",\"ticketRef\":\"e1\"}]}"
                                .formatted(lot.exit()),
                        "other-gate");
        JournalImport both = clientWithKey(lot.lotKey()).importJournal(lot.lotId(), journal, "lot-wide");

        assertThat(gateKey.status()).isEqualTo(403);
        assertThat(both.results()).extracting(JournalImport.Result::outcome).containsExactly("ENTERED", "EXITED");
        assertThat(count("select count(*) from ticket where lot_id = ? and status = 'CLOSED'", lot.lotId()))
                .isEqualTo(1);
    }

    /** A plate no other test has inside a lot. */
    private String plate() {
        return "PL" + run.substring(1, 7).toUpperCase(java.util.Locale.ROOT);
    }

    private EdgeLot lot(LotMode mode, int perZone) {
        return EdgeLot.create(api, http, mode, Map.of(SpotType.COMPACT, perZone), 1, 1);
    }

    private List<GateQuota.Place> quota(EdgeLot lot, int places) {
        return entryGate(lot)
                .adjustGateQuota(lot.entry(), Map.of(VehicleType.CAR, places), "quota-" + lot.lotId())
                .places();
    }

    private ParklineClient entryGate(EdgeLot lot) {
        return clientWithKey(lot.key(lot.entry()));
    }

    private JournalImport.Result importOne(EdgeLot lot, String gateId, EdgeJournalEvent event) {
        return clientWithKey(lot.key(gateId))
                .importJournal(lot.lotId(), List.of(at(gateId, event)), "replay-" + event.eventId())
                .results()
                .getFirst();
    }

    private EdgeJournalEvent entry(String id, Instant at, String plate, String placeId) {
        return new EdgeJournalEvent(run + id, null, "ENTRY", at, VehicleType.CAR, plate, placeId, null, null, null);
    }

    private EdgeJournalEvent exit(String id, Instant at, String ticketRef, String collected, String uncollected) {
        String ref = ticketRef.startsWith("e") ? run + ticketRef : ticketRef;
        return new EdgeJournalEvent(
                run + id,
                null,
                "EXIT",
                at,
                null,
                null,
                null,
                ref,
                new BigDecimal(collected),
                new BigDecimal(uncollected));
    }

    private static EdgeJournalEvent at(String gateId, EdgeJournalEvent e) {
        return new EdgeJournalEvent(
                e.eventId(),
                gateId,
                e.kind(),
                e.occurredAt(),
                e.vehicleType(),
                e.plate(),
                e.quotaPlaceId(),
                e.ticketRef(),
                e.amountCollected(),
                e.amountUncollected());
    }

    private JsonNode reconciliation(EdgeLot lot) {
        RawHttp.Reply reply = http.get("/v1/lots/" + lot.lotId() + "/edge/reconciliation");
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private String spotStatus(String spotId) {
        return jdbc.sql("select status from spot where id = ?")
                .param(spotId)
                .query(String.class)
                .single();
    }

    private void assertCountersMatchSpots(EdgeLot lot) {
        List<String> wrong = jdbc.sql(
                        """
                        select c.floor_id || '/' || c.zone_code || '/' || c.spot_type from zone_counter_now c
                          left join (select floor_id, zone_code, type,
                                            count(*) filter (where status = 'AVAILABLE') a,
                                            count(*) filter (where status = 'OCCUPIED') o,
                                            count(*) filter (where status = 'RESERVED') r
                                       from spot where lot_id = :lot group by floor_id, zone_code, type) s
                            on s.floor_id = c.floor_id and s.zone_code = c.zone_code and s.type = c.spot_type
                         where c.lot_id = :lot
                           and (c.available <> coalesce(s.a, 0) or c.occupied <> coalesce(s.o, 0)
                                or c.reserved <> coalesce(s.r, 0))
                        """)
                .param("lot", lot.lotId())
                .query(String.class)
                .list();
        assertThat(wrong).as("zone counters that disagree with the spots").isEmpty();
    }
}
