package org.parkline.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parkline.client.Ticket;
import org.parkline.server.support.RawHttp.Reply;
import tools.jackson.databind.JsonNode;

/**
 * A slow capture does not hold the barrier: the payment answers AUTHORIZED (pending), the car leaves on it, and the
 * capture's answer is recorded when it comes. If it fails, the amount is reported as uncollected.
 */
class PendingExitIT extends PaymentsIntegrationTest {

    @Test
    void aSlowCaptureLetsTheCarLeaveAndTheCaptureCompletesLater() {
        Ticket ticket = parkedCar();

        Reply pending = pay(ticket.ticketId(), "tok_slow", "slow-1-" + ticket.ticketId());

        assertThat(pending.status()).as(pending.body()).isEqualTo(201);
        assertThat(pending.json().path("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(pending.json().path("pending").asBoolean()).isTrue();
        String paymentId = pending.json().path("paymentId").asString();
        assertThat(api.quote(ticket.ticketId()).amount()).isEqualByComparingTo("0");
        assertThat(pay(ticket.ticketId(), "tok_visa", "slow-1b-" + ticket.ticketId())
                        .problem())
                .isEqualTo("nothing-due");

        Reply exit = exit(ticket.ticketId(), paymentId, "slow-1x-" + ticket.ticketId());

        assertThat(exit.status()).as(exit.body()).isEqualTo(200);
        assertThat(exit.json().path("barrier").asString()).isEqualTo("OPEN");
        assertThat(exit.json().path("amountPaid").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(exit.json().path("amountPending").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(http.get("/v1/payments/" + paymentId)
                        .json()
                        .path("releasedAt")
                        .asString())
                .isNotBlank();

        awaitStatus(paymentId, "CAPTURED");
        assertThat(history(paymentId)).containsExactly("INITIATED", "AUTHORIZED", "AUTHORIZED", "CAPTURED");
        assertThat(capturesAtPsp(ticket.ticketId())).isEqualTo(1);
        JsonNode report = report();
        assertThat(report.path("pendingCaptures").valueStream().map(p -> p.path("paymentId")
                        .asString()))
                .doesNotContain(paymentId);
        assertThat(report.path("uncollected").valueStream().map(p -> p.path("paymentId")
                        .asString()))
                .doesNotContain(paymentId);
    }

    @Test
    void aCaptureThatFailsAfterTheCarLeftIsReportedAsUncollected() {
        Ticket ticket = parkedCar();
        Reply pending = pay(ticket.ticketId(), "tok_capture_fails", "slow-2-" + ticket.ticketId());
        String paymentId = pending.json().path("paymentId").asString();
        assertThat(pending.json().path("status").asString()).isEqualTo("AUTHORIZED");

        assertThat(exit(ticket.ticketId(), paymentId, "slow-2x-" + ticket.ticketId())
                        .status())
                .isEqualTo(200);
        assertThat(report().path("pendingCaptures").valueStream().map(p -> p.path("paymentId")
                        .asString()))
                .contains(paymentId);

        awaitStatus(paymentId, "FAILED");
        JsonNode uncollected = report().path("uncollected")
                .valueStream()
                .filter(p -> p.path("paymentId").asString().equals(paymentId))
                .findFirst()
                .orElseThrow();
        assertThat(uncollected.path("payableRef").asString()).isEqualTo(ticket.ticketId());
        assertThat(uncollected.path("amount").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(uncollected.path("failureReason").asString()).contains("capture_failed");
        assertThat(api.ticket(ticket.ticketId()).status().name()).isEqualTo("CLOSED");
        assertThat(capturesAtPsp(ticket.ticketId())).isZero();
    }

    private JsonNode report() {
        Reply report = http.get("/v1/payments/reconciliation?date=2026-02-24&lotId=" + lot.lotId());
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json();
    }

    private void awaitStatus(String paymentId, String expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!status(paymentId).equals(expected) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(status(paymentId)).isEqualTo(expected);
    }
}
