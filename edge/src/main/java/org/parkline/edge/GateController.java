package org.parkline.edge;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.ExitQuote;
import org.parkline.client.ExitRequest;
import org.parkline.client.ParklineApiException;
import org.parkline.client.ParklineClient;
import org.parkline.client.Payment;
import org.parkline.client.PaymentRequest;
import org.parkline.client.Ticket;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.edge.journal.ExitRecord;
import org.parkline.edge.journal.Journal;
import org.parkline.edge.journal.LocalTicket;
import org.parkline.edge.journal.OfflineEntry;
import org.parkline.pricing.Quote;

/**
 * Decides entries and exits at the lot's gates. Online, central decides (through {@code client/}, the gate's event
 * id as idempotency key, so a retry never makes a second ticket or charge); when central is lost, the controller
 * decides alone: entries on its escrowed quota, exits priced from the cached tariff. Either way the event is
 * committed to the journal before the barrier moves. One vehicle at a time per gate.
 */
public final class GateController {

    /** How the parker pays at an exit: cash, a card at the lane's terminal, or nothing (the fee is recorded). */
    public enum PaymentChoice {
        CASH,
        CARD,
        NONE
    }

    private static final Duration PLATE_MAX_AGE = Duration.ofSeconds(15);

    private final EdgeConfig config;
    private final Journal journal;
    private final CentralLink central;
    private final PricingSnapshot pricing;
    private final PermitSource permits;
    private final GateModes modes;
    private final Map<String, Lane> lanes;
    private final Clock clock;
    private final Map<String, Object> laneLocks = new ConcurrentHashMap<>();

    public GateController(
            EdgeConfig config,
            Journal journal,
            CentralLink central,
            PricingSnapshot pricing,
            PermitSource permits,
            GateModes modes,
            Map<String, Lane> lanes,
            Clock clock) {
        this.config = config;
        this.journal = journal;
        this.central = central;
        this.pricing = pricing;
        this.permits = permits;
        this.modes = modes;
        this.lanes = Map.copyOf(lanes);
        this.clock = clock;
    }

    /** A vehicle at an entry gate; {@code plate} null means: use the lane camera's latest confident read. */
    public Decision enter(String gateId, VehicleType type, String plate) {
        synchronized (laneLocks.computeIfAbsent(gateId, id -> new Object())) {
            Lane lane = lane(gateId);
            String read = plate != null ? plate : plateRead(lane);
            if (modes.of(gateId) == GateModes.Mode.FORCED_CLOSED) {
                return refuse(lane, gateId, "Entry closed. Please use another entrance.");
            }
            String eventId = journal.nextEventId(gateId);
            if (central.online()) {
                try {
                    return enterOnline(lane, gateId, eventId, type, read);
                } catch (ParklineApiException e) {
                    if (!CentralLink.isOutage(e)) return refuse(lane, gateId, entryRefusal(e));
                    central.lost();
                } catch (RuntimeException e) {
                    if (!CentralLink.isOutage(e)) throw e;
                    central.lost();
                }
            }
            return enterOffline(lane, gateId, eventId, type, read);
        }
    }

    /** A ticket presented at an exit gate. */
    public Decision exit(String gateId, String barcode, String plate, PaymentChoice payment) {
        synchronized (laneLocks.computeIfAbsent(gateId, id -> new Object())) {
            Lane lane = lane(gateId);
            if (modes.of(gateId) == GateModes.Mode.FORCED_CLOSED) {
                return refuse(lane, gateId, "Exit closed. Please use another exit.");
            }
            String eventId = journal.nextEventId(gateId);
            BigDecimal paidNow = BigDecimal.ZERO;
            if (central.online()) {
                OnlineExit attempt = new OnlineExit();
                try {
                    return exitOnline(lane, gateId, eventId, barcode, plate, payment, attempt);
                } catch (ParklineApiException e) {
                    if (!CentralLink.isOutage(e)) return refuse(lane, gateId, exitRefusal(e));
                    central.lost();
                } catch (RuntimeException e) {
                    if (!CentralLink.isOutage(e)) throw e;
                    central.lost();
                }
                paidNow = attempt.paid;
            }
            return exitOffline(lane, gateId, eventId, barcode, plate, payment, paidNow);
        }
    }

