package org.parkline.server.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.server.support.ProgramsTest;
import org.parkline.server.support.RawHttp.Reply;

/** Appeals: filed within the window, decided with the whole case in view, with refunds where a decision owes them. */
class AppealsIT extends ProgramsTest {

    private static final String STATEMENT = "I had a valid visitor pass on the dashboard.";

    @Test
    void anAppealAfterTheWindowIsRefusedAndChangesNothing() {
        String plate = plate();
        String[] citation = citation(plate, FIRE_LANE);
        clock.advance(Duration.ofDays(22));

        Reply late = appeal(citation[1], plate, STATEMENT);

        assertThat(late.status()).isEqualTo(422);
        assertThat(late.problem()).isEqualTo("appeal-window-closed");
        assertThat(late.json().path("appealableUntil").asString()).isNotBlank();
        assertThat(count("select count(*) from appeal where citation_id = ?", citation[0]))
                .isZero();
        assertThat(lookup(citation[1], plate).json().path("status").asString()).isEqualTo("ISSUED");
    }

    @Test
    void aCitationHasOneOpenAppealAtATimeAndAWrongPlateFindsNothing() {
        String plate = plate();
        String[] citation = citation(plate, FIRE_LANE);
        assertThat(appeal(citation[1], plate, STATEMENT).status()).isEqualTo(201);

        Reply again = appeal(citation[1], plate, STATEMENT);
        Reply wrongPlate = appeal(citation[1], plate(), STATEMENT);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem()).isEqualTo("appeal-open");
        assertThat(wrongPlate.status()).isEqualTo(404);
        assertThat(count("select count(*) from appeal where citation_id = ?", citation[0]))
                .isEqualTo(1);
    }

    @Test
    void aReducedFineOnAPaidCitationRefundsTheDifference() {
        String plate = plate();
        String[] citation = citation(plate, FIRE_LANE);
        pay("citationId", citation[0], key("pay"));
        String appealId =
                appeal(citation[1], plate, STATEMENT).json().path("appealId").asString();

        Reply decided = adjudicator.post(
                "/v1/appeals/" + appealId + "/decision",
                "{\"decision\":\"REDUCED\",\"reason\":\"First offence, sign was partly hidden\",\"newAmount\":40.00}",
                key("decide"));

        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("citation").path("status").asString()).isEqualTo("PAID");
        assertThat(decided.json().path("citation").path("reducedTo").decimalValue())
                .isEqualByComparingTo("40.00");
        assertThat(decided.json().path("appeal").path("refunded").decimalValue())
                .isEqualByComparingTo("80.00");
        assertThat(decided.json().path("payments").get(0).path("refunded").decimalValue())
                .isEqualByComparingTo("80.00");
        assertThat(decided.json().path("appeal").path("notifications").size()).isEqualTo(2);
    }

    @Test
    void anUpheldUnpaidCitationStillOwesAndItsLateDateStartsAgain() {
        String plate = plate();
        String[] citation = citation(plate, FIRE_LANE);
        String appealId =
                appeal(citation[1], plate, STATEMENT).json().path("appealId").asString();
        clock.advance(Duration.ofDays(20)); // an open appeal pauses the late fee

        Reply decided = adjudicator.post(
                "/v1/appeals/" + appealId + "/decision",
                "{\"decision\":\"UPHELD\",\"reason\":\"Photo shows no pass on the dashboard\"}",
                key("decide"));

        assertThat(decided.json().path("citation").path("status").asString()).isEqualTo("UPHELD");
        assertThat(decided.json().path("citation").path("amountDue").decimalValue())
                .isEqualByComparingTo("120.00");
        assertThat(count(
                        "select count(*) from audit_entry where subject_id = ? and action = 'appeal.decided'",
                        appealId))
                .isEqualTo(1);
    }

    @Test
    void onlyAnAdjudicatorDecidesAndADecidedAppealStaysDecided() {
        String plate = plate();
        String[] citation = citation(plate, FIRE_LANE);
        String appealId =
                appeal(citation[1], plate, STATEMENT).json().path("appealId").asString();
        String body = "{\"decision\":\"CANCELLED\",\"reason\":\"Officer keyed the wrong bay\"}";

        assertThat(officer.post("/v1/appeals/" + appealId + "/decision", body, key("d"))
                        .status())
                .isEqualTo(403);
        assertThat(adjudicator
                        .post("/v1/appeals/" + appealId + "/decision", body, key("d"))
                        .status())
                .isEqualTo(200);
        Reply twice = adjudicator.post(
                "/v1/appeals/" + appealId + "/decision",
                "{\"decision\":\"UPHELD\",\"reason\":\"changed my mind after all\"}",
                key("d"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problem()).isEqualTo("appeal-decided");
        assertThat(lookup(citation[1], plate).json().path("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void badDecisionsAreRefusedAndChangeNothing() {
        String plate = plate();
        String[] citation = citation(plate, FIRE_LANE);
        String appealId =
                appeal(citation[1], plate, STATEMENT).json().path("appealId").asString();

        Reply tooMuch = adjudicator.post(
                "/v1/appeals/" + appealId + "/decision",
                "{\"decision\":\"REDUCED\",\"reason\":\"a reduction that is no reduction\",\"newAmount\":500}",
                key("d"));
        Reply noReason = adjudicator.post(
                "/v1/appeals/" + appealId + "/decision", "{\"decision\":\"CANCELLED\",\"reason\":\"no\"}", key("d"));

        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(adjudicator
                        .get("/v1/appeals/" + appealId)
                        .json()
                        .path("appeal")
                        .path("status")
                        .asString())
                .isEqualTo("SUBMITTED");
        assertThat(lookup(citation[1], plate).json().path("status").asString()).isEqualTo("APPEALED");
    }

    @Test
    void theAppellantAddsEvidenceWithThePlateAndTheAdjudicatorSeesIt() {
        String plate = plate();
        String[] citation = citation(plate, FIRE_LANE);
        String appealId =
                appeal(citation[1], plate, STATEMENT).json().path("appealId").asString();
        String path = "/v1/appeals/" + appealId + "/evidence";

        Reply added = nobody.upload(path, Map.of("plate", plate), "pass.pdf", "application/pdf", pdf(), key("ae"));
        Reply stranger = nobody.upload(path, Map.of("plate", plate()), "pass.pdf", "application/pdf", pdf(), key("ae"));
        Reply tooLarge = nobody.upload(
                path, Map.of("plate", plate), "big.jpg", "image/jpeg", jpeg(5 * 1024 * 1024 + 10), key("ae"));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(tooLarge.status()).isEqualTo(413);
        Reply view = adjudicator.get("/v1/appeals/" + appealId);
        assertThat(view.json().path("appeal").path("evidence").size()).isEqualTo(1);
        assertThat(view.json()
                        .path("appeal")
                        .path("evidence")
                        .get(0)
                        .path("contentType")
                        .asString())
                .isEqualTo("application/pdf");
    }

    @Test
    void theCaseShowsThePlatesPermitAtTheTimeOfTheCitation() {
        String plate = plate();
        String permitId = paidPermit(permitType("10.00", null), plate);
        http.post("/v1/permits/" + permitId + "/suspension", "{\"reason\":\"card reported lost\"}", key("s"));
        String[] citation = citation(plate, NO_PERMIT);
        String appealId =
                appeal(citation[1], plate, STATEMENT).json().path("appealId").asString();

        Reply view = adjudicator.get("/v1/appeals/" + appealId);

        assertThat(view.json().path("permitsAtIssue").get(0).path("permitId").asString())
                .isEqualTo(permitId);
        assertThat(view.json().path("permitsAtIssue").get(0).path("status").asString())
                .isEqualTo("SUSPENDED");
        assertThat(view.json().path("permitsAtIssue").get(0).path("validThere").asBoolean())
                .isFalse();
    }
}
