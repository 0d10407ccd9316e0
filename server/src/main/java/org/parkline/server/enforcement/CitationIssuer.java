package org.parkline.server.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.common.PlateProtector;
import org.parkline.server.common.ProtectedPlate;
import org.parkline.server.identity.Actor;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a citation. For a NO_PAYMENT violation it first runs the plate check on the live data, and refuses when the
 * plate's parking is valid (a permit bought a minute ago, a gate ticket, an exemption): the wrong citation is never
 * written. The citation can be looked up and paid the moment this transaction commits.
 */
@Service
class CitationIssuer {

    private final CitationBook book;
    private final FineSchedule fines;
    private final PlateCheck check;
    private final Patrols patrols;
    private final PlateProtector plates;
    private final LotCatalog lots;
    private final LotAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CitationIssuer(
            CitationBook book,
            FineSchedule fines,
            PlateCheck check,
            Patrols patrols,
            PlateProtector plates,
            LotCatalog lots,
            LotAccess access,
            ApplicationEventPublisher events,
            Clock clock) {
        this.book = book;
        this.fines = fines;
        this.check = check;
        this.patrols = patrols;
        this.plates = plates;
        this.lots = lots;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    record Issue(
            String lotId,
            @Nullable String zone,
            String plate,
            @Nullable String vehicle,
            String violationCode,
            @Nullable String location,
            @Nullable String patrolId) {}

    @Transactional
    Citation issue(Issue issue) {
        Lot lot = lots.lot(issue.lotId()).orElseThrow(() -> ApiProblem.notFound("lot", issue.lotId()));
        access.requireLot(lot.id());
        Zones.require(lots, lot.id(), issue.zone());
        ProtectedPlate plate = plates.protect(issue.plate()).orElseThrow(() -> ApiProblem.invalid("plate: required"));
        FineSchedule.Fine fine = fines.find(lot.id(), issue.violationCode())
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unknown-violation",
                        "Unknown violation code",
                        "Lot " + lot.id() + " has no violation code " + issue.violationCode()
                                + " in its fine schedule (GET /v1/lots/" + lot.id() + "/fines)"));
        if (issue.patrolId() != null) patrols.requireOpen(issue.patrolId(), lot.id());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (fine.kind() == FineSchedule.Kind.NO_PAYMENT) {
            PlateCheck.Result result = check.check(plate.lookupHash(), lot.id(), issue.zone(), clock.instant());
            if (result.verdict() == PlateCheck.Verdict.VALID) {
                throw new ApiProblem(
                                HttpStatus.CONFLICT,
                                "parking-is-valid",
                                "Parking is valid",
                                "This plate's parking is valid here now ("
                                        + result.reasons().getFirst().source() + "); no citation for " + fine.code()
                                        + " was written")
                        .with("reasons", result.reasons());
            }
        }
        Citation citation = new Citation(
                Ids.next("CT", clock),
                org.parkline.server.common.Ids.digits(10),
                lot.id(),
                issue.zone(),
                issue.location() == null ? null : issue.location().strip(),
                plate,
                issue.vehicle() == null ? null : issue.vehicle().strip(),
                fine.code(),
                fine.description(),
                fine.amount(),
                fine.lateFee(),
                now.plus(Duration.ofDays(fine.lateAfterDays())),
                null,
                lot.currency(),
                CitationStatus.ISSUED,
                Actor.current().id(),
                issue.patrolId(),
                now);
        book.insert(citation);
        events.publishEvent(
                new Audited("citation.issued", "citation", citation.id(), lot.id(), null, Citations.state(citation)));
        events.publishEvent(new CitationIssued(
                citation.id(),
                citation.number(),
                lot.id(),
                fine.code(),
                fine.amount(),
                lot.currency().getCurrencyCode(),
                now));
        return citation;
    }

    /** Withdraws a citation written in error (before it was paid or appealed). */
    @Transactional
    Citation voidIt(String citationId, String reason, Citations citations) {
        if (reason.strip().length() < 5) throw ApiProblem.invalid("reason: at least 5 characters saying why");
        Citation c = book.lock(citationId).orElseThrow(() -> ApiProblem.notFound("citation", citationId));
        access.requireLot(c.lotId());
        if (c.status() != CitationStatus.ISSUED
                || citations.owed(c, clock.instant()).paid().signum() > 0) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "citation-not-voidable",
                    "Citation cannot be voided",
                    "Citation " + c.number() + " is " + c.status()
                            + " or has payments; only an unpaid ISSUED citation can be voided (an appeal can cancel it)");
        }
        return citations.transition(c, CitationStatus.VOID, "citation.voided", Map.of("reason", reason.strip()));
    }
}
