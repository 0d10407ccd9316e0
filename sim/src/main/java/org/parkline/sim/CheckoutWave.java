package org.parkline.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.parkline.client.ExitQuote;
import org.parkline.client.ExitReceipt;
import org.parkline.client.ExitRequest;
import org.parkline.client.ParklineClient;
import org.parkline.client.Payment;
import org.parkline.client.PaymentMethod;
import org.parkline.client.PaymentRequest;

/**
 * The checkout rush: every parked vehicle asks for its quote, pays exactly the quoted amount (keyed by its ticket,
 * as a pay station does), and exits on that payment. A share of the payments is sent twice at once with the same
 * key, as a pay station does when its first answer is lost; both must name the same payment. If the tariff moved
 * on between quote and barrier (402), the driver pays the rest and exits again.
 */
final class CheckoutWave {

    /** A payment sent twice at once with one key; the ids each send got back (null: no answer). */
    record DoubleSend(String ticketId, String first, String second) {
        boolean samePayment() {
            return first != null && Objects.equals(first, second);
        }
    }

    private final ParklineClient parkline;
    private final String lotId;
    private final int gates;
    private final double doubleSendShare;
    private final Random random;
    private final Queue<EntryBurst.Admission> leaving;
    private final PhaseStats quotes = new PhaseStats("quote");
    private final PhaseStats payments = new PhaseStats("pay");
    private final PhaseStats exits = new PhaseStats("exit");
    private final Histogram checkoutMicros = new ConcurrentHistogram(3);
    private final LongAdder checkedOut = new LongAdder();
    private final Queue<DoubleSend> doubleSends = new ConcurrentLinkedQueue<>();

    CheckoutWave(ParklineClient parkline, BurstOptions options, String lotId, List<EntryBurst.Admission> parked) {
        this.parkline = parkline;
        this.lotId = lotId;
        this.gates = options.gates();
        this.doubleSendShare = options.retryShare();
        this.random = new Random(options.seed());
        List<EntryBurst.Admission> order = new ArrayList<>(parked);
        Collections.shuffle(order, random);
        this.leaving = new ConcurrentLinkedQueue<>(order);
    }

    Duration run() {
        return GateCrew.run(gates, this::gate);
    }

    private void gate(int gate) {
        String gateId = StadiumLayout.exitGate(lotId, gate);
        int eventSeq = 0;
        for (EntryBurst.Admission next = leaving.poll(); next != null; next = leaving.poll()) {
            EntryBurst.Admission car = next;
            long start = System.nanoTime();
            boolean twice;
            synchronized (random) {
                twice = random.nextDouble() < doubleSendShare;
            }
            ExitQuote quote =
                    GateCalls.call(quotes, () -> parkline.quote(car.ticketId())).valueOrNull();
            String paymentId = null;
            if (quote != null && quote.amount().signum() > 0) {
                paymentId = pay(car.ticketId(), quote.amount(), "pay-" + car.ticketId(), twice);
            }
            Reply<ExitReceipt> exit = exit(car, gateId, paymentId, gateId + "-evt-" + ++eventSeq);
            if (exit.refusedWith("payment-required")) {
                exits.count("paid-again-after-402");
                String topUp = pay(car.ticketId(), null, "pay2-" + car.ticketId(), false);
                exit = exit(car, gateId, topUp, gateId + "-evt-" + ++eventSeq);
            }
            ExitReceipt receipt = exit.valueOrNull();
            if (receipt != null) {
                if (receipt.amountPending() != null && receipt.amountPending().signum() > 0) {
                    exits.count("left-on-pending-capture");
                }
                checkedOut.increment();
                checkoutMicros.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
            }
        }
    }

    /** Pays {@code amount} (null: whatever is due); the payment's id when it covers the exit, else null. */
    private String pay(String ticketId, BigDecimal amount, String key, boolean twice) {
        PaymentRequest request = new PaymentRequest(ticketId, PaymentMethod.CARD, "tok_visa", null, amount);
        if (!twice)
            return covering(
                    GateCalls.call(payments, () -> parkline.pay(request, key)).valueOrNull());
        List<Payment> both = Collections.synchronizedList(new ArrayList<>());
        GateCrew.run(
                2,
                send -> both.add(GateCalls.call(payments, () -> parkline.pay(request, key))
                        .valueOrNull()));
        String first = both.get(0) == null ? null : both.get(0).paymentId();
        String second = both.get(1) == null ? null : both.get(1).paymentId();
        DoubleSend sent = new DoubleSend(ticketId, first, second);
        doubleSends.add(sent);
        if (!sent.samePayment()) payments.count("double-send-named-two-payments");
        return covering(both.get(0) != null ? both.get(0) : both.get(1));
    }

    private String covering(Payment payment) {
        if (payment == null) return null;
        if (payment.status().name().equals("FAILED")) {
            payments.count("payment-FAILED");
            return null;
        }
        if (!payment.captured()) payments.count("payment-" + payment.status());
        return payment.paymentId();
    }

    private Reply<ExitReceipt> exit(EntryBurst.Admission car, String gateId, String paymentId, String key) {
        ExitRequest request = new ExitRequest(gateId, paymentId, car.plate());
        return GateCalls.call(exits, () -> parkline.exit(car.ticketId(), request, key));
    }

    List<PhaseSummary> phases(Duration wallTime) {
        return List.of(quotes.summary(wallTime), payments.summary(wallTime), exits.summary(wallTime));
    }

    /** Whole checkouts (quote, pay, exit) that ended with an open barrier, and their latency in microseconds. */
    long checkedOut() {
        return checkedOut.sum();
    }

    Histogram checkoutLatencyMicros() {
        return checkoutMicros.copy();
    }

    List<DoubleSend> doubleSends() {
        return List.copyOf(doubleSends);
    }
}
