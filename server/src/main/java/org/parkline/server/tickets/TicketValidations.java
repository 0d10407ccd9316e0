package org.parkline.server.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.parkline.pricing.RuleSet;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.parkline.server.pricing.Tariff;
import org.parkline.server.pricing.Tariffs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merchant validation codes on a ticket (a shop stamps the ticket: "2 hours free"). A code must be one the
 * ticket's tariff defines; every quote, exit and payment of the ticket then presents it to the pricing engine.
 */
@Service
class TicketValidations {

    private final JdbcClient jdbc;
    private final TicketBook tickets;
    private final LotCatalog lots;
    private final Tariffs tariffs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LotAccess access;

    TicketValidations(
            JdbcClient jdbc,
            TicketBook tickets,
            LotCatalog lots,
            Tariffs tariffs,
            ApplicationEventPublisher events,
            Clock clock,
            LotAccess access) {
        this.access = access;
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.lots = lots;
        this.tariffs = tariffs;
        this.events = events;
        this.clock = clock;
    }

    record Validation(String code, Instant validatedAt) {}

    /** @param added false when the ticket already carried the code (nothing changed) */
    record Recorded(String ticketId, Validation validation, boolean added, List<Validation> all) {}

    /**
     * Records a code on an ACTIVE ticket. The ticket row is locked, so a validation and an exit of one ticket do
     * not cross: a validation either counts for the exit or is refused because the ticket has left.
     */
    @Transactional
    Recorded validate(String ticketId, String presented) {
        Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> ApiProblem.notFound("ticket", ticketId));
        access.requireLot(ticket.lotId()); // before anything is said about the ticket
        if (ticket.status() != TicketStatus.ACTIVE) {
            throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "ticket-not-active",
                            "Ticket not active",
                            "Ticket " + ticket.id() + " is " + ticket.status() + "; only an ACTIVE ticket is validated")
                    .with("ticketStatus", ticket.status());
        }
        access.requireLot(ticket.lotId());
        Lot lot = lots.lot(ticket.lotId()).orElseThrow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Tariff tariff = tariffs.forStay(lot, ticket.entryAt(), now.isBefore(ticket.entryAt()) ? ticket.entryAt() : now);
        String code = RuleSet.normalizePromotionCode(presented);
        if (!tariff.rules().definesPromotion(code)) {
            throw new ApiProblem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "unknown-validation-code",
                            "Unknown validation code",
                            "Code " + code + " is not a validation or promotion of lot " + lot.id()
                                    + "'s tariff (version " + tariff.version() + ")")
                    .with("code", code)
                    .with("ruleSetVersion", tariff.version());
        }
        boolean added = jdbc.sql(
                                """
                        insert into ticket_validation (ticket_id, code, lot_id, validated_at)
                        values (:ticket, :code, :lot, :at)
                        on conflict (ticket_id, code) do nothing
                        """)
                        .param("ticket", ticket.id())
                        .param("code", code)
                        .param("lot", lot.id())
                        .param("at", Timestamp.from(now))
                        .update()
                == 1;
        if (added) {
            events.publishEvent(new Audited(
                    "ticket.validated",
                    "ticket",
                    ticket.id(),
                    lot.id(),
                    null,
                    Map.of("code", code, "ruleSetVersion", tariff.version())));
        }
        List<Validation> all = of(ticket.id());
        Validation validation =
                all.stream().filter(v -> v.code().equals(code)).findFirst().orElseThrow();
        return new Recorded(ticket.id(), validation, added, all);
    }

    /** A ticket's validations, oldest first. */
    List<Validation> of(String ticketId) {
        return jdbc.sql(
                        "select code, validated_at from ticket_validation where ticket_id = :ticket order by validated_at, code")
                .param("ticket", ticketId)
                .query((rs, n) ->
                        new Validation(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    List<String> codes(String ticketId) {
        return of(ticketId).stream().map(Validation::code).toList();
    }
}
