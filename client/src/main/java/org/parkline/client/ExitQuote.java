package org.parkline.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a stay costs if the vehicle leaves at {@code exitAt} ({@code GET /v1/tickets/{id}/quote}).
 *
 * @param ticketId the ticket priced
 * @param entryAt entry time
 * @param exitAt the exit time priced
 * @param amount what is still due now ({@code total - paid})
 * @param total the full price of the stay
 * @param paid what captured payments already cover
 * @param currency ISO 4217 code
 * @param ruleSetVersion the pricing rule-set version applied
 * @param breakdown how the total was reached
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
        List<QuoteLine> breakdown) {}
