package org.parkline.server.permits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.common.PlateProtector;
import org.parkline.server.common.ProtectedPlate;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.lots.LotCatalog;
import org.parkline.server.payments.Payments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sells permits and runs their lifecycle. A purchase is a permit PENDING_PAYMENT with a DUE charge; paying the
 * permit (POST /v1/payments with permitId) makes it ACTIVE in the payment's own capture transaction
 * ({@link PermitPayables}). A free permit is ACTIVE at once.
 */
@Service
class PermitSales {

    static final String PAYABLE_KIND = "PERMIT";

    private final PermitTypes types;
    private final PermitBook permits;
    private final PermitWaitlist waitlist;
    private final PlateProtector plates;
    private final Payments payments;
    private final LotCatalog lots;
    private final LotAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration paymentHold;

    PermitSales(
            PermitTypes types,
            PermitBook permits,
            PermitWaitlist waitlist,
            PlateProtector plates,
            Payments payments,
            LotCatalog lots,
            LotAccess access,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${parkline.permits.payment-hold:PT30M}") Duration paymentHold) {
        this.types = types;
        this.permits = permits;
        this.waitlist = waitlist;
        this.plates = plates;
        this.payments = payments;
        this.lots = lots;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.paymentHold = paymentHold;
    }

    record Purchase(String typeId, String holderRef, List<String> plates, @Nullable Instant validFrom) {}