    private Decision enterOnline(Lane lane, String gateId, String eventId, VehicleType type, String plate) {
        ParklineClient api = central.gate(gateId);
        EntryRequest request = new EntryRequest(
                        config.lotId(), gateId, new Vehicle(type, plate), EntryPreferences.none(), null)
                .withEdgeRef(eventId);
        Ticket ticket = api.enter(request, eventId);
        Instant at =
                ticket.issuedAt() == null ? clock.instant() : ticket.issuedAt().toInstant();
        journal.recordOnlineEntry(eventId, gateId, at, type.name(), ticket.barcode(), ticket.ticketId());
        String where = ticket.spot() != null ? "Spot " + ticket.spot().spotId() : "Zone " + ticket.zone();
        lane.printer().print(ticket.barcode(), config.lotId() + " " + at + " " + where);
        lane.display().show("Welcome. " + where);
        lane.barrier().open();
        return new Decision(
                gateId, eventId, true, true, ticket.barcode(), ticket.ticketId(), "Welcome", null, null, null);
    }

    private Decision enterOffline(Lane lane, String gateId, String eventId, VehicleType type, String plate) {
        boolean permitHolder = plate != null && permits.allowsTicketless(config.lotId(), plate);
        boolean admitWithoutPlace =
                switch (config.whenQuotaSpent()) {
                    case REFUSE -> false;
                    case ADMIT_UNGUARANTEED -> true;
                    case PERMITS_ONLY -> permitHolder;
                };
        Instant now = clock.instant();
        java.util.Optional<OfflineEntry> entry =
                journal.admitOffline(eventId, gateId, now, type.name(), plate, admitWithoutPlace);
        if (entry.isEmpty()) {
            return refuse(lane, gateId, "OFFLINE: car park full. Please try later.");
        }
        String where = entry.get()
                .place()
                .map(p -> p.spotId() != null ? "Spot " + p.spotId() : "Zone " + p.zone())
                .orElse("any free place");
        lane.printer().print(eventId, config.lotId() + " " + now + " " + where);
        lane.display().show("OFFLINE MODE. Welcome. " + where);
        lane.barrier().open();
        return new Decision(gateId, eventId, true, false, eventId, null, "Welcome (offline)", null, null, null);
    }

    /** What an online exit had already done when central was lost: money paid must not be asked twice. */
    private static final class OnlineExit {
        BigDecimal paid = BigDecimal.ZERO;
    }

    private Decision exitOnline(
            Lane lane,
            String gateId,
            String eventId,
            String barcode,
            String plate,
            PaymentChoice payment,
            OnlineExit attempt) {
        ParklineClient api = central.gate(gateId);
        Ticket ticket = api.ticketByBarcode(barcode);
        ExitQuote quote = api.quote(ticket.ticketId());
        String paymentId = null;
        if (quote.amount().signum() > 0) {
            if (payment == PaymentChoice.NONE) {
                return refuse(lane, gateId, "Please pay " + quote.amount() + " " + quote.currency());
            }
            String key = eventId + "-pay";
            Payment paid = api.pay(
                    new PaymentRequest(
                            ticket.ticketId(),
                            payment == PaymentChoice.CASH
                                    ? org.parkline.client.PaymentMethod.CASH
                                    : org.parkline.client.PaymentMethod.CARD,
                            payment == PaymentChoice.CASH ? null : "tok_edge_card",
                            key,
                            quote.amount()),
                    key);
            if (!paid.captured() && !paid.pending()) {
                return refuse(lane, gateId, "Payment declined. Please try another card or cash.");
            }
            attempt.paid = paid.amount();
            paymentId = paid.paymentId();
        }
        api.exit(ticket.ticketId(), new ExitRequest(gateId, paymentId, plate), eventId);
        journal.recordExit(new ExitRecord(
                eventId, gateId, clock.instant(), true, null, barcode, ticket.ticketId(), null, null, null));
        lane.display().show("Thank you. Goodbye.");
        lane.barrier().open();
        return new Decision(gateId, eventId, true, true, barcode, ticket.ticketId(), "Goodbye", null, null, null);
    }

