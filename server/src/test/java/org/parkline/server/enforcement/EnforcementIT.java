package org.parkline.server.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.ProgramsTest;
import org.parkline.server.support.RawHttp.Reply;
import org.springframework.beans.factory.annotation.Autowired;

/** Plate checks from every source, plate reads, chalking, hotlists, patrols and retention. */
class EnforcementIT extends ProgramsTest {

    @Autowired
    ReadRetention retention;

    @Autowired
    CitationEscalation escalation;

    @Test
    void aGateTicketIssuedASecondAgoMakesThePlateValidInThatLotOnly() {
        String plate = plate();
        api.enter(
                EntryRequest.of(
                        lot.lotId(), lot.entryGate(), new Vehicle(VehicleType.CAR, plate), EntryPreferences.none()),
                key("enter"));

        Reply check = check(officer, plate);

        assertThat(check.json().path("verdict").asString()).isEqualTo("VALID");
        assertThat(check.json().path("reasons").get(0).path("source").asString())
                .isEqualTo("TICKET");
        assertThat(officer.get("/v1/enforcement/check?plate=" + plate + "&lotId=L1")
                        .json()
                        .path("verdict")
                        .asString())
                .isEqualTo("NOT_VALID");
    }

    @Test
    void anExemptionIsValidForItsZoneAndTimeOnly() {
        String plate = plate();
        Reply granted = http.post(
                "/v1/enforcement/exemptions",
                """
                {"lotId":"%s","zone":"B","plate":"%s","reason":"utility repair crew","validUntil":"%s"}"""
                        .formatted(lot.lotId(), plate, START.plus(Duration.ofHours(2))),
                key("ex"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);

        assertThat(officer.get("/v1/enforcement/check?plate=%s&zoneId=%s:B".formatted(plate, lot.lotId()))
                        .json()
                        .path("verdict")
                        .asString())
                .isEqualTo("VALID");
        assertThat(officer.get("/v1/enforcement/check?plate=%s&zoneId=%s:A".formatted(plate, lot.lotId()))
                        .json()
                        .path("verdict")
                        .asString())
                .isEqualTo("NOT_VALID");
        clock.advance(Duration.ofHours(3));
        assertThat(officer.get("/v1/enforcement/check?plate=%s&zoneId=%s:B".formatted(plate, lot.lotId()))
                        .json()
                        .path("verdict")
                        .asString())
                .isEqualTo("NOT_VALID");
    }

    @Test
    void anUnreadablePlateOrAMissingPlaceIsABadRequest() {
        Reply badPlate = check(officer, "%24%24");
        Reply noPlace = officer.get("/v1/enforcement/check?plate=" + plate());
        Reply badZone = officer.get("/v1/enforcement/check?plate=" + plate() + "&zoneId=nocolon");

        assertThat(badPlate.status()).isEqualTo(400);
        assertThat(badPlate.json().path("detail").asString()).contains("plate: must be 2 to 12 letters or digits");
        assertThat(noPlace.status()).isEqualTo(400);
        assertThat(badZone.status()).isEqualTo(400);
    }

    @Test
    void aReadInATimeLimitedZonePastTheLimitFlagsAnOverstay() {
        String plate = plate();
        http.put(
                "/v1/enforcement/time-limits",
                "{\"lotId\":\"%s\",\"zone\":\"A\",\"maxMinutes\":60}".formatted(lot.lotId()));

        Reply first = read(plate, "0.95");
        clock.advance(Duration.ofMinutes(40));
        Reply second = read(plate, "0.95");
        clock.advance(Duration.ofMinutes(40));
        Reply third = read(plate, "0.95");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("chalk").path("overstay").asBoolean()).isFalse();
        assertThat(second.json().path("chalk").path("overstay").asBoolean()).isFalse();
        assertThat(third.json().path("chalk").path("overstay").asBoolean()).isTrue();
        assertThat(third.json().path("chalk").path("minutesSeen").asInt()).isEqualTo(80);
        assertThat(count("select count(*) from lpr_read where lot_id = ? and overstay", lot.lotId()))
                .isEqualTo(1);
    }

