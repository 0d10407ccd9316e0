package org.parkline.server.enforcement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.PlateProtector;
import org.parkline.server.payments.Payments;
import org.parkline.server.payments.Settlement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Citations as other capabilities see them: find one, what it owes now, and the transitions an appeal drives
 * (APPEALED, then UPHELD, REDUCED or CANCELLED). What a citation owes is read from payments at the moment it is
 * asked, so a payment captured a second ago counts.
 */
@Service
public class Citations {

    public static final String PAYABLE_KIND = "CITATION";

    private final CitationBook book;
    private final Payments payments;
    private final PlateProtector plates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Citations(
            CitationBook book,
            Payments payments,
            PlateProtector plates,
            ApplicationEventPublisher events,
            Clock clock) {
        this.book = book;
        this.payments = payments;
        this.plates = plates;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a citation owes at an instant.
     *
     * @param total the fine (or reduced amount) plus the late fee when it applies
     * @param paid captured (net of refunds) and pending payments
     * @param due what is still to pay: never below zero
     */
    public record Owed(BigDecimal total, BigDecimal paid, BigDecimal due, boolean lateFeeApplied) {}

    public Optional<Citation> find(String citationId) {
        return book.find(citationId);
    }

    /** Locks the citation row until the caller's transaction ends: decisions and payments of it queue here. */
    public Optional<Citation> lock(String citationId) {
        return book.lock(citationId);
    }

    /** The citation with this number, if the plate is its plate (the parker's look-up: number plus plate). */
    public Optional<Citation> byNumberAndPlate(String number, String plate) {
        byte[] hash = plates.lookupHash(plate);
        return book.byNumber(number.strip())
                .filter(c -> MessageDigest.isEqual(c.plate().lookupHash(), hash));
    }

    public Owed owed(Citation c, Instant at) {
        int scale = c.currency().getDefaultFractionDigits();
        Settlement settlement = payments.settlement(PAYABLE_KIND, c.id());
        BigDecimal paid = settlement.covered().setScale(scale, RoundingMode.HALF_UP);
        if (c.status() == CitationStatus.CANCELLED || c.status() == CitationStatus.VOID) {
            return new Owed(BigDecimal.ZERO.setScale(scale), paid, BigDecimal.ZERO.setScale(scale), false);
        }
        BigDecimal base = c.baseAmount();
        // paid in full before the late date: no late fee, whenever asked; an open appeal pauses it
        boolean paidInTime = paid.compareTo(base) >= 0
                && settlement.lastCapturedAt() != null
                && settlement.lastCapturedAt().isBefore(c.lateFrom());
        boolean late = !at.isBefore(c.lateFrom()) && !paidInTime && c.status() != CitationStatus.APPEALED;
        BigDecimal total = late ? base.add(c.lateFee()) : base;
        BigDecimal due = total.subtract(paid);
        return new Owed(
                total.setScale(scale, RoundingMode.HALF_UP),
                paid,
                (due.signum() > 0 ? due : BigDecimal.ZERO).setScale(scale, RoundingMode.HALF_UP),
                late);
    }

    /** The plate in the clear, for roles that may see it (officers, adjudicators). */
    public String plateOf(Citation c) {
        return plates.reveal(c.plate());
    }

    /** An evidence file's description (its content is fetched by id); {@code sha256} in hex. */
    public record EvidenceInfo(
            String evidenceId,
            String contentType,
            int sizeBytes,
            String sha256,
            @Nullable String fileName,
            String uploadedBy,
            Instant uploadedAt) {

        static EvidenceInfo of(CitationBook.Evidence e) {
            return new EvidenceInfo(
                    e.id(),
                    e.contentType(),
                    e.sizeBytes(),
                    java.util.HexFormat.of().formatHex(e.sha256()),
                    e.fileName(),
                    e.uploadedBy(),
                    e.uploadedAt());
        }
    }

    public List<EvidenceInfo> evidence(String citationId) {
        return book.evidence(citationId).stream().map(EvidenceInfo::of).toList();
    }

    /** An appeal was filed: the citation waits for the decision (its late fee paused). */
    public Citation appealed(Citation c) {
        if (c.status() != CitationStatus.ISSUED && c.status() != CitationStatus.PAID) {
            throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "citation-not-appealable",
                            "Citation cannot be appealed",
                            "Citation " + c.number() + " is " + c.status()
                                    + "; only an issued or paid citation can be appealed")
                    .with("citationStatus", c.status());
        }
        return transition(c, CitationStatus.APPEALED, "citation.appealed", Map.of());
    }

    /** The decision on an appeal. UPHELD or REDUCED restart the late date from now; fully paid becomes PAID. */
    public Citation decided(Citation c, CitationStatus decision, @Nullable BigDecimal newAmount, Duration lateAfter) {
        if (decision != CitationStatus.UPHELD
                && decision != CitationStatus.REDUCED
                && decision != CitationStatus.CANCELLED) {
            throw new IllegalArgumentException("not a decision: " + decision);
        }
        Instant now = clock.instant();
        BigDecimal reducedTo = decision == CitationStatus.REDUCED ? newAmount : c.reducedTo();
        book.decided(c.id(), decision, reducedTo, now.plus(lateAfter).truncatedTo(ChronoUnit.SECONDS), now);
        Citation after = book.find(c.id()).orElseThrow();
        audit("citation." + decision.name().toLowerCase(), c, after);
        return settleIfPaid(after);
    }

    /** PAID when nothing more is owed (after a payment, or a decision that left it covered). */
    Citation settleIfPaid(Citation c) {
        boolean settles = c.status() == CitationStatus.ISSUED
                || c.status() == CitationStatus.UPHELD
                || c.status() == CitationStatus.REDUCED
                || c.status() == CitationStatus.SENT_TO_COLLECTIONS;
        Owed owed = owed(c, clock.instant());
        if (settles && owed.due().signum() == 0 && owed.paid().signum() > 0) {
            return transition(c, CitationStatus.PAID, "citation.paid", Map.of("paid", owed.paid()));
        }
        return c;
    }

    Citation transition(Citation c, CitationStatus to, String action, Map<String, Object> detail) {
        book.status(c.id(), to, clock.instant());
        Citation after = book.find(c.id()).orElseThrow();
        Map<String, Object> state = state(after);
        state.putAll(detail);
        events.publishEvent(new Audited(action, "citation", c.id(), c.lotId(), state(c), state));
        return after;
    }

    private void audit(String action, Citation before, Citation after) {
        events.publishEvent(new Audited(action, "citation", before.id(), before.lotId(), state(before), state(after)));
    }

    static Map<String, Object> state(Citation c) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("number", c.number());
        state.put("status", c.status().name());
        state.put("violationCode", c.violationCode());
        state.put("fine", c.fine());
        if (c.reducedTo() != null) state.put("reducedTo", c.reducedTo());
        state.put("currency", c.currency().getCurrencyCode());
        return state;
    }
}
