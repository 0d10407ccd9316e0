package org.parkline.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.parkline.client.ExitReceipt;
import org.parkline.client.ExitRequest;
import org.parkline.client.ParklineClient;
import org.parkline.client.Payment;
import org.parkline.client.PaymentMethod;
import org.parkline.client.PaymentRequest;

/**
 * The departure wave after the match: vehicles leave in random order; each pays what is due (keyed
 * by its ticket, as a pay station does) and then exits through one of the exit gates. If the tariff
 * moved on between paying and reaching the barrier, the driver pays the rest and tries again.
 */
final class ExitBurst {

    private final ParklineClient parkline;
    private final String lotId;
    private final int gates;
    private final Queue<EntryBurst.Admission> leaving;
    private final PhaseStats payments = new PhaseStats("pay");
    private final PhaseStats exits = new PhaseStats("exit");

    private final java.time.Duration gateCycle;

    ExitBurst(ParklineClient parkline, BurstOptions options, String lotId, List<EntryBurst.Admission> parked) {
        this.parkline = parkline;
        this.lotId = lotId;
        this.gates = options.gates();
        this.gateCycle = options.gateCycle();
        List<EntryBurst.Admission> order = new ArrayList<>(parked);
        Collections.shuffle(order, new Random(options.seed()));
        this.leaving = new ConcurrentLinkedQueue<>(order);
    }

    Duration run() {
        return GateCrew.run(gates, this::gate);
    }

    private void gate(int gate) {
        String gateId = StadiumLayout.exitGate(lotId, gate);
        int eventSeq = 0;
        GatePace pace = new GatePace(gateCycle);
        for (EntryBurst.Admission car = leaving.poll(); car != null; car = leaving.poll()) {
            pace.awaitNext();
            String paymentId = pay(car.ticketId(), "pay-" + car.ticketId());
            Reply<ExitReceipt> exit = exit(car, gateId, paymentId, gateId + "-evt-" + ++eventSeq);
            if (exit.refusedWith("payment-required")) {
                exits.count("paid-again-after-402");
                String topUp = pay(car.ticketId(), "pay2-" + car.ticketId());
                exit(car, gateId, topUp, gateId + "-evt-" + ++eventSeq);
            }
        }
    }

    /** Pays what is due; the captured payment's id, or null (nothing due, declined, no answer). */
    private String pay(String ticketId, String key) {
        PaymentRequest request = PaymentRequest.amountDue(ticketId, PaymentMethod.CARD, "tok_visa");
        Payment payment =
                GateCalls.call(payments, () -> parkline.pay(request, key)).valueOrNull();
        if (payment != null && !payment.captured()) {
            payments.count("payment-" + payment.status());
        }
        return payment != null && payment.captured() ? payment.paymentId() : null;
    }

    private Reply<ExitReceipt> exit(EntryBurst.Admission car, String gateId, String paymentId, String key) {
        ExitRequest request = new ExitRequest(gateId, paymentId, car.plate());
        return GateCalls.call(exits, () -> parkline.exit(car.ticketId(), request, key));
    }

    PhaseStats payments() {
        return payments;
    }

    PhaseStats exits() {
        return exits;
    }
}
