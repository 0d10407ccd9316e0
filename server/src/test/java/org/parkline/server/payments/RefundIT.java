package org.parkline.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkline.client.Ticket;
import org.parkline.server.support.RawHttp.Reply;

/**
 * Refunds within policy go through the PSP (or are recorded, for cash) as rows of their own; beyond policy they are
 * refused with a 4xx a person can act on, and nothing changes.
 */
class RefundIT extends PaymentsIntegrationTest {

    @Test
    void aPartialRefundKeepsThePaymentCapturedWithItsRefundedTotal() {
        String paymentId = capturedPayment();

        Reply refund = refund(paymentId, "2.00", "barrier fault at exit", "refund-1");

        assertThat(refund.status()).as(refund.body()).isEqualTo(201);
        assertThat(refund.json().path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(refund.json().path("amount").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(refund.json().path("approvalRole").asString()).isEqualTo("OPERATOR");
        Reply payment = http.get("/v1/payments/" + paymentId);
        assertThat(payment.json().path("status").asString()).isEqualTo("CAPTURED");
        assertThat(payment.json().path("refunded").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(psp.calls("refund")).isPositive();
    }

    @Test
    void refundingTheRestMakesThePaymentRefunded() {
        String paymentId = capturedPayment();
        refund(paymentId, "2.00", "barrier fault at exit", "refund-2a");

        Reply rest = refund(paymentId, "4.00", "goodwill: the rest of the stay", "refund-2b");

        assertThat(rest.json().path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(status(paymentId)).isEqualTo("REFUNDED");
        assertThat(history(paymentId)).containsExactly("INITIATED", "AUTHORIZED", "CAPTURED", "CAPTURED", "REFUNDED");
        assertThat(http.get("/v1/payments/" + paymentId + "/refunds")
                        .json()
                        .valueStream()
                        .map(r -> r.path("amount").decimalValue().setScale(2).toPlainString())
                        .toList())
                .containsExactly("2.00", "4.00");
        Reply again = refund(paymentId, "1.00", "one more time", "refund-2c");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem()).isEqualTo("payment-not-refundable");
    }

    @Test
    void aRetriedRefundRefundsOnce() {
        String paymentId = capturedPayment();
        int refundsBefore = psp.calls("refund");

        Reply first = refund(paymentId, "3.00", "wrong tariff applied", "refund-3");
        Reply retry = refund(paymentId, "3.00", "wrong tariff applied", "refund-3");

        assertThat(retry.json().path("refundId").asString())
                .isEqualTo(first.json().path("refundId").asString());
        assertThat(count("select count(*) from payment_refund where payment_id = ?", paymentId))
                .isEqualTo(1);
        assertThat(psp.calls("refund") - refundsBefore).isEqualTo(1);
        assertThat(http.get("/v1/payments/" + paymentId).json().path("refunded").decimalValue())
                .isEqualByComparingTo("3.00");
    }

    @Test
    void refundsBeyondThePolicyAreRefusedAndChangeNothing() {
        String paymentId = capturedPayment();
        refund(paymentId, "5.00", "barrier fault at exit", "refund-4a");
        List<Long> before = snapshot(paymentId);

        Reply tooMuch = refund(paymentId, "1.01", "more than is left", "refund-4b");
        Reply noReason = refund(paymentId, "0.50", null, "refund-4c");
        Reply blankReason = refund(paymentId, "0.50", "   ", "refund-4d");
        Reply negative = refund(paymentId, "-1", "negative amount", "refund-4e");
        Reply tooPrecise = refund(paymentId, "0.001", "sub-cent amount", "refund-4f");
        Reply noKey =
                http.post("/v1/payments/" + paymentId + "/refunds", "{\"amount\":0.5,\"reason\":\"no key given\"}");
        Reply unknown = refund("P_NOPE", "1.00", "no such payment", "refund-4g");

        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.problem()).isEqualTo("refund-exceeds-captured");
        assertThat(tooMuch.json().path("refundable").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("detail").asString()).contains("reason");
        assertThat(blankReason.status()).isEqualTo(400);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(List.of(tooMuch, noReason, blankReason, negative, tooPrecise, noKey, unknown))
                .allSatisfy(r -> assertThat(r.isProblem()).isTrue());
        assertThat(snapshot(paymentId)).isEqualTo(before);
    }

    @Test
    void aRefundAfterTheWindowIsRefused() {
        String paymentId = capturedPayment();
        clock.advance(properties.refunds().window().plus(Duration.ofMinutes(1)));

        Reply late = refund(paymentId, "1.00", "asked too late", "refund-5");

        assertThat(late.status()).isEqualTo(422);
        assertThat(late.problem()).isEqualTo("refund-window-closed");
        assertThat(late.json().path("refundableUntil").asString()).isNotBlank();
        assertThat(count("select count(*) from payment_refund where payment_id = ?", paymentId))
                .isZero();
    }

    @Test
    void aFailedPaymentCannotBeRefunded() {
        Ticket ticket = parkedCar();
        String paymentId = pay(ticket.ticketId(), "tok_decline", "refund-6-" + ticket.ticketId())
                .json()
                .path("paymentId")
                .asString();

        Reply refund = refund(paymentId, "1.00", "nothing was taken", "refund-6");

        assertThat(refund.status()).isEqualTo(409);
        assertThat(refund.problem()).isEqualTo("payment-not-refundable");
    }

    @Test
    void aRefundAboveTheOperatorLimitNeedsAnAdmin() {
        Ticket ticket = parkedCar();
        clock.advance(Duration.ofHours(24)); // a day at the 20.00 cap, then 3 started hours: 26.00
        String paymentId = pay(ticket.ticketId(), "tok_visa", "refund-7-" + ticket.ticketId())
                .json()
                .path("paymentId")
                .asString();

        Reply refund = refund(paymentId, "20.50", "double-billed overnight stay", "refund-7");

        assertThat(refund.status()).as(refund.body()).isEqualTo(201);
        assertThat(refund.json().path("approvalRole").asString()).isEqualTo("ADMIN");
    }

    @Test
    void aCashRefundIsRecordedWithoutThePsp() {
        Ticket ticket = parkedCar();
        String paymentId = payCash(ticket.ticketId(), "OPERATOR", "op-1", "refund-8-" + ticket.ticketId())
                .json()
                .path("paymentId")
                .asString();
        int refundsBefore = psp.calls("refund");

        Reply refund = refund(paymentId, "6.00", "cash handed back at the booth", "refund-8");

        assertThat(refund.json().path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(status(paymentId)).isEqualTo("REFUNDED");
        assertThat(psp.calls("refund")).isEqualTo(refundsBefore);
    }

    private String capturedPayment() {
        Ticket ticket = parkedCar();
        Reply paid = pay(ticket.ticketId(), "tok_visa", "refund-pay-" + ticket.ticketId());
        assertThat(paid.json().path("status").asString()).isEqualTo("CAPTURED");
        return paid.json().path("paymentId").asString();
    }

    private List<Long> snapshot(String paymentId) {
        return List.of(
                count("select count(*) from payment_refund"),
                count("select count(*) from payment_history where payment_id = ?", paymentId),
                count("select (refunded_amount * 100)::bigint from payment where id = ?", paymentId),
                count("select count(*) from idempotency_record"));
    }
}
