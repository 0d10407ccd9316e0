package org.parkline.edge;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.parkline.client.EdgeJournalEvent;
import org.parkline.client.JournalImport;
import org.parkline.client.ParklineClient;
import org.parkline.client.VehicleType;
import org.parkline.edge.journal.Journal;
import org.parkline.edge.journal.PendingEvent;
import org.parkline.edge.journal.Replayed;

/**
 * Sends the offline journal to central in journal order and marks each event replayed with central's outcome. With
 * the controller's lot-wide key a batch carries up to {@value #BATCH} events of every gate; with gate keys only,
 * a batch is one gate's consecutive events (same order, smaller batches). Exactly once end to end: central applies each event id once,
 * and an event is marked here only after central answered; a crash in between resends, and central answers the
 * resent event with its first outcome.
 */
public final class Replayer {

    static final int BATCH = 100;

    private final Journal journal;
    private final CentralLink central;
    private final Clock clock;
    private final String lotId;

    public Replayer(String lotId, Journal journal, CentralLink central, Clock clock) {
        this.lotId = lotId;
        this.journal = journal;
        this.central = central;
        this.clock = clock;
    }

    /** Replays until the journal is drained; returns the number of events central acknowledged. */
    public int drain() {
        int replayed = 0;
        while (true) {
            Optional<ParklineClient> lotWide = central.lotWide();
            List<PendingEvent> batch = journal.pendingBatch(BATCH, lotWide.isPresent());
            if (batch.isEmpty()) return replayed;
            ParklineClient client =
                    lotWide.orElseGet(() -> central.gate(batch.getFirst().gateId()));
            String key = "replay-" + batch.getFirst().eventId() + "-" + batch.size();
            JournalImport answer = client.importJournal(
                    lotId, batch.stream().map(Replayer::event).toList(), key);
            journal.markReplayed(
                    answer.results().stream()
                            .map(r -> new Replayed(r.eventId(), r.outcome(), r.ticketId()))
                            .toList(),
                    clock.instant());
            replayed += answer.results().size();
        }
    }

    private static EdgeJournalEvent event(PendingEvent e) {
        return new EdgeJournalEvent(
                e.eventId(),
                e.gateId(),
                e.kind(),
                e.occurredAt(),
                e.vehicleType() == null ? null : VehicleType.valueOf(e.vehicleType()),
                e.plate(),
                e.quotaPlaceId(),
                e.ticketRef(),
                e.amountCollected(),
                e.amountUncollected());
    }
}
