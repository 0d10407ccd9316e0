package org.parkline.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.parkline.client.ExitReceipt;
import org.parkline.client.ExitRequest;
import org.parkline.client.Payment;
import org.parkline.client.PaymentRequest;
import org.parkline.client.Ticket;
import org.parkline.server.support.RawHttp.Reply;

/** INITIATED → AUTHORIZED → CAPTURED | FAILED, every step kept; one key is one charge, however many ask. */
class PaymentLifecycleIT extends PaymentsIntegrationTest {

    @Test
    void aCardPaymentIsInitiatedAuthorizedAndCapturedAndEveryStepIsInItsHistory() {
        Ticket ticket = parkedCar();

        Reply paid = pay(ticket.ticketId(), "tok_visa", "life-1-" + ticket.ticketId());

        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().path("status").asString()).isEqualTo("CAPTURED");
        assertThat(paid.json().path("pending").asBoolean()).isFalse();
        assertThat(paid.json().path("amount").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(paid.json().path("capturedAt").asString()).isNotBlank();
        String paymentId = paid.json().path("paymentId").asString();
        assertThat(history(paymentId)).containsExactly("INITIATED", "AUTHORIZED", "CAPTURED");
        assertThat(capturesAtPsp(ticket.ticketId())).isEqualTo(1);
        assertThat(api.quote(ticket.ticketId()).amount()).isEqualByComparingTo("0");
    }

    @Test
    void aDeclinedCardFailsAndTheParkerPaysWithANewKey() {
        Ticket ticket = parkedCar();

        Reply declined = pay(ticket.ticketId(), "tok_decline", "life-2a-" + ticket.ticketId());

        assertThat(declined.status()).isEqualTo(201);
        assertThat(declined.json().path("status").asString()).isEqualTo("FAILED");
        assertThat(declined.json().path("failureReason").asString()).isEqualTo("card_declined");
        assertThat(history(declined.json().path("paymentId").asString())).containsExactly("INITIATED", "FAILED");
        assertThat(api.quote(ticket.ticketId()).amount()).isEqualByComparingTo("6.00");

        Reply retried = pay(ticket.ticketId(), "tok_decline", "life-2a-" + ticket.ticketId());
        assertThat(retried.json().path("paymentId").asString())
                .isEqualTo(declined.json().path("paymentId").asString());

        Reply paid = pay(ticket.ticketId(), "tok_visa", "life-2b-" + ticket.ticketId());
        assertThat(paid.json().path("status").asString()).isEqualTo("CAPTURED");
        assertThat(payments(ticket.ticketId(), "FAILED")).isEqualTo(1);
        assertThat(payments(ticket.ticketId(), "CAPTURED")).isEqualTo(1);
        assertThat(capturesAtPsp(ticket.ticketId())).isEqualTo(1);
    }

    @Test
    void cashIsRecordedByTheOperatorOrPayStationThatTookIt() {
        Ticket ticket = parkedCar();

        Reply cash = payCash(ticket.ticketId(), "PAY_STATION", "PS-7", "life-3-" + ticket.ticketId());

        assertThat(cash.status()).as(cash.body()).isEqualTo(201);
        assertThat(cash.json().path("status").asString()).isEqualTo("CAPTURED");
        assertThat(cash.json().path("collectedBy").asString()).isEqualTo("PAY_STATION:PS-7");
        assertThat(history(cash.json().path("paymentId").asString())).containsExactly("INITIATED", "CAPTURED");
        assertThat(capturesAtPsp(ticket.ticketId())).isZero();
        assertThat(exit(ticket.ticketId(), cash.json().path("paymentId").asString(), "life-3x-" + ticket.ticketId())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theTypedClientPaysCashForAPayStation() {
        Ticket ticket = parkedCar();

        Payment cash = api.pay(
                PaymentRequest.cash(ticket.ticketId(), PaymentRequest.CashCollector.payStation("PS-9")),
                "life-3c-" + ticket.ticketId());

        assertThat(cash.captured()).isTrue();
        assertThat(cash.pending()).isFalse();
        assertThat(cash.refunded()).isEqualByComparingTo("0");
        ExitReceipt receipt = api.exit(
                ticket.ticketId(),
                new ExitRequest(lot.exitGate(), cash.paymentId(), null),
                "life-3cx-" + ticket.ticketId());
        assertThat(receipt.amountPaid()).isEqualByComparingTo("6.00");
        assertThat(receipt.amountPending()).isEqualByComparingTo("0");
    }

    @Test
    void cashIsRecordedAsTakenByTheCallerAndCardsWithACollectorAreRefused() {
        Ticket ticket = parkedCar();
        long before = count("select count(*) from payment");

        Reply cashFromCaller = http.post(
                "/v1/payments",
                "{\"ticketId\":\"%s\",\"method\":\"CASH\"}".formatted(ticket.ticketId()),
                "life-4a-" + ticket.ticketId());
        Reply cardWithCollector = http.post(
                "/v1/payments",
                """
                {"ticketId":"%s","method":"CARD","paymentToken":"tok_visa","collectedBy":{"kind":"OPERATOR","id":"op"}}"""
                        .formatted(ticket.ticketId()),
                "life-4b-" + ticket.ticketId());

        // cash without a named collector is recorded as taken by the signed-in caller, never anonymously
        assertThat(cashFromCaller.status()).isEqualTo(201);
        assertThat(cashFromCaller.json().path("collectedBy").asString())
                .isEqualTo(
                        "OPERATOR:" + http.get("/v1/auth/me").json().path("id").asString());
        assertThat(cardWithCollector.status()).isEqualTo(400);
        assertThat(count("select count(*) from payment")).isEqualTo(before + 1);
    }

    @Test
    void manyConcurrentRequestsWithOneKeyCaptureOnceAtThePsp() throws Exception {
        Ticket ticket = parkedCar();
        String key = "life-5-" + ticket.ticketId();
        int capturesBefore = psp.calls("capture");

        List<Reply> replies;
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Callable<Reply>> calls = IntStream.range(0, 40)
                    .<Callable<Reply>>mapToObj(i -> () -> pay(ticket.ticketId(), "tok_visa", key))
                    .toList();
            replies =
                    pool.invokeAll(calls).stream().map(PaymentLifecycleIT::get).toList();
        }

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409));
        assertThat(replies.stream()
                        .filter(r -> r.status() == 201)
                        .map(r -> r.json().path("paymentId").asString())
                        .distinct())
                .hasSize(1);
        assertThat(payments(ticket.ticketId(), "CAPTURED")).isEqualTo(1);
        assertThat(count("select count(*) from payment where payable_ref = ?", ticket.ticketId()))
                .isEqualTo(1);
        assertThat(capturesAtPsp(ticket.ticketId())).isEqualTo(1);
        assertThat(psp.calls("capture") - capturesBefore).isEqualTo(1);
    }

    private static Reply get(Future<Reply> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
