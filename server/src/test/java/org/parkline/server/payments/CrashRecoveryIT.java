package org.parkline.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parkline.client.Ticket;
import org.parkline.server.payments.FaultyPsp.Step;
import org.parkline.server.support.RawHttp.Reply;

/**
 * The server dies at each step of a payment; a retry with the same key, or the reconciler when nobody retries,
 * finishes it with exactly one capture at the PSP and one CAPTURED payment.
 */
class CrashRecoveryIT extends PaymentsIntegrationTest {

    @Test
    void aCrashAfterInitiatedWasCommittedIsFinishedByTheRetry() {
        Ticket ticket = parkedCar();
        String key = "crash-1-" + ticket.ticketId();
        psp.crashAt(Step.BEFORE_AUTHORIZE, key);

        Reply crashed = pay(ticket.ticketId(), "tok_visa", key);

        assertThat(crashed.status()).isEqualTo(500);
        assertThat(payments(ticket.ticketId(), "INITIATED")).isEqualTo(1);
        assertThat(capturesAtPsp(ticket.ticketId())).isZero();

        Reply retry = pay(ticket.ticketId(), "tok_visa", key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().path("status").asString()).isEqualTo("CAPTURED");
        assertOneCapture(ticket);
    }

    @Test
    void aCrashAfterThePspAuthorizedIsFinishedByTheRetry() {
        Ticket ticket = parkedCar();
        String key = "crash-2-" + ticket.ticketId();
        psp.crashAt(Step.AFTER_AUTHORIZE, key);

        assertThat(pay(ticket.ticketId(), "tok_visa", key).status()).isEqualTo(500);
        assertThat(payments(ticket.ticketId(), "INITIATED")).isEqualTo(1);

        Reply retry = pay(ticket.ticketId(), "tok_visa", key);

        assertThat(retry.json().path("status").asString()).isEqualTo("CAPTURED");
        assertThat(history(retry.json().path("paymentId").asString()))
                .containsExactly("INITIATED", "AUTHORIZED", "CAPTURED");
        assertOneCapture(ticket);
    }

    @Test
    void aCrashAfterThePspCapturedIsRecoveredByTheRetryWithoutASecondCharge() {
        Ticket ticket = parkedCar();
        String key = "crash-3-" + ticket.ticketId();
        psp.crashAt(Step.AFTER_CAPTURE, key);

        assertThat(pay(ticket.ticketId(), "tok_visa", key).status()).isEqualTo(500);
        assertThat(payments(ticket.ticketId(), "AUTHORIZED")).isEqualTo(1);
        assertThat(capturesAtPsp(ticket.ticketId())).isEqualTo(1);

        Reply retry = pay(ticket.ticketId(), "tok_visa", key);

        assertThat(retry.json().path("status").asString()).isEqualTo("CAPTURED");
        assertOneCapture(ticket);
    }

    @Test
    void aCrashAfterThePspCapturedIsRecoveredByTheReconcilerWhenNobodyRetries() {
        Ticket ticket = parkedCar();
        String key = "crash-4-" + ticket.ticketId();
        psp.crashAt(Step.AFTER_CAPTURE, key);
        pay(ticket.ticketId(), "tok_visa", key);

        reconcileLater();

        assertOneCapture(ticket);
        assertThat(history(paymentIdOfKey(key))).containsExactly("INITIATED", "AUTHORIZED", "CAPTURED");
    }

    @Test
    void aCrashAfterThePspAuthorizedIsCapturedByTheReconcilerWhileTheTicketStillOwesIt() {
        Ticket ticket = parkedCar();
        String key = "crash-5-" + ticket.ticketId();
        psp.crashAt(Step.AFTER_AUTHORIZE, key);
        pay(ticket.ticketId(), "tok_visa", key);

        reconcileLater();

        assertOneCapture(ticket);
    }

