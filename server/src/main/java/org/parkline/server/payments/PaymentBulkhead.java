package org.parkline.server.payments;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.parkline.server.common.ProblemJson;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code parkline.payments.max-concurrent} payment and refund requests run at once on this server
 * (default: half the database pool). Each holds the idempotency filter's connection and, for its committed steps,
 * briefly a second one; without a bound, a burst of payments could hold every pooled connection while each waits
 * for its second. Runs before the idempotency filter, so a waiting request holds no connection. Not a correctness
 * lock: it bounds resources on one server.
 */
@Component
// after authentication (anonymous requests must not hold payment permits) and before the general admission
// (common.DatabaseAdmission): a payment waiting here must not sit on an admission permit entries and exits need
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class PaymentBulkhead extends OncePerRequestFilter {

    private static final long WAIT_SECONDS = 10;

    private final Semaphore permits;

    PaymentBulkhead(PaymentProperties properties, DataSource dataSource) {
        int pool = dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : 10;
        this.permits = new Semaphore(
                properties.maxConcurrent() > 0 ? properties.maxConcurrent() : Math.max(1, pool / 2), true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getMethod().equals("POST") || !request.getRequestURI().startsWith("/v1/payments");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            busy(response, request);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private static void busy(HttpServletResponse response, HttpServletRequest request) throws IOException {
        response.setHeader("Retry-After", "1");
        ProblemJson.write(
                response,
                request,
                503,
                "payments-busy",
                "Too many payments at once",
                "Too many payments are running on this server; retry with the same idempotency key");
    }
}
