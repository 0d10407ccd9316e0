package org.parkline.server.payments;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Calls the PSP with a deadline, so a gate never waits longer than configured. A call past its deadline goes on in
 * the background; its answer, when it comes, is handed to whoever asked for it ({@link Answer.Late#later()}).
 */
@Component
class PspCalls {

    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    sealed interface Answer<T> {
        record Now<T>(T value) implements Answer<T> {}

        /** No answer in time (or the PSP said it was unavailable): the outcome is unknown. */
        record Late<T>(CompletableFuture<T> later, String why) implements Answer<T> {}
    }

    <T> Answer<T> within(Duration deadline, Supplier<T> call) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(call, calls);
        try {
            return new Answer.Now<>(future.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return new Answer.Late<>(future, "no answer within " + deadline);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PaymentServiceProvider.Unavailable unavailable) {
                return new Answer.Late<>(future, unavailable.getMessage());
            }
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Late<>(future, "interrupted");
        }
    }

    @PreDestroy
    void stop() {
        calls.shutdownNow();
    }
}
