package org.parkline.server.payments;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.client.Ticket;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.RawHttp.Reply;
import org.springframework.beans.factory.annotation.Autowired;

/** A lot with a car parked long enough to owe money, and the ways to pay, refund and look. */
abstract class PaymentsIntegrationTest extends IntegrationTest {

    @Autowired
    FaultyPsp psp;

    @Autowired
    PaymentReconciler reconciler;

    @Autowired
    PaymentProperties properties;

    TestLot lot;

    /** Parks a car for two and a half hours: it owes 6.00 SGD (15 free minutes, 2.00 per started hour). */
    Ticket parkedCar() {
        if (lot == null) lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 4));
        Ticket ticket = api.enter(
                EntryRequest.of(lot.lotId(), lot.entryGate(), Vehicle.of(VehicleType.CAR), EntryPreferences.none()),
                "enter-" + System.nanoTime());
        clock.advance(Duration.ofMinutes(150));
        return ticket;
    }

    Reply pay(String ticketId, String token, String key) {
        return http.post(
                "/v1/payments",
                """
                {"ticketId":"%s","method":"CARD","paymentToken":"%s"}""".formatted(ticketId, token),
                key);
    }

    Reply payCash(String ticketId, String collectorKind, String collectorId, String key) {
        return http.post(
                "/v1/payments",
                """
                {"ticketId":"%s","method":"CASH","collectedBy":{"kind":"%s","id":"%s"}}"""
                        .formatted(ticketId, collectorKind, collectorId),
                key);
    }

    Reply refund(String paymentId, String amount, String reason, String key) {
        String body = reason == null
                ? "{\"amount\":%s}".formatted(amount)
                : "{\"amount\":%s,\"reason\":\"%s\"}".formatted(amount, reason);
        return http.post("/v1/payments/" + paymentId + "/refunds", body, key);
    }

    Reply exit(String ticketId, String paymentId, String key) {
        String body = paymentId == null
                ? "{\"gateId\":\"%s\"}".formatted(lot.exitGate())
                : "{\"gateId\":\"%s\",\"paidPaymentId\":\"%s\"}".formatted(lot.exitGate(), paymentId);
        return http.post("/v1/tickets/" + ticketId + "/exit", body, key);
    }

    String status(String paymentId) {
        return http.get("/v1/payments/" + paymentId).json().path("status").asString();
    }

    List<String> history(String paymentId) {
        return http.get("/v1/payments/" + paymentId + "/history")
                .json()
                .valueStream()
                .map(h -> h.path("status").asString())
                .toList();
    }

    long payments(String ticketId, String status) {
        return count("select count(*) from payment where payable_ref = ? and status = ?", ticketId, status);
    }

    String paymentIdOfKey(String key) {
        return jdbc.sql("select id from payment where idempotency_key = ?")
                .param(key)
                .query(String.class)
                .single();
    }

    /** Captures the PSP itself holds for this ticket's payments: the money that really moved. */
    long capturesAtPsp(String ticketId) {
        List<String> ids = jdbc.sql("select id from payment where payable_ref = ?")
                .param(ticketId)
                .query(String.class)
                .list();
        return psp.captures(START.minus(Duration.ofDays(2)), START.plus(Duration.ofDays(2))).stream()
                .filter(c -> ids.contains(c.paymentId()))
                .count();
    }

    /** Lets the reconciler see what is stuck now: nothing it looks at is younger than stale-after. */
    PaymentReconciler.Pass reconcileLater() {
        clock.advance(properties.reconciler().staleAfter().plusSeconds(1));
        return reconciler.run();
    }
}
