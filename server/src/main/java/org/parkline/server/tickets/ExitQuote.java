package org.parkline.server.tickets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What leaving now costs: the stay's total, what was paid, what is still due, and how the price was reached. The
 * ticket's validation codes are applied; {@code lostTicket} says whether it was priced as a lost ticket.
 */
public record ExitQuote(
        String ticketId,
        OffsetDateTime entryAt,
        OffsetDateTime exitAt,
        BigDecimal amount,
        BigDecimal total,
        BigDecimal paid,
        String currency,
        String ruleSetVersion,
        boolean lostTicket,
        List<String> validations,
        List<Line> breakdown) {

    public record Line(String rule, Instant from, Instant to, BigDecimal amount) {}
}
