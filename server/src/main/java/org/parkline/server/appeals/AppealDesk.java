package org.parkline.server.appeals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.enforcement.Citation;
import org.parkline.server.enforcement.CitationStatus;
import org.parkline.server.enforcement.Citations;
import org.parkline.server.enforcement.EvidenceFiles;
import org.parkline.server.identity.Actor;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.payments.PayableRefunds;
import org.parkline.server.payments.Payments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files appeals and records decisions. A decision, the citation's new status and the parker's notification are one
 * transaction; a refund it obliges is made through payments with a key derived from the appeal, so a retried
 * decision refunds once.
 */
@Service
class AppealDesk {

    private final AppealBook appeals;
    private final Citations citations;
    private final Payments payments;
    private final PayableRefunds refunds;
    private final LotAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration window;

    AppealDesk(
            AppealBook appeals,
            Citations citations,
            Payments payments,
            PayableRefunds refunds,
            LotAccess access,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${parkline.appeals.window:P21D}") Duration window) {
        this.appeals = appeals;
        this.citations = citations;
        this.payments = payments;
        this.refunds = refunds;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.window = window;
    }

    @Transactional
    Appeal submit(String number, String plate, String statement) {
        Citation citation = citations
                .byNumberAndPlate(number, plate)
                .flatMap(c -> citations.lock(c.id()))
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "citation-not-found",
                        "No such citation",
                        "No citation with this number and plate; check both against the notice"));
        Instant now = clock.instant();
        Instant until = citation.issuedAt().plus(window);
        if (now.isAfter(until)) {
            throw new ApiProblem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "appeal-window-closed",
                            "Too late to appeal",
                            "Citation " + citation.number() + " could be appealed until " + until
                                    + "; the appeal window is " + window.toDays() + " days")
                    .with("appealableUntil", until.toString());
        }
        if (statement.strip().length() < 10) {
            throw ApiProblem.invalid("statement: say in at least 10 characters why the citation is wrong");
        }
        Appeal appeal = new Appeal(
                Ids.next("AP", clock),
                citation.id(),
                citation.lotId(),
                Appeal.Status.SUBMITTED,
                statement.strip(),
                Actor.current().id(),
                now,
                null,
                null,
                null,
                BigDecimal.ZERO,
                null,
                null);
        if (!appeals.insert(appeal)) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "appeal-open",
                    "Already under appeal",
                    "Citation " + citation.number() + " has an appeal waiting for a decision");
        }
        citations.appealed(citation);
        appeals.notify(
                Ids.next("AN", clock),
                appeal.id(),
                "We received your appeal of citation " + citation.number() + ". An adjudicator will decide it.",
                now);
        events.publishEvent(new Audited(
                "appeal.submitted", "appeal", appeal.id(), appeal.lotId(), null, Map.of("citationId", citation.id())));
        return appeal;
    }

    /** Adds a file to an undecided appeal; the appellant proves it is theirs with the citation's plate. */
    @Transactional
    AppealBook.Evidence addEvidence(String appealId, String plate, @Nullable MultipartFile file) {
        Appeal appeal = appeals.lock(appealId).orElseThrow(() -> ApiProblem.notFound("appeal", appealId));
        Citation citation = citations.find(appeal.citationId()).orElseThrow();
        if (citations.byNumberAndPlate(citation.number(), plate).isEmpty()) {
            throw ApiProblem.notFound("appeal", appealId); // the same answer as a wrong id: nothing to learn
        }
        EvidenceFiles.EvidenceFile accepted = EvidenceFiles.accept(file);
        if (appeal.status() != Appeal.Status.SUBMITTED) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "appeal-decided",
                    "Appeal decided",
                    "Appeal " + appealId + " was decided already");
        }
        AppealBook.Evidence evidence = new AppealBook.Evidence(
                Ids.next("AE", clock),
                appeal.id(),
                accepted.contentType(),
                accepted.content().length,
                accepted.sha256Hex(),
                accepted.fileName(),
                Actor.current().id(),
                clock.instant());
        appeals.insertEvidence(evidence, accepted.content(), accepted.sha256());
        events.publishEvent(new Audited(
                "appeal.evidence_added",
                "appeal",
                appeal.id(),
                appeal.lotId(),
                null,
                Map.of("evidenceId", evidence.id(), "sha256", evidence.sha256(), "sizeBytes", evidence.sizeBytes())));
        return evidence;
    }

    record Decide(Appeal.Decision decision, String reason, @Nullable BigDecimal newAmount) {}

    @Transactional
    Appeal decide(String appealId, Decide d) {
        Appeal appeal = appeals.lock(appealId).orElseThrow(() -> ApiProblem.notFound("appeal", appealId));
        access.requireLot(appeal.lotId());
        if (appeal.status() != Appeal.Status.SUBMITTED) {
            throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "appeal-decided",
                            "Appeal decided",
                            "Appeal " + appealId + " was decided already")
                    .with("decision", String.valueOf(appeal.decision()));
        }
        if (d.reason().strip().length() < 10) {
            throw ApiProblem.invalid("reason: at least 10 characters; the parker is told why");
        }
        Citation citation = citations.lock(appeal.citationId()).orElseThrow();
        BigDecimal newAmount = newAmount(d, citation);
        Citations.Owed owed = citations.owed(citation, clock.instant());
        BigDecimal captured =
                payments.settlement(Citations.PAYABLE_KIND, citation.id()).captured();
        BigDecimal refund =
                switch (d.decision()) {
                    case UPHELD -> BigDecimal.ZERO;
                    case REDUCED -> captured.subtract(newAmount).max(BigDecimal.ZERO);
                    case CANCELLED -> captured;
                };
        CitationStatus status = CitationStatus.valueOf(d.decision().name());
        Duration lateAfter = Duration.between(citation.issuedAt(), citation.lateFrom());
        citations.decided(citation, status, newAmount, lateAfter);
        BigDecimal refunded = BigDecimal.ZERO;
        if (refund.signum() > 0) {
            refunded = refunds
                    .refund(
                            Citations.PAYABLE_KIND,
                            citation.id(),
                            refund,
                            "appeal " + appeal.id() + " " + d.decision() + ": "
                                    + d.reason().strip(),
                            // one decision per appeal, so its refund key is the appeal's: a retry refunds once
                            "appeal:" + appeal.id(),
                            "ADJUDICATOR")
                    .stream()
                    .filter(r -> !r.status().equals("FAILED"))
                    .map(PayableRefunds.RefundMade::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        int digits = citation.currency().getDefaultFractionDigits();
        refunded = refunded.setScale(digits, RoundingMode.HALF_UP);
        Instant now = clock.instant();
        appeals.decide(
                appeal.id(),
                d.decision(),
                d.reason().strip(),
                newAmount,
                refunded,
                Actor.current().id(),
                now);
        appeals.notify(Ids.next("AN", clock), appeal.id(), message(citation, d, newAmount, refunded), now);
        Appeal after = appeals.find(appeal.id()).orElseThrow();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", "DECIDED");
        state.put("decision", d.decision().name());
        state.put("reason", d.reason().strip());
        if (newAmount != null) state.put("newAmount", newAmount);
        state.put("owedBefore", owed.due());
        state.put("refunded", refunded);
        events.publishEvent(new Audited(
                "appeal.decided", "appeal", appeal.id(), appeal.lotId(), Map.of("status", "SUBMITTED"), state));
        events.publishEvent(new AppealDecided(
                appeal.id(), citation.id(), appeal.lotId(), d.decision().name(), refunded, now));
        return after;
    }

    private static @Nullable BigDecimal newAmount(Decide d, Citation citation) {
        if (d.decision() != Appeal.Decision.REDUCED) {
            if (d.newAmount() != null) throw ApiProblem.invalid("newAmount: only for a REDUCED decision");
            return null;
        }
        BigDecimal amount = d.newAmount();
        int digits = citation.currency().getDefaultFractionDigits();
        if (amount == null
                || amount.signum() < 0
                || amount.stripTrailingZeros().scale() > digits
                || amount.compareTo(citation.baseAmount()) >= 0) {
            throw ApiProblem.invalid("newAmount: required for REDUCED; from 0 to less than " + citation.baseAmount()
                    + " " + citation.currency() + ", with at most " + digits + " decimals");
        }
        return amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    private static String message(Citation c, Decide d, @Nullable BigDecimal newAmount, BigDecimal refunded) {
        String currency = c.currency().getCurrencyCode();
        String outcome =
                switch (d.decision()) {
                    case UPHELD -> "was upheld: the citation stands";
                    case REDUCED -> "was partly accepted: the fine is reduced to " + newAmount + " " + currency;
                    case CANCELLED -> "was accepted: the citation is cancelled";
                };
        String money = refunded.signum() > 0 ? " We are refunding " + refunded + " " + currency + "." : "";
        return "Your appeal of citation " + c.number() + " " + outcome + ". Reason: "
                + d.reason().strip() + "." + money;
    }

    List<Appeal> open(String lotId) {
        access.requireLot(lotId);
        return appeals.open(lotId);
    }
}
