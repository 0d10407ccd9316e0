package org.parkline.sim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.parkline.client.EntryRequest;
import org.parkline.client.ParklineClient;
import org.parkline.client.Ticket;

/**
 * The arrival wave: every entry gate admits vehicles as fast as the server answers until all cars
 * have tried. A share of admitted entries is sent a second time with the same key, as a gate does
 * when it missed the first answer; the replay must name the same ticket.
 */
final class EntryBurst {

    /** A vehicle let in. */
    record Admission(String ticketId, String plate) {}

    /** A deliberate second send of an entry; {@code replayTicketId} is null when it was not answered. */
    record Replay(String idempotencyKey, String firstTicketId, String replayTicketId) {
        boolean sameTicket() {
            return Objects.equals(firstTicketId, replayTicketId);
        }

        /** The replay was answered and named a different ticket: a broken idempotency promise. */
        boolean otherTicket() {
            return replayTicketId != null && !sameTicket();
        }
    }

    private final ParklineClient parkline;
    private final BurstOptions options;
    private final String lotId;
    private final AtomicInteger nextCar = new AtomicInteger();
    private final PhaseStats entries = new PhaseStats("entry");
    private final PhaseStats replays = new PhaseStats("entry-replay");
    private final Queue<Admission> admitted = new ConcurrentLinkedQueue<>();
    private final Queue<Replay> replayed = new ConcurrentLinkedQueue<>();
    private final LongAdder unresolved = new LongAdder();

    EntryBurst(ParklineClient parkline, BurstOptions options, String lotId) {
        this.parkline = parkline;
        this.options = options;
        this.lotId = lotId;
    }

    Duration run() {
        return GateCrew.run(options.gates(), this::gate);
    }

    private void gate(int gate) {
        String gateId = StadiumLayout.entryGate(lotId, gate);
        int eventSeq = 0;
        GatePace pace = new GatePace(options.gateCycle());
        for (int car = nextCar.getAndIncrement(); car < options.cars(); car = nextCar.getAndIncrement()) {
            pace.awaitNext();
            Arrival arrival = Arrival.of(car, options.seed(), options.retryShare());
            String key = gateId + "-evt-" + ++eventSeq;
            EntryRequest request = EntryRequest.of(lotId, gateId, arrival.vehicle(), arrival.preferences());
            Reply<Ticket> reply = GateCalls.call(entries, () -> parkline.enter(request, key));
            // a real gate that got no answer asks again with the same key: the server replays or decides now
            // ... and one answered "still in flight" (409) waits a moment and asks again for the outcome
            for (int attempt = 0; attempt < 5 && unresolved(reply); attempt++) {
                entries.count("resent-after-no-answer");
                if (reply.refusedWith("idempotency-request-in-flight")) {
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
                }
                reply = GateCalls.call(replays, () -> parkline.enter(request, key));
            }
            if (reply instanceof Reply.Unanswered<Ticket>) {
                unresolved.increment();
            }
            Ticket ticket = reply.valueOrNull();
            if (ticket == null) {
                continue;
            }
            admitted.add(new Admission(ticket.ticketId(), arrival.vehicle().plate()));
            if (arrival.retried()) {
                Ticket again = GateCalls.call(replays, () -> parkline.enter(request, key))
                        .valueOrNull();
                Replay replay = new Replay(key, ticket.ticketId(), again == null ? null : again.ticketId());
                replayed.add(replay);
                if (replay.otherTicket()) {
                    replays.count("different-ticket");
                } else if (again == null) {
                    replays.count("replay-unanswered");
                }
            }
        }
    }

    private static boolean unresolved(Reply<Ticket> reply) {
        return reply instanceof Reply.Unanswered<Ticket> || reply.refusedWith("idempotency-request-in-flight");
    }

    PhaseStats entries() {
        return entries;
    }

    PhaseStats replays() {
        return replays;
    }

    List<Admission> admitted() {
        return List.copyOf(admitted);
    }

    List<Replay> replayed() {
        return List.copyOf(replayed);
    }

    /** Entries that never got an answer, even after retries: their outcome is unknown. */
    long unresolved() {
        return unresolved.sum();
    }

    long lotFullRefusals() {
        return entries.outcome("lot-full");
    }
}
