package org.parkline.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkline.client.Ticket;
import org.parkline.server.support.RawHttp.Reply;
import tools.jackson.databind.JsonNode;

/** A lot's day of captures against the PSP's records: a clean day matches; every injected difference is named. */
class ReconciliationIT extends PaymentsIntegrationTest {

    @Test
    void aCleanDayMatchesThePspAndCountsCashApart() {
        pay(parkedCar().ticketId(), "tok_visa", "recon-1a-" + System.nanoTime());
        pay(parkedCar().ticketId(), "tok_visa", "recon-1b-" + System.nanoTime());
        payCash(parkedCar().ticketId(), "PAY_STATION", "PS-1", "recon-1c-" + System.nanoTime());

        JsonNode report = report("2026-02-24");

        assertThat(report.path("parkline").path("count").asInt()).isEqualTo(2);
        assertThat(report.path("psp").path("count").asInt()).isEqualTo(2);
        assertThat(report.path("parkline").path("amount").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(report.path("cash").path("count").asInt()).isEqualTo(1);
        assertThat(report.path("matched").asInt()).isEqualTo(2);
        assertThat(report.path("mismatches").isEmpty()).isTrue();
        assertThat(report("2026-02-25").path("parkline").path("count").asInt()).isZero();
    }

    @Test
    void everyKindOfMismatchIsFound() {
        Ticket differs = parkedCar();
        String differing = pay(differs.ticketId(), "tok_visa", "recon-2a-" + differs.ticketId())
                .json()
                .path("paymentId")
                .asString();
        pay(parkedCar().ticketId(), "tok_visa", "recon-2b-" + System.nanoTime());
        // Parkline's record says 7.00 where the PSP captured 6.00
        jdbc.sql("update payment set amount = 7.00 where id = ?")
                .param(differing)
                .update();
        // a capture Parkline recorded that the PSP never made
        String ghost = "P_GHOST_" + System.nanoTime();
        jdbc.sql(
                        """
                insert into payment (id, lot_id, payable_kind, payable_ref, amount, currency, method, status, psp,
                                     psp_reference, idempotency_key, created_at, updated_at, captured_at)
                values (?, ?, 'TICKET', 'T_GHOST', 3.00, 'SGD', 'CARD', 'CAPTURED', 'simulated', ?, ?,
                        now(), now(), ?)
                """)
                .params(
                        ghost,
                        lot.lotId(),
                        "sim_pi_" + ghost,
                        "ghost-" + ghost,
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        // money the PSP took that Parkline has no payment for
        String outside = capturedOutsideParkline(new BigDecimal("4.00"));

        JsonNode report = report("2026-02-24");

        List<String> kinds = report.path("mismatches")
                .valueStream()
                .map(m -> m.path("kind").asString() + " "
                        + (m.path("kind").asString().equals("MISSING_IN_PARKLINE")
                                ? m.path("pspReference").asString()
                                : m.path("paymentId").asString()))
                .toList();
        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        "AMOUNT_DIFFERS " + differing, "MISSING_AT_PSP " + ghost, "MISSING_IN_PARKLINE " + outside);
        JsonNode amount = report.path("mismatches")
                .valueStream()
                .filter(m -> m.path("kind").asString().equals("AMOUNT_DIFFERS"))
                .findFirst()
                .orElseThrow();
        assertThat(amount.path("parklineAmount").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(amount.path("pspAmount").decimalValue()).isEqualByComparingTo("6.00");
    }

    @Test
    void anUnknownLotOrABadDateIsRefused() {
        assertThat(http.get("/v1/payments/reconciliation?date=2026-02-24&lotId=NOPE")
                        .status())
                .isEqualTo(404);
        Reply badDate = http.get("/v1/payments/reconciliation?date=yesterday&lotId=X");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.isProblem()).isTrue();
    }

    /** Authorizes and captures at the PSP directly, with this lot in the metadata, as a charge made elsewhere. */
    private String capturedOutsideParkline(BigDecimal amount) {
        PaymentServiceProvider raw = psp.delegate();
        String key = "outside-" + System.nanoTime();
        var authorized = (PaymentServiceProvider.Authorization.Authorized)
                raw.authorize(new PaymentServiceProvider.AuthorizeRequest(
                        "X_" + key, lot.lotId(), "tok_visa", amount, Currency.getInstance("SGD"), key));
        raw.capture(new PaymentServiceProvider.CaptureRequest(
                "X_" + key, authorized.pspReference(), amount, Currency.getInstance("SGD"), key + ":capture"));
        return authorized.pspReference();
    }

    private JsonNode report(String date) {
        Reply report = http.get("/v1/payments/reconciliation?date=" + date + "&lotId=" + lot.lotId());
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json();
    }
}