    @Transactional
    Permit buy(Purchase purchase) {
        PermitType type =
                types.lock(purchase.typeId()).orElseThrow(() -> ApiProblem.notFound("permit type", purchase.typeId()));
        access.requireLot(type.homeLotId());
        if (!type.active()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "permit-type-closed",
                    "Not on sale",
                    "Permit type " + type.id() + " is not sold any more");
        }
        List<ProtectedPlate> vehicles = vehicles(type, purchase.plates());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = purchase.validFrom() == null ? now : purchase.validFrom().truncatedTo(ChronoUnit.SECONDS);
        if (from.isBefore(now.minus(Duration.ofMinutes(5))) || from.isAfter(now.plus(Duration.ofDays(90)))) {
            throw ApiProblem.invalid("validFrom: from now up to 90 days ahead");
        }
        if (type.quota() != null && permits.heldOfType(type.id(), now, now.minus(paymentHold)) >= type.quota()) {
            throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "permit-sold-out",
                            "Sold out",
                            "All " + type.quota() + " permits of type '" + type.name()
                                    + "' are held; join the waitlist to be offered the next one")
                    .with("waitlist", "/v1/permit-types/" + type.id() + "/waitlist");
        }
        Instant until = end(type, from);
        boolean free = type.price().signum() == 0;
        Permit permit = new Permit(
                Ids.next("PM", clock),
                type.id(),
                type.homeLotId(),
                purchase.holderRef(),
                free ? PermitStatus.ACTIVE : PermitStatus.PENDING_PAYMENT,
                from,
                until,
                now);
        permits.insert(permit, null);
        permits.insertCharge(
                new PermitBook.Charge(
                        Ids.next("PC", clock),
                        permit.id(),
                        "PURCHASE",
                        type.price(),
                        BigDecimal.ZERO,
                        free ? "PAID" : "DUE",
                        from,
                        until),
                now);
        for (ProtectedPlate plate : vehicles) permits.addVehicle(permit.id(), plate, now);
        waitlist.fulfilled(type.id(), purchase.holderRef());
        Map<String, Object> after = state(permit);
        after.put("vehicles", vehicles.size());
        audit("permit.created", permit, null, after);
        if (free) events.publishEvent(new PermitIssued(permit.id(), type.id(), permit.lotId(), from, until));
        return permit;
    }

    /** Adds a renewal charge for the next term; paying it extends the permit (at once when free). */
    @Transactional
    Permit renew(String permitId) {
        Permit permit = lockVisible(permitId);
        PermitType type = types.find(permit.typeId()).orElseThrow();
        if (permit.status() != PermitStatus.ACTIVE && permit.status() != PermitStatus.SUSPENDED) {
            throw notNow(permit, "renewed");
        }
        if (permits.charges(permit.id()).stream().anyMatch(c -> c.status().equals("DUE"))) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "renewal-pending",
                    "Renewal already due",
                    "Permit " + permit.id() + " has an unpaid charge; pay it (POST /v1/payments with permitId)");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = permit.validUntil().isAfter(now) ? permit.validUntil() : now;
        Instant until = end(type, from);
        boolean free = type.price().signum() == 0;
        permits.insertCharge(
                new PermitBook.Charge(
                        Ids.next("PC", clock),
                        permit.id(),
                        "RENEWAL",
                        type.price(),
                        BigDecimal.ZERO,
                        free ? "PAID" : "DUE",
                        from,
                        until),
                now);
        audit("permit.renewal_charged", permit, state(permit), with(state(permit), "renewalUntil", until.toString()));
        if (free) return extend(permit, from, until, now);
        return permit;
    }

    /** Called when a payment for the permit is captured: marks covered charges PAID and applies their terms. */
    void settle(String permitId) {
        Permit permit = permits.lock(permitId).orElse(null);
        if (permit == null) return;
        BigDecimal covered = payments.settlement(PAYABLE_KIND, permitId).covered();
        BigDecimal charged = BigDecimal.ZERO;
        Instant now = clock.instant();
        Permit current = permit;
        for (PermitBook.Charge charge : permits.charges(permitId)) {
            if (charge.status().equals("CANCELLED")) continue;
            charged = charged.add(charge.amount().subtract(charge.refunded()));
            if (!charge.status().equals("DUE") || covered.compareTo(charged) < 0) continue;
            permits.chargePaid(charge.id(), now);
            if (charge.kind().equals("PURCHASE") && current.status() == PermitStatus.PENDING_PAYMENT) {
                permits.update(current.id(), PermitStatus.ACTIVE, current.validFrom(), current.validUntil(), now);
                Permit active = permits.find(current.id()).orElseThrow();
                audit("permit.activated", active, state(current), state(active));
                events.publishEvent(new PermitIssued(
                        active.id(), active.typeId(), active.lotId(), active.validFrom(), active.validUntil()));
                current = active;
            } else if (charge.kind().equals("RENEWAL")) {
                current = extend(current, charge.termFrom(), charge.termUntil(), now);
            }
        }
    }

    @Transactional
    Permit changeStatus(String permitId, PermitStatus to, String reason) {
        if (reason.strip().length() < 5) throw ApiProblem.invalid("reason: at least 5 characters saying why");
        Permit permit = lockVisible(permitId);
        boolean allowed =
                switch (to) {
                    case SUSPENDED -> permit.status() == PermitStatus.ACTIVE;
                    case ACTIVE -> permit.status() == PermitStatus.SUSPENDED;
                    case REVOKED ->
                        permit.status() == PermitStatus.ACTIVE
                                || permit.status() == PermitStatus.SUSPENDED
                                || permit.status() == PermitStatus.PENDING_PAYMENT;
                    default -> false;
                };
        if (!allowed) throw notNow(permit, "made " + to);
        Instant now = clock.instant();
        permits.update(permit.id(), to, permit.validFrom(), permit.validUntil(), now);
        if (to == PermitStatus.REVOKED) {
            permits.charges(permit.id()).stream()
                    .filter(c -> c.status().equals("DUE"))
                    .forEach(c -> permits.chargeCancelled(c.id()));
            waitlist.offerNext(permit.typeId());
        }
        Permit after = permits.find(permit.id()).orElseThrow();
        audit("permit." + to.name().toLowerCase(), after, state(permit), with(state(after), "reason", reason.strip()));
        return after;
    }

    /** Replaces the permit's vehicles (a new car, a second car): the old rows end, the history stays. */
    @Transactional
    Permit transfer(String permitId, List<String> newPlates) {
        Permit permit = lockVisible(permitId);
        if (permit.status() == PermitStatus.REVOKED || permit.status() == PermitStatus.REFUNDED) {
            throw notNow(permit, "changed");
        }
        PermitType type = types.find(permit.typeId()).orElseThrow();
        List<ProtectedPlate> wanted = vehicles(type, newPlates);
        Instant now = clock.instant();
        List<byte[]> current = permits.vehicles(permit.id());
        for (byte[] hash : current) {
            if (wanted.stream().noneMatch(w -> Arrays.equals(w.lookupHash(), hash))) {
                permits.removeVehicle(permit.id(), hash, now);
            }
        }
        for (ProtectedPlate plate : wanted) {
            if (current.stream().noneMatch(h -> Arrays.equals(h, plate.lookupHash()))) {
                permits.addVehicle(permit.id(), plate, now);
            }
        }
        audit("permit.vehicles_changed", permit, Map.of("vehicles", current.size()), Map.of("vehicles", wanted.size()));
        return permit;
    }

    PermitType typeOf(Permit permit) {
        return types.find(permit.typeId()).orElseThrow();
    }

    /** The permit, locked, if the caller may act on it (its lot; a parker only on their own). */
    Permit lockVisible(String permitId) {
        Permit permit = permits.lock(permitId).orElseThrow(() -> ApiProblem.notFound("permit", permitId));
        PermitAccess.require(access, permit);
        return permit;
    }

    private Permit extend(Permit permit, Instant from, Instant until, Instant now) {
        Instant validFrom = permit.validUntil().isBefore(from) ? from : permit.validFrom();
        permits.update(permit.id(), permit.status(), validFrom, until, now);
        Permit after = permits.find(permit.id()).orElseThrow();
        audit("permit.renewed", after, state(permit), state(after));
        events.publishEvent(
                new PermitIssued(after.id(), after.typeId(), after.lotId(), after.validFrom(), after.validUntil()));
        return after;
    }

    private List<ProtectedPlate> vehicles(PermitType type, List<String> given) {
        if (given.isEmpty() || given.size() > type.maxVehicles()) {
            throw ApiProblem.invalid(
                    "plates: 1 to " + type.maxVehicles() + " plates for a '" + type.name() + "' permit");
        }
        List<ProtectedPlate> protectedPlates = new ArrayList<>();
        for (String plate : given) {
            ProtectedPlate p = plates.protect(plate).orElseThrow(() -> ApiProblem.invalid("plates: a plate is blank"));
            if (protectedPlates.stream().anyMatch(q -> Arrays.equals(q.lookupHash(), p.lookupHash()))) {
                throw ApiProblem.invalid("plates: the same plate is named twice");
            }
            protectedPlates.add(p);
        }
        return protectedPlates;
    }

    private Instant end(PermitType type, Instant from) {
        var zone = lots.lot(type.homeLotId()).orElseThrow().timezone();
        return from.atZone(zone).plus(type.validity()).toInstant();
    }

    private static ApiProblem notNow(Permit permit, String what) {
        return new ApiProblem(
                        HttpStatus.CONFLICT,
                        "permit-state",
                        "Not possible now",
                        "Permit " + permit.id() + " is " + permit.status() + "; it cannot be " + what)
                .with("permitStatus", permit.status());
    }

    void audit(String action, Permit p, @Nullable Map<String, Object> before, @Nullable Map<String, Object> after) {
        events.publishEvent(new Audited(action, "permit", p.id(), p.lotId(), before, after));
    }

    static Map<String, Object> state(Permit p) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", p.status().name());
        state.put("typeId", p.typeId());
        state.put("validFrom", p.validFrom().toString());
        state.put("validUntil", p.validUntil().toString());
        return state;
    }

    private static Map<String, Object> with(Map<String, Object> state, String key, Object value) {
        state.put(key, value);
        return state;
    }
}
