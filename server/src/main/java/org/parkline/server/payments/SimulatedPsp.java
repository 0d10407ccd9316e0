package org.parkline.server.payments;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A stand-in PSP for development, tests and demos. Token {@code tok_decline} is declined, {@code tok_timeout}
 * times out, anything else is captured. Like a real PSP it remembers idempotency keys: the same key never
 * captures twice.
 */
@Component
class SimulatedPsp implements PaymentServiceProvider {

    private final Map<String, ChargeResult> byKey = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        if (request.paymentToken().equals("tok_timeout")) {
            throw new Unavailable("simulated PSP timed out");
        }
        return byKey.computeIfAbsent(request.idempotencyKey(), key -> switch (request.paymentToken()) {
            case "tok_decline" -> new ChargeResult.Declined("card_declined");
            default ->
                new ChargeResult.Captured("sim_" + Integer.toHexString(key.hashCode()) + "_" + request.paymentId());
        });
    }
}
