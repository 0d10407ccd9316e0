package org.parkline.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The answer to an accepted exit: the ticket is closed and the barrier may open.
 *
 * @param ticketId the ticket closed
 * @param status the ticket's status, {@link TicketStatus#CLOSED}
 * @param exitAt when the vehicle left
 * @param amountPaid what the stay was paid, including payments whose capture is still pending
 * @param amountPending the part of {@code amountPaid} whose capture is still pending ({@code null}
 *     from servers without pending exit)
 * @param currency ISO 4217 code
 * @param barrier what the gate should do, {@code OPEN}
 */
public record ExitReceipt(
        String ticketId,
        TicketStatus status,
        OffsetDateTime exitAt,
        BigDecimal amountPaid,
        String currency,
        String barrier,
        BigDecimal amountPending) {}
