package org.parkline.server.tickets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.common.PlateProtector;
import org.parkline.server.common.ProtectedPlate;
import org.parkline.server.inventory.AllocationRequest;
import org.parkline.server.inventory.EdgeQuotas;
import org.parkline.server.inventory.Placement;
import org.parkline.server.inventory.SpotAllocator;
import org.parkline.server.lots.Gate;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.parkline.server.lots.SpotType;
import org.parkline.server.lots.ZonePlace;
import org.parkline.server.payments.Payments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports what an edge controller's gates did while central was unreachable, exactly once: each event takes effect
 * in the same transaction as its edge_event row, whose key is the edge's own event id, so a replay after a
 * crash or timeout finds the row and answers with the first outcome. Conflicts get defined outcomes
 * ({@link EdgeOutcome}), never an error: the barrier has already moved.
 */
@Service
class EdgeJournalImport {

    private final LotCatalog lots;
    private final TicketBook tickets;
    private final EdgeEvents events;
    private final EdgeQuotas quotas;
    private final SpotAllocator allocator;
    private final Payments payments;
    private final PlateProtector plates;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final TransactionTemplate batch;
    private final TransactionTemplate savepoint;

    EdgeJournalImport(
            LotCatalog lots,
            TicketBook tickets,
            EdgeEvents events,
            EdgeQuotas quotas,
            SpotAllocator allocator,
            Payments payments,
            PlateProtector plates,
            ApplicationEventPublisher publisher,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.lots = lots;
        this.tickets = tickets;
        this.events = events;
        this.quotas = quotas;
        this.allocator = allocator;
        this.payments = payments;
        this.plates = plates;
        this.publisher = publisher;
        this.clock = clock;
        this.batch = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** One journal event as the edge recorded it. */
    record JournalEvent(
            String eventId,
            String gateId,
            String kind,
            Instant occurredAt,
            @Nullable VehicleType vehicleType,
            @Nullable String plate,
            @Nullable String quotaPlaceId,
            @Nullable String ticketRef,
            @Nullable BigDecimal amountCollected,
            @Nullable BigDecimal amountUncollected) {}

    record Imported(
            String eventId, String outcome, @Nullable String ticketId, @Nullable String detail, boolean replay) {}

    /**
     * One transaction for the batch: one commit (one WAL flush) per replay request instead of one per event, which
     * is what limited replay throughput. Still exactly once: each event's row and effect commit together, and a
     * failed batch changes nothing and is sent again.
     */
    List<Imported> importAll(Lot lot, Map<String, Gate> gates, List<JournalEvent> journal) {
        return batch.execute(tx -> journal.stream()
                .map(e -> importOne(lot, gates.get(e.gateId()), e))
                .toList());
    }

    private Imported importOne(Lot lot, Gate gate, JournalEvent e) {
        Instant now = clock.instant();
        if (!events.begin(lot.id(), e.eventId(), gate.id(), e.kind(), e.occurredAt(), now)) {
            EdgeEvents.Outcome first = events.find(lot.id(), e.eventId()).orElseThrow();
            return new Imported(first.eventId(), first.outcome(), first.ticketId(), first.detail(), true);
        }
        Imported imported = e.kind().equals("ENTRY") ? enter(lot, gate, e) : exit(lot, gate, e);
        BigDecimal collected = e.kind().equals("EXIT") ? money(e.amountCollected(), lot) : null;
        BigDecimal uncollected = e.kind().equals("EXIT") ? money(e.amountUncollected(), lot) : null;
        events.finish(
                lot.id(),
                e.eventId(),
                imported.outcome(),
                imported.ticketId(),
                imported.detail(),
                collected,
                uncollected);
        return imported;
    }

    private Imported enter(Lot lot, Gate gate, JournalEvent e) {
        Optional<String> online = tickets.idByRef(lot.id(), e.eventId());
        if (online.isPresent()) {
            if (e.quotaPlaceId() != null) quotas.release(lot, gate.id(), e.quotaPlaceId());
            return imported(e, EdgeOutcome.ALREADY_ENTERED, online.get(), "central issued this entry's ticket online");
        }
        VehicleType type = e.vehicleType() == null ? VehicleType.CAR : e.vehicleType();
        ProtectedPlate plate = plates.protect(e.plate()).orElse(null);
        EdgeOutcome outcome = EdgeOutcome.ENTERED;
        String detail = null;
        Optional<Placement> placement =
                e.quotaPlaceId() == null ? Optional.empty() : quotas.claim(lot, e.quotaPlaceId());
        boolean overCapacity = false;
        if (placement.isEmpty()) {
            outcome = EdgeOutcome.ENTERED_OVER_QUOTA;
            detail = e.quotaPlaceId() == null
                    ? "admitted offline without a quota place"
                    : "quota place " + e.quotaPlaceId() + " was no longer held";
            placement = allocateNow(lot, gate, type);
            if (placement.isEmpty()) {
                outcome = EdgeOutcome.ENTERED_OVER_CAPACITY;
                detail += "; the lot had no place left, the ticket counts none";
                overCapacity = true;
                placement = Optional.of(nominal(lot, gate, type));
            }
        }
        if (plate != null) {
            Optional<String[]> other = tickets.activeWithPlateAnywhere(plate.lookupHash());
            if (other.isPresent()) {
                boolean here = other.get()[1].equals(lot.id());
                String seen = (here
                                ? "plate already active in this lot as ticket "
                                : "plate also active in lot " + other.get()[1] + " as ticket ")
                        + other.get()[0];
                detail = detail == null ? seen : detail + "; " + seen;
                if (outcome == EdgeOutcome.ENTERED) {
                    outcome = here
                            ? EdgeOutcome.ENTERED_PLATE_ALREADY_INSIDE
                            : EdgeOutcome.ENTERED_PLATE_ACTIVE_ELSEWHERE;
                }
            }
        }
        Instant at = e.occurredAt().truncatedTo(ChronoUnit.SECONDS);
        Ticket ticket = new Ticket(
                Ids.next("T", clock),
                lot.id(),
                TicketStatus.ACTIVE,
                type,
                plate,
                placement.get(),
                e.eventId(),
                gate.id(),
                at,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        tickets.insert(ticket, e.eventId(), overCapacity);
        Placement p = placement.get();
        publisher.publishEvent(new Audited(
                "ticket.imported",
                "ticket",
                ticket.id(),
                lot.id(),
                null,
                Map.of(
                        "status", "ACTIVE",
                        "entryGateId", gate.id(),
                        "edgeEventId", e.eventId(),
                        "outcome", outcome.name(),
                        "spotId", String.valueOf(p.spotId()),
                        "zone", p.floorId() + "/" + p.zone())));
        publisher.publishEvent(
                new TicketCreated(ticket.id(), lot.id(), gate.id(), p.spotId(), p.floorId(), p.zone(), at));
        return imported(e, outcome, ticket.id(), detail);
    }

    private Imported exit(Lot lot, Gate gate, JournalEvent e) {
        Optional<Ticket> found = e.ticketRef() == null
                ? Optional.empty()
                : tickets.idByRef(lot.id(), e.ticketRef()).flatMap(tickets::lock);
        if (found.isEmpty()) {
            return imported(e, EdgeOutcome.UNKNOWN_TICKET, null, "no ticket " + e.ticketRef() + " in lot " + lot.id());
        }
        Ticket ticket = found.get();
        if (ticket.status() != TicketStatus.ACTIVE) {
            return imported(
                    e,
                    EdgeOutcome.ALREADY_EXITED,
                    ticket.id(),
                    "ticket was already " + ticket.status() + " (exit " + ticket.exitAt() + " at gate "
                            + ticket.exitGateId() + ")");
        }
        Instant at = e.occurredAt().truncatedTo(ChronoUnit.SECONDS);
        Instant exitAt = at.isBefore(ticket.entryAt()) ? ticket.entryAt() : at;
        BigDecimal collected = money(e.amountCollected(), lot);
        BigDecimal uncollected = money(e.amountUncollected(), lot);
        BigDecimal paidOnline =
                payments.settlement(TicketQuotes.PAYABLE_KIND, ticket.id()).covered();
        BigDecimal charged = money(paidOnline.add(collected), lot);
        if (tickets.closeFromEdge(ticket.id(), gate.id(), exitAt, charged, uncollected)) {
            allocator.release(lot.id(), ticket.placement());
        }
        publisher.publishEvent(new Audited(
                "ticket.closed",
                "ticket",
                ticket.id(),
                lot.id(),
                Map.of("status", "ACTIVE"),
                Map.of(
                        "status", "CLOSED",
                        "exitGateId", gate.id(),
                        "edgeEventId", e.eventId(),
                        "amountPaid", charged.toPlainString(),
                        "amountUncollected", uncollected.toPlainString())));
        publisher.publishEvent(new TicketClosed(
                ticket.id(),
                lot.id(),
                gate.id(),
                ticket.placement().spotId(),
                exitAt,
                charged,
                lot.currency().getCurrencyCode()));
        return imported(
                e,
                EdgeOutcome.EXITED,
                ticket.id(),
                uncollected.signum() > 0 ? "uncollected " + uncollected.toPlainString() : null);
    }

    /** The allocator's usual choice, in a savepoint: a full lot rolls back only the attempt, not the event. */
    private Optional<Placement> allocateNow(Lot lot, Gate gate, VehicleType type) {
        try {
            return Optional.ofNullable(savepoint.execute(
                    tx -> allocator.allocate(new AllocationRequest(lot, gate, type.name(), false, false, null))));
        } catch (org.parkline.server.common.ApiProblem full) { // lot-full, or no spot type for the vehicle
            return Optional.empty();
        }
    }

    /** Where an over-capacity vehicle is recorded: the entry gate's floor and zone; it takes no spot. */
    private Placement nominal(Lot lot, Gate gate, VehicleType type) {
        String zone = gate.zone() != null
                ? gate.zone()
                : lots.zones(lot.id()).stream()
                        .filter(z -> z.floorId().equals(gate.floorId()))
                        .map(ZonePlace::zone)
                        .findFirst()
                        .orElseThrow();
        SpotType spotType =
                switch (type) {
                    case MOTORBIKE -> SpotType.MOTORBIKE;
                    case TRUCK -> SpotType.LARGE;
                    default -> SpotType.COMPACT;
                };
        return new Placement(null, gate.floorId(), zone, spotType);
    }

    private static BigDecimal money(@Nullable BigDecimal amount, Lot lot) {
        BigDecimal a = amount == null ? BigDecimal.ZERO : amount;
        return a.setScale(lot.currency().getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP);
    }

    private static Imported imported(
            JournalEvent e, EdgeOutcome outcome, @Nullable String ticketId, @Nullable String detail) {
        return new Imported(e.eventId(), outcome.name(), ticketId, detail, false);
    }
}