    @Test
    void aPermitLiftsTheTimeLimit() {
        String plate = plate();
        paidPermit(permitType("10.00", null), plate);
        http.put("/v1/enforcement/time-limits", "{\"lotId\":\"%s\",\"maxMinutes\":30}".formatted(lot.lotId()));

        read(plate, "0.9");
        clock.advance(Duration.ofMinutes(25));
        read(plate, "0.9");
        clock.advance(Duration.ofMinutes(25));

        assertThat(read(plate, "0.9").json().path("chalk").path("overstay").asBoolean())
                .isFalse();
    }

    @Test
    void aStolenPlateReadRaisesAHotlistHitButALowConfidenceReadDoesNot() {
        String plate = plate();
        Reply listed = officer.post(
                "/v1/hotlist",
                "{\"list\":\"STOLEN\",\"plate\":\"%s\",\"reason\":\"reported stolen 2026-02-20\"}".formatted(plate),
                key("hl"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);

        Reply doubtful = read(plate, "0.30");
        Reply sure = read(plate, "0.97");

        assertThat(doubtful.json().path("lowConfidence").asBoolean()).isTrue();
        assertThat(doubtful.json().path("hotlistHits").size()).isZero();
        assertThat(sure.json().path("hotlistHits").get(0).path("list").asString())
                .isEqualTo("STOLEN");
        assertThat(officer.get("/v1/hotlist/hits?lotId=" + lot.lotId()).json().size())
                .isEqualTo(1);
    }

    @Test
    void aPlateWithTwoOverdueCitationsIsAScofflaw() {
        String plate = plate();
        citation(plate, FIRE_LANE);
        citation(plate, FIRE_LANE);
        assertThat(check(officer, plate).json().path("alerts").size()).isZero();

        clock.advance(Duration.ofDays(15));

        Reply check = check(officer, plate);
        assertThat(check.json().path("alerts").get(0).path("list").asString()).isEqualTo("SCOFFLAW");
        assertThat(check.json().path("alerts").get(0).path("detail").asString()).contains("2 overdue");
    }

    @Test
    void aPatrolsReadsAndCitationsShowInItsZonesCoverage() {
        Reply patrol = officer.post(
                "/v1/patrols",
                "{\"lotId\":\"%s\",\"zones\":[\"A\"],\"route\":\"north loop\"}".formatted(lot.lotId()),
                key("p"));
        assertThat(patrol.status()).as(patrol.body()).isEqualTo(201);
        String patrolId = patrol.json().path("id").asString();
        assertThat(officer.post("/v1/patrols", "{\"lotId\":\"%s\"}".formatted(lot.lotId()), key("p2"))
                        .problem())
                .isEqualTo("patrol-open");
        officer.post(
                "/v1/lpr/reads",
                """
                {"plate":"%s","confidence":0.9,"source":"PATROL","lotId":"%s","zone":"A","patrolId":"%s"}"""
                        .formatted(plate(), lot.lotId(), patrolId),
                key("r"));
        clock.advance(Duration.ofMinutes(30));
        officer.post("/v1/patrols/" + patrolId + "/end", "{}", key("end"));

        Reply coverage = officer.get("/v1/patrols/coverage?lotId=" + lot.lotId() + "&from=" + START + "&to="
                + START.plus(Duration.ofHours(1)));

        assertThat(coverage.status()).as(coverage.body()).isEqualTo(200);
        var zoneA = coverage.json().get(0);
        assertThat(zoneA.path("zone").asString()).isEqualTo("A");
        assertThat(zoneA.path("patrols").asInt()).isEqualTo(1);
        assertThat(zoneA.path("reads").asInt()).isEqualTo(1);
        assertThat(coverage.json().get(1).path("patrols").asInt())
                .as("zone B was not patrolled")
                .isZero();
    }

    @Test
    void readsOlderThanTheRetentionPeriodAreDeleted() {
        read(plate(), "0.9");
        clock.advance(Duration.ofDays(31));
        read(plate(), "0.9");

        retention.purge();

        assertThat(count("select count(*) from lpr_read where lot_id = ?", lot.lotId()))
                .isEqualTo(1);
    }

    private Reply read(String plate, String confidence) {
        return officer.post(
                "/v1/lpr/reads",
                """
                {"plate":"%s","confidence":%s,"source":"HANDHELD","deviceId":"HH-7","lotId":"%s","zone":"A",
                 "imageRef":"s3://reads/hh-7/0001.jpg"}"""
                        .formatted(plate, confidence, lot.lotId()),
                key("read"));
    }
}
