package org.parkline.server.common;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First come, first served in front of the connection pool. With more gates than connections, the pool hands a
 * returned connection to whichever request asks next, not to the one waiting longest: in a 64-gate burst some
 * entries starved for more than 10 s (thread dumps: every waiting request parked for a connection). A fair queue
 * bounds each wait by its place in line. Two connections stay free for background jobs (fold, sealer, sweeps).
 */
@Component
// after the payment bulkhead (+1): payments queue there without holding one of these permits
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2)
class DatabaseAdmission extends OncePerRequestFilter {

    private final Semaphore permits;
    private final MeterRegistry meters;

    DatabaseAdmission(@Value("${spring.datasource.hikari.maximum-pool-size:10}") int pool, MeterRegistry meters) {
        this.permits = new Semaphore(Math.max(1, pool - 2), true);
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            meters.counter("parkline.admission.refused").increment();
            response.setHeader("Retry-After", "1");
            ProblemJson.write(
                    response,
                    request,
                    503,
                    "busy",
                    "Server busy",
                    "Every database connection stayed busy for 20 s; retry with the same Idempotency-Key");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