    @Test
    void anAuthorizationNobodyWaitsForIsReleasedWhenTheTicketWasPaidAnotherWay() {
        Ticket ticket = parkedCar();
        String key = "crash-6-" + ticket.ticketId();
        psp.crashAt(Step.AFTER_AUTHORIZE, key);
        pay(ticket.ticketId(), "tok_visa", key);
        Reply cash = payCash(ticket.ticketId(), "OPERATOR", "op-3", "crash-6-cash-" + ticket.ticketId());
        assertThat(cash.json().path("status").asString()).isEqualTo("CAPTURED");

        reconcileLater();

        String abandoned = paymentIdOfKey(key);
        assertThat(status(abandoned)).isEqualTo("FAILED");
        assertThat(psp.lookup(key, null).state()).isEqualTo(PaymentServiceProvider.PspPayment.State.CANCELED);
        assertThat(capturesAtPsp(ticket.ticketId())).isZero();
        assertThat(payments(ticket.ticketId(), "CAPTURED")).isEqualTo(1);
    }

    @Test
    void aRetryAfterTheTicketWasPaidAnotherWayChargesNothing() {
        Ticket ticket = parkedCar();
        String key = "crash-10-" + ticket.ticketId();
        psp.crashAt(Step.BEFORE_AUTHORIZE, key);
        pay(ticket.ticketId(), "tok_visa", key);
        payCash(ticket.ticketId(), "OPERATOR", "op-4", "crash-10-cash-" + ticket.ticketId());

        Reply lateRetry = pay(ticket.ticketId(), "tok_visa", key);

        assertThat(lateRetry.json().path("status").asString()).isEqualTo("FAILED");
        assertThat(lateRetry.json().path("failureReason").asString()).startsWith("superseded");
        assertThat(capturesAtPsp(ticket.ticketId())).isZero();
        assertThat(payments(ticket.ticketId(), "CAPTURED")).isEqualTo(1);
    }

    @Test
    void aPaymentThePspNeverSawIsGivenUpByTheReconcilerAndNothingIsCharged() {
        Ticket ticket = parkedCar();
        String key = "crash-7-" + ticket.ticketId();
        psp.crashAt(Step.BEFORE_AUTHORIZE, key);
        pay(ticket.ticketId(), "tok_visa", key);

        reconcileLater();

        String paymentId = paymentIdOfKey(key);
        assertThat(status(paymentId)).isEqualTo("FAILED");
        assertThat(http.get("/v1/payments/" + paymentId)
                        .json()
                        .path("failureReason")
                        .asString())
                .startsWith("abandoned");
        assertThat(capturesAtPsp(ticket.ticketId())).isZero();
        assertThat(pay(ticket.ticketId(), "tok_visa", "crash-7b-" + ticket.ticketId())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("CAPTURED");
    }

    @Test
    void aResponseLostAfterTheCaptureWasCommittedReplaysThePayment() {
        Ticket ticket = parkedCar();
        String key = "crash-8-" + ticket.ticketId();
        Reply first = pay(ticket.ticketId(), "tok_visa", key);
        // the crash came between the payment's own commits and the idempotency record's
        jdbc.sql("delete from idempotency_record where key = ?").param(key).update();

        Reply retry = pay(ticket.ticketId(), "tok_visa", key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("paymentId").asString())
                .isEqualTo(first.json().path("paymentId").asString());
        assertOneCapture(ticket);
    }

    @Test
    void aPspThatDoesNotAnswerLeavesThePaymentInitiatedAndTheRetryNeverChargesTwice() {
        Ticket ticket = parkedCar();
        String key = "crash-9-" + ticket.ticketId();

        Reply noAnswer = pay(ticket.ticketId(), "tok_timeout", key);

        assertThat(noAnswer.status()).isEqualTo(503);
        assertThat(noAnswer.problem()).isEqualTo("psp-unavailable");
        assertThat(payments(ticket.ticketId(), "INITIATED")).isEqualTo(1);
        assertThat(pay(ticket.ticketId(), "tok_timeout", key).status()).isEqualTo(503);
        assertThat(count("select count(*) from payment where payable_ref = ?", ticket.ticketId()))
                .isEqualTo(1);
        assertThat(capturesAtPsp(ticket.ticketId())).isZero();
    }

    private void assertOneCapture(Ticket ticket) {
        assertThat(capturesAtPsp(ticket.ticketId())).isEqualTo(1);
        assertThat(payments(ticket.ticketId(), "CAPTURED")).isEqualTo(1);
        assertThat(count("select count(*) from payment where payable_ref = ?", ticket.ticketId()))
                .isEqualTo(1);
    }
}