    private Decision exitOffline(
            Lane lane,
            String gateId,
            String eventId,
            String barcode,
            String plate,
            PaymentChoice payment,
            BigDecimal paidNow) {
        Instant now = clock.instant();
        java.util.Optional<LocalTicket> known = journal.ticket(barcode);
        if (known.isPresent() && known.get().exitedAt() != null) {
            return refuse(lane, gateId, "OFFLINE: this ticket was already used to exit. Please call an attendant.");
        }
        java.util.Optional<Quote> quote = known.isPresent()
                ? pricing.price(known.get().entryAt(), now, known.get().vehicleType(), false)
                : pricing.price(now, now, "CAR", true); // a ticket this lot never issued: the lost-ticket fee
        BigDecimal due = quote.map(Quote::amountDue).orElse(BigDecimal.ZERO).subtract(paidNow);
        if (due.signum() < 0) due = BigDecimal.ZERO;
        BigDecimal collected = BigDecimal.ZERO;
        if (due.signum() > 0) {
            boolean taken =
                    switch (payment) {
                        case CASH -> true;
                        case CARD ->
                            lane.card().providerReachable() && lane.card().charge(due, pricing.currency(), eventId);
                        case NONE -> false;
                    };
            if (taken) collected = due;
        }
        BigDecimal uncollected = due.subtract(collected);
        journal.recordExit(new ExitRecord(
                eventId,
                gateId,
                now,
                false,
                plate,
                barcode,
                known.map(LocalTicket::centralTicketId).orElse(null),
                due,
                collected,
                uncollected));
        lane.display()
                .show(
                        uncollected.signum() > 0
                                ? "OFFLINE MODE. " + uncollected + " " + pricing.currency()
                                        + " recorded as owed. Goodbye."
                                : "OFFLINE MODE. Thank you. Goodbye.");
        lane.barrier().open();
        return new Decision(
                gateId,
                eventId,
                true,
                false,
                barcode,
                known.map(LocalTicket::centralTicketId).orElse(null),
                "Goodbye (offline)",
                due,
                collected,
                uncollected);
    }

    private Decision refuse(Lane lane, String gateId, String message) {
        lane.display().show(message);
        return Decision.refused(gateId, central.online(), message);
    }

    private String plateRead(Lane lane) {
        return lane.camera()
                .latest(clock.instant(), PLATE_MAX_AGE)
                .filter(r -> r.confidence() >= config.minPlateConfidence())
                .map(org.parkline.edge.device.PlateCamera.PlateRead::plate)
                .orElse(null);
    }

    private Lane lane(String gateId) {
        Lane lane = lanes.get(gateId);
        if (lane == null) throw new IllegalArgumentException("gate " + gateId + " has no lane configured");
        return lane;
    }

    private static String entryRefusal(ParklineApiException e) {
        return switch (e.problem()) {
            case "lot-full" -> "Car park full.";
            case "vehicle-already-inside" -> "This vehicle is already inside. Please call an attendant.";
            case "gate-closed" -> "Entry closed. Please use another entrance.";
            default -> "Entry refused. Please call an attendant.";
        };
    }

    private static String exitRefusal(ParklineApiException e) {
        return switch (e.problem()) {
            case "not-found" -> "Ticket not recognised. Please call an attendant.";
            case "already-exited" -> "This ticket was already used to exit. Please call an attendant.";
            case "payment-required" -> "Please pay before leaving.";
            case "plate-mismatch" -> "Plate does not match the ticket. Please call an attendant.";
            default -> "Exit refused. Please call an attendant.";
        };
    }
}
