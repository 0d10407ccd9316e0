package org.parkline.server.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in PSP for development, tests and demos, with a memory like a real one: the same idempotency key never
 * authorizes, captures or refunds twice, and it remembers every capture for the reconciliation report.
 *
 * <p>Tokens choose what happens to one payment: {@code tok_decline} is declined, {@code tok_timeout} never gets an
 * answer, {@code tok_slow} is captured after the slow delay, {@code tok_capture_fails} is declined at capture after
 * the slow delay. Any other token gets the configured default behaviour.
 */
class SimulatedPsp implements PaymentServiceProvider {

    enum Behaviour {
        SUCCEED,
        DECLINE,
        TIMEOUT,
        SLOW
    }

    private final Behaviour behaviour;
    private final Duration slowDelay;
    private final Clock clock;
    private final Map<String, Charge> byKey = new ConcurrentHashMap<>();
    private final Map<String, Charge> byReference = new ConcurrentHashMap<>();
    private final Map<String, RefundResult> refunds = new ConcurrentHashMap<>();

    SimulatedPsp(Behaviour behaviour, Duration slowDelay, Clock clock) {
        this.behaviour = behaviour;
        this.slowDelay = slowDelay;
        this.clock = clock;
    }

    private static final class Charge {
        final String reference;
        final AuthorizeRequest request;
        final Behaviour behaviour;
        PspPayment.State state;

        @Nullable
        String reason;

        @Nullable
        Instant capturedAt;

        Charge(String reference, AuthorizeRequest request, Behaviour behaviour) {
            this.reference = reference;
            this.request = request;
            this.behaviour = behaviour;
        }
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public Authorization authorize(AuthorizeRequest request) {
        Behaviour chosen = behaviourOf(request.paymentToken());
        if (chosen == Behaviour.TIMEOUT && !byKey.containsKey(request.idempotencyKey())) {
            throw new Unavailable("simulated PSP timed out");
        }
        Charge charge = byKey.computeIfAbsent(request.idempotencyKey(), key -> {
            Charge c = new Charge("sim_pi_" + request.paymentId(), request, chosen);
            if (chosen == Behaviour.DECLINE) {
                c.state = PspPayment.State.DECLINED;
                c.reason = "card_declined";
            } else {
                c.state = PspPayment.State.AUTHORIZED;
            }
            byReference.put(c.reference, c);
            return c;
        });
        return charge.state == PspPayment.State.DECLINED
                ? new Authorization.Declined(String.valueOf(charge.reason))
                : new Authorization.Authorized(charge.reference);
    }

    @Override
    public CaptureResult capture(CaptureRequest request) {
        Charge charge = Optional.ofNullable(byReference.get(request.pspReference()))
                .orElseThrow(() -> new IllegalArgumentException("no such authorization " + request.pspReference()));
        synchronized (charge) {
            if (charge.state == PspPayment.State.AUTHORIZED) {
                if (charge.behaviour == Behaviour.SLOW
                        || charge.request.paymentToken().equals("tok_capture_fails")) {
                    sleep(slowDelay);
                }
                if (charge.request.paymentToken().equals("tok_capture_fails")) {
                    charge.state = PspPayment.State.DECLINED;
                    charge.reason = "capture_failed";
                } else {
                    charge.state = PspPayment.State.CAPTURED;
                    charge.capturedAt = clock.instant();
                }
            }
            return switch (charge.state) {
                case CAPTURED -> new CaptureResult.Captured(charge.reference);
                default -> new CaptureResult.Declined(charge.reason == null ? "not_capturable" : charge.reason);
            };
        }
    }

    @Override
    public void cancel(String pspReference, String idempotencyKey) {
        Charge charge = byReference.get(pspReference);
        if (charge == null) return;
        synchronized (charge) {
            if (charge.state == PspPayment.State.AUTHORIZED) {
                charge.state = PspPayment.State.CANCELED;
                charge.reason = "canceled";
            }
        }
    }

    @Override
    public PspPayment lookup(String idempotencyKey, @Nullable String pspReference) {
        Charge charge = pspReference != null ? byReference.get(pspReference) : byKey.get(idempotencyKey);
        if (charge == null) return PspPayment.UNKNOWN;
        synchronized (charge) {
            return new PspPayment(charge.state, charge.reference, charge.reason);
        }
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        return refunds.computeIfAbsent(request.idempotencyKey(), key -> {
            Charge charge = byReference.get(request.pspReference());
            if (charge == null || charge.state != PspPayment.State.CAPTURED) {
                return new RefundResult.Declined("charge_not_captured");
            }
            return new RefundResult.Refunded("sim_re_" + request.refundId());
        });
    }

    @Override
    public List<PspCapture> captures(Instant from, Instant to) {
        return byReference.values().stream()
                .filter(c -> c.capturedAt != null && !c.capturedAt.isBefore(from) && c.capturedAt.isBefore(to))
                .map(c -> new PspCapture(
                        c.reference,
                        c.request.paymentId(),
                        c.request.lotId(),
                        c.request.amount(),
                        c.request.currency(),
                        c.capturedAt))
                .sorted(Comparator.comparing(PspCapture::capturedAt))
                .toList();
    }

    private Behaviour behaviourOf(String token) {
        return switch (token) {
            case "tok_decline" -> Behaviour.DECLINE;
            case "tok_timeout" -> Behaviour.TIMEOUT;
            case "tok_slow" -> Behaviour.SLOW;
            case "tok_capture_fails" -> Behaviour.SUCCEED;
            default -> behaviour;
        };
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while capturing");
        }
    }
}
