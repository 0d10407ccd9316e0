package org.parkline.server.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parkline.server.support.ProgramsTest;
import org.parkline.server.support.RawHttp.Reply;

/**
 * The three failures Parkline exists to end, as scenarios. Each next step reads what the step before committed,
 * at once: no wait, no retry, no sync job in between (times are Singapore, the test lot's timezone).
 */
class ProgramScenariosIT extends ProgramsTest {

    @Test
    void aPermitBoughtAt1015IsValidForTheOfficerAt1017SoNoWrongCitationIsWritten() {
        String plate = plate();
        String type = permitType("80.00", null);
        clock.set(START.plus(Duration.ofMinutes(10)));
        assertThat(check(officer, plate).json().path("verdict").asString()).isEqualTo("NOT_VALID");

        clock.set(START.plus(Duration.ofMinutes(15)));
        String permitId = paidPermit(type, plate);

        clock.set(START.plus(Duration.ofMinutes(17)));
        Reply check = check(officer, plate);
        assertThat(check.json().path("verdict").asString()).as(check.body()).isEqualTo("VALID");
        assertThat(check.json().path("reasons").get(0).path("source").asString())
                .isEqualTo("PERMIT");
        assertThat(check.json().path("reasons").get(0).path("reference").asString())
                .isEqualTo(permitId);

        Reply citation = cite(plate, NO_PERMIT);
        assertThat(citation.status()).as(citation.body()).isEqualTo(409);
        assertThat(citation.problem()).isEqualTo("parking-is-valid");
        assertThat(count("select count(*) from citation where lot_id = ?", lot.lotId()))
                .isZero();
    }

    @Test
    void aCitationIssuedAt1430IsFoundAndPaidByItsParkerAt1431() {
        String plate = plate();
        clock.set(START.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(30)));
        String[] citation = citation(plate, NO_PERMIT);

        clock.advance(Duration.ofMinutes(1));
        Reply found = lookup(citation[1], plate);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("citationId").asString()).isEqualTo(citation[0]);
        assertThat(found.json().path("amountDue").decimalValue()).isEqualByComparingTo("50.00");

        Reply paid = http.withToken(tokenOf("parker"))
                .post(
                        "/v1/payments",
                        """
                {"citationId":"%s","method":"CARD","paymentToken":"tok_visa"}"""
                                .formatted(citation[0]),
                        key("pay-citation"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().path("citationId").asString()).isEqualTo(citation[0]);
        assertThat(paid.json().path("status").asString()).isEqualTo("CAPTURED");

        Reply after = lookup(citation[1], plate);
        assertThat(after.json().path("status").asString()).isEqualTo("PAID");
        assertThat(after.json().path("amountDue").decimalValue()).isEqualByComparingTo("0");
        assertThat(jdbc.sql("select status from citation where id = ?")
                        .param(citation[0])
                        .query(String.class)
                        .single())
                .isEqualTo("PAID");
    }

    @Test
    void anAppealOfAPaidCitationShowsTheAdjudicatorThePaymentAndCancellingItRefunds() {
        String plate = plate();
        String[] citation = citation(plate, FIRE_LANE);
        String paymentId = pay("citationId", citation[0], key("pay"))
                .json()
                .path("paymentId")
                .asString();

        Reply appeal = appeal(citation[1], plate, "The fire lane markings were painted over last week.");
        assertThat(appeal.status()).as(appeal.body()).isEqualTo(201);
        String appealId = appeal.json().path("appealId").asString();

        Reply view = adjudicator.get("/v1/appeals/" + appealId);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.json().path("citation").path("status").asString()).isEqualTo("APPEALED");
        assertThat(view.json().path("citation").path("paid").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(view.json().path("payments").get(0).path("paymentId").asString())
                .isEqualTo(paymentId);
        assertThat(view.json().path("payments").get(0).path("status").asString())
                .isEqualTo("CAPTURED");
        assertThat(view.json().path("citation").path("plate").asString()).isEqualTo(plate);

        Reply decided = adjudicator.post(
                "/v1/appeals/" + appealId + "/decision",
                """
                {"decision":"CANCELLED","reason":"Markings not visible on the officer's own photo"}""",
                key("decide"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("citation").path("status").asString()).isEqualTo("CANCELLED");
        assertThat(decided.json().path("appeal").path("refunded").decimalValue())
                .isEqualByComparingTo("120.00");
        assertThat(decided.json().path("payments").get(0).path("status").asString())
                .isEqualTo("REFUNDED");
        assertThat(count(
                        "select count(*) from payment_refund where payment_id = ? and status = 'SUCCEEDED'", paymentId))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from appeal_notification where appeal_id = ? and message like '%refunding 120.00%'",
                        appealId))
                .isEqualTo(1);
        assertThat(nobody.get("/v1/appeals/" + appealId + "/status?plate=" + plate)
                        .json()
                        .path("decision")
                        .asString())
                .isEqualTo("CANCELLED");
    }
}
