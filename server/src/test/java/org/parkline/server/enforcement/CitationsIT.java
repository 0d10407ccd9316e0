package org.parkline.server.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.server.support.AuditTrail;
import org.parkline.server.support.ProgramsTest;
import org.parkline.server.support.RawHttp.Reply;
import org.parkline.server.support.UnpaidFines;
import org.springframework.beans.factory.annotation.Autowired;

/** Citations: issued on the fine schedule, found and paid at once, escalated when unpaid, with evidence. */
class CitationsIT extends ProgramsTest {

    @Autowired
    CitationEscalation escalation;

    @Autowired
    AuditTrail audit;

    @Autowired
    UnpaidFines unpaid;

    @Test
    void aCitationHasANumberAQrNoticeAndWhatItOwes() {
        String plate = plate();
        Reply issued = cite(plate, FIRE_LANE);

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().path("number").asString()).matches("\\d{10}");
        assertThat(issued.json().path("status").asString()).isEqualTo("ISSUED");
        assertThat(issued.json().path("amountDue").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(issued.json().path("parkerLink").asString())
                .endsWith("/citations/" + issued.json().path("number").asString())
                .doesNotContain(plate);
        Reply qr = officer.get(issued.json().path("noticeQr").asString());
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.contentType()).isEqualTo("image/png");
        assertThat(audit.of(lot.lotId(), "citation.issued")).hasSize(1);
    }

    @Test
    void anUnknownViolationOrPlateIsRefusedAndNothingIsWritten() {
        Reply unknown = cite(plate(), "NOPE");
        Reply badPlate = cite("##", FIRE_LANE);

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.problem()).isEqualTo("unknown-violation");
        assertThat(badPlate.status()).isEqualTo(400);
        assertThat(count("select count(*) from citation where lot_id = ?", lot.lotId()))
                .isZero();
    }

    @Test
    void aLookUpWithTheWrongPlateFindsNothing() {
        String[] citation = citation(plate(), FIRE_LANE);

        Reply wrong = lookup(citation[1], plate());

        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.problem()).isEqualTo("citation-not-found");
    }

    @Test
    void aSecondPaymentOfAPaidCitationIsRefusedAndChargesNothing() {
        String plate = plate();
        String[] citation = citation(plate, FIRE_LANE);
        assertThat(pay("citationId", citation[0], key("pay-1")).status()).isEqualTo(201);

        Reply second = pay("citationId", citation[0], key("pay-2"));

        assertThat(second.status()).isEqualTo(422);
        assertThat(second.problem()).isEqualTo("nothing-due");
        assertThat(count(
                        "select count(*) from payment where payable_kind = 'CITATION' and payable_ref = ?",
                        citation[0]))
                .isEqualTo(1);
    }

    @Test
    void aPaymentRequestNamingTwoThingsIsRefused() {
        String[] citation = citation(plate(), FIRE_LANE);

        Reply both = http.post(
                "/v1/payments",
                """
                {"citationId":"%s","ticketId":"T_X","method":"CARD","paymentToken":"tok_visa"}"""
                        .formatted(citation[0]),
                key("both"));

        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().path("detail").asString()).contains("exactly one");
    }

    @Test
    void anUnpaidCitationGetsItsLateFeeAnEventAndThenGoesToCollections() {
        String plate = plate();
        String[] citation = citation(plate, FIRE_LANE);

        clock.advance(Duration.ofDays(15));
        escalation.run();

        assertThat(lookup(citation[1], plate).json().path("amountDue").decimalValue())
                .isEqualByComparingTo("150.00");
        assertThat(unpaid.of(citation[0])).containsExactly(CitationUnpaid.Stage.LATE);
        escalation.run();
        assertThat(unpaid.of(citation[0])).as("announced once").hasSize(1);

        clock.advance(Duration.ofDays(50));
        escalation.run();

        assertThat(lookup(citation[1], plate).json().path("status").asString()).isEqualTo("SENT_TO_COLLECTIONS");
        assertThat(unpaid.of(citation[0])).containsExactly(CitationUnpaid.Stage.LATE, CitationUnpaid.Stage.COLLECTIONS);
    }

    @Test
    void aCitationPaidInTimeNeverOwesTheLateFee() {
        String plate = plate();
        String[] citation = citation(plate, FIRE_LANE);
        pay("citationId", citation[0], key("pay"));

        clock.advance(Duration.ofDays(20));
        escalation.run();

        Reply found = lookup(citation[1], plate);
        assertThat(found.json().path("status").asString()).isEqualTo("PAID");
        assertThat(found.json().path("amountDue").decimalValue()).isEqualByComparingTo("0");
        assertThat(unpaid.of(citation[0])).isEmpty();
    }

    @Test
    void evidenceIsStoredWithItsHashAndServedBack() throws Exception {
        String[] citation = citation(plate(), FIRE_LANE);
        byte[] photo = jpeg(200_000);

        Reply uploaded = officer.upload(
                "/v1/citations/" + citation[0] + "/evidence", Map.of(), "bay-a12.jpg", "image/jpeg", photo, "ev-1");
        Reply replay = officer.upload(
                "/v1/citations/" + citation[0] + "/evidence", Map.of(), "bay-a12.jpg", "image/jpeg", photo, "ev-1");

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        assertThat(uploaded.json().path("sha256").asString()).isEqualTo(sha);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("select count(*) from citation_evidence where citation_id = ?", citation[0]))
                .isEqualTo(1);
        Reply served = adjudicator.get("/v1/citations/" + citation[0] + "/evidence/"
                + uploaded.json().path("evidenceId").asString());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("X-Content-SHA256")).isEqualTo(sha);
        Reply otherFile = officer.upload(
                "/v1/citations/" + citation[0] + "/evidence", Map.of(), "other.pdf", "application/pdf", pdf(), "ev-1");
        assertThat(otherFile.status()).as("a key reused with another file").isEqualTo(422);
    }

    @Test
    void evidenceTooLargeOrOfTheWrongTypeIsRefusedAndNothingIsStored() {
        String[] citation = citation(plate(), FIRE_LANE);
        String path = "/v1/citations/" + citation[0] + "/evidence";

        Reply tooLarge = officer.upload(path, Map.of(), "huge.jpg", "image/jpeg", jpeg(5 * 1024 * 1024 + 1), key("e"));
        Reply wayTooLarge = officer.upload(path, Map.of(), "huger.jpg", "image/jpeg", jpeg(6_800_000), key("e"));
        Reply script = officer.upload(path, Map.of(), "x.jpg", "image/jpeg", "<script>".getBytes(), key("e"));
        Reply gif = officer.upload(path, Map.of(), "x.gif", "image/gif", "GIF89a....".getBytes(), key("e"));
        Reply none = officer.upload(path, Map.of(), null, null, null, key("e"));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.problem()).isEqualTo("evidence-too-large");
        assertThat(wayTooLarge.status()).isEqualTo(413);
        assertThat(script.status()).isEqualTo(415);
        assertThat(script.problem()).isEqualTo("evidence-type");
        assertThat(gif.status()).isEqualTo(415);
        assertThat(none.status()).isEqualTo(400);
        assertThat(count("select count(*) from citation_evidence where citation_id = ?", citation[0]))
                .isZero();
    }

    @Test
    void anOfficerVoidsACitationWrittenInErrorButNotAPaidOne() {
        String[] wrong = citation(plate(), FIRE_LANE);
        String[] paid = citation(plate(), FIRE_LANE);
        pay("citationId", paid[0], key("pay"));

        Reply voided =
                officer.post("/v1/citations/" + wrong[0] + "/void", "{\"reason\":\"wrong plate keyed\"}", key("v"));
        Reply refused =
                officer.post("/v1/citations/" + paid[0] + "/void", "{\"reason\":\"wrong plate keyed\"}", key("v"));

        assertThat(voided.json().path("status").asString()).isEqualTo("VOID");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("citation-not-voidable");
    }
}
