package org.parkline.server.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.parkline.server.common.Audited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fines escalate on schedule: when a citation is still unpaid at its late date its late fee applies (it is part of
 * what the citation owes from then on; this job announces it with a {@link CitationUnpaid} LATE event), and after
 * {@code parkline.enforcement.collections-after} unpaid it is SENT_TO_COLLECTIONS (event COLLECTIONS).
 */
@Component
class CitationEscalation {

    private static final Logger log = LoggerFactory.getLogger(CitationEscalation.class);
    private static final int BATCH = 500;

    private final CitationBook book;
    private final Citations citations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration collectionsAfter;

    CitationEscalation(
            CitationBook book,
            Citations citations,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${parkline.enforcement.collections-after:P60D}") Duration collectionsAfter) {
        this.book = book;
        this.citations = citations;
        this.events = events;
        this.clock = clock;
        this.collectionsAfter = collectionsAfter;
    }

    @Scheduled(
            fixedDelayString = "${parkline.enforcement.escalation-interval:PT15M}",
            initialDelayString = "${parkline.enforcement.escalation-interval:PT15M}")
    void scheduled() {
        int escalated = run();
        if (escalated > 0) log.info("Escalated {} unpaid citations", escalated);
    }

    /** One pass; returns how many citations it escalated. */
    @Transactional
    int run() {
        Instant now = clock.instant();
        int escalated = 0;
        for (Citation c : book.lateUnannounced(now, BATCH)) {
            Citation locked = book.lock(c.id()).orElseThrow();
            Citations.Owed owed = citations.owed(locked, now);
            book.lateAnnounced(c.id(), now);
            if (owed.due().signum() == 0) continue;
            events.publishEvent(new Audited(
                    "citation.late_fee_applied",
                    "citation",
                    c.id(),
                    c.lotId(),
                    Map.of("due", owed.due().subtract(c.lateFee())),
                    Map.of("due", owed.due(), "lateFee", c.lateFee())));
            events.publishEvent(unpaid(locked, CitationUnpaid.Stage.LATE, owed, now));
            escalated++;
        }
        for (Citation c : book.openIssuedBefore(now.minus(collectionsAfter), BATCH)) {
            Citation locked = book.lock(c.id()).orElseThrow();
            Citations.Owed owed = citations.owed(locked, now);
            if (owed.due().signum() == 0) continue;
            citations.transition(
                    locked,
                    CitationStatus.SENT_TO_COLLECTIONS,
                    "citation.sent_to_collections",
                    Map.of("due", owed.due()));
            events.publishEvent(unpaid(locked, CitationUnpaid.Stage.COLLECTIONS, owed, now));
            escalated++;
        }
        return escalated;
    }

    private static CitationUnpaid unpaid(Citation c, CitationUnpaid.Stage stage, Citations.Owed owed, Instant now) {
        return new CitationUnpaid(
                c.id(), c.number(), c.lotId(), stage, owed.due(), c.currency().getCurrencyCode(), now);
    }
}
