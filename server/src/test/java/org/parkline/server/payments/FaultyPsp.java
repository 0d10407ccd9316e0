package org.parkline.server.payments;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The configured PSP with a kill switch: armed for one idempotency key, it makes the payment request die at a
 * chosen step, as a server crash would (the request's own transaction rolls back; what was committed stays, and
 * what the PSP did stays done). Passes everything through otherwise, counting the calls.
 */
public class FaultyPsp implements PaymentServiceProvider {

    public enum Step {
        /** The payment is INITIATED and committed; the PSP never heard of it. */
        BEFORE_AUTHORIZE,
        /** The PSP authorized; Parkline did not record it. */
        AFTER_AUTHORIZE,
        /** The PSP captured; Parkline did not record it. */
        AFTER_CAPTURE
    }

    /** Thrown where the server "dies". */
    public static final class Crash extends RuntimeException {
        Crash(Step step) {
            super("simulated crash " + step);
        }
    }

    private final PaymentServiceProvider delegate;
    private final Map<String, Step> armed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    FaultyPsp(PaymentServiceProvider delegate) {
        this.delegate = delegate;
    }

    /** The next call with this payment key dies at {@code step} (once). */
    public void crashAt(Step step, String idempotencyKey) {
        armed.put(idempotencyKey, step);
    }

    public int calls(String method) {
        return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
    }

    public PaymentServiceProvider delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Authorization authorize(AuthorizeRequest request) {
        count("authorize");
        dieIf(Step.BEFORE_AUTHORIZE, request.idempotencyKey());
        Authorization result = delegate.authorize(request);
        dieIf(Step.AFTER_AUTHORIZE, request.idempotencyKey());
        return result;
    }

    @Override
    public CaptureResult capture(CaptureRequest request) {
        count("capture");
        CaptureResult result = delegate.capture(request);
        dieIf(Step.AFTER_CAPTURE, request.idempotencyKey().replaceFirst(":capture$", ""));
        return result;
    }

    @Override
    public void cancel(String pspReference, String idempotencyKey) {
        count("cancel");
        delegate.cancel(pspReference, idempotencyKey);
    }

    @Override
    public PspPayment lookup(String idempotencyKey, @Nullable String pspReference) {
        count("lookup");
        return delegate.lookup(idempotencyKey, pspReference);
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        count("refund");
        return delegate.refund(request);
    }

    @Override
    public List<PspCapture> captures(java.time.Instant from, java.time.Instant to) {
        return delegate.captures(from, to);
    }

    private void count(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }

    private void dieIf(Step step, String key) {
        if (armed.remove(key, step)) throw new Crash(step);
    }

    /** Wraps whichever PSP the properties chose. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Installed {
        @Bean
        static BeanPostProcessor faultyPsp() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof PaymentServiceProvider psp && !(bean instanceof FaultyPsp)
                            ? new FaultyPsp(psp)
                            : bean;
                }
            };
        }
    }
}
