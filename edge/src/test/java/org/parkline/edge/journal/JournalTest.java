package org.parkline.edge.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final Instant T0 = Instant.parse("2026-02-24T02:00:00Z");

    @TempDir
    Path dir;

    @Test
    void eventIdsCarryLotGateAndSequenceAndNeverRepeatAcrossARestart() {
        String first;
        String second;
        try (Journal journal = new Journal(dir.resolve("j.db"), "L1")) {
            first = journal.nextEventId("E1");
            second = journal.nextEventId("E1");
        }
        try (Journal reopened = new Journal(dir.resolve("j.db"), "L1")) {
            String third = reopened.nextEventId("E1");
            assertThat(first).startsWith("L1-E1-").endsWith("-1");
            assertThat(second).endsWith("-2");
            assertThat(Long.parseLong(third.substring(third.lastIndexOf('-') + 1)))
                    .as("a restart skips what the block reserved before the crash")
                    .isEqualTo(Journal.SEQ_BLOCK + 1);
            assertThat(third.split("-")[2]).as("same journal, same epoch").isEqualTo(first.split("-")[2]);
        }
    }

    @Test
    void anOfflineEntryTakesAQuotaPlaceOfItsVehicleTypeAndIsRefusedWhenNoneIsLeft() {
        try (Journal journal = new Journal(dir.resolve("j.db"), "L1")) {
            journal.replaceUnusedQuota("E1", List.of(new QuotaPlace("Q1", "CAR", "F1", "A", "S1")));

            var entry = journal.admitOffline("L1-E1-X-1", "E1", T0, "CAR", "SGP1A", false);
            var refused = journal.admitOffline("L1-E1-X-2", "E1", T0, "CAR", "SGP2A", false);
            var unguaranteed = journal.admitOffline("L1-E1-X-3", "E1", T0, "CAR", "SGP3A", true);

            assertThat(entry)
                    .get()
                    .extracting(e -> e.place().orElseThrow().placeId())
                    .isEqualTo("Q1");
            assertThat(refused).isEmpty();
            assertThat(unguaranteed)
                    .get()
                    .extracting(e -> e.place().isPresent())
                    .isEqualTo(false);
            assertThat(journal.quotaLeft("E1", "CAR")).isZero();
            assertThat(journal.pendingCount())
                    .as("the refused entry left nothing behind")
                    .isEqualTo(2);
            assertThat(journal.ticket("L1-E1-X-1"))
                    .get()
                    .extracting(LocalTicket::entryAt)
                    .isEqualTo(T0);
        }
    }

    @Test
    void whatWasCommittedSurvivesReopeningAndUsedPlacesStayUsedWhenCentralRelistsThem() {
        try (Journal journal = new Journal(dir.resolve("j.db"), "L1")) {
            journal.replaceUnusedQuota(
                    "E1",
                    List.of(
                            new QuotaPlace("Q1", "CAR", "F1", "A", null),
                            new QuotaPlace("Q2", "CAR", "F1", "A", null)));
            journal.admitOffline("L1-E1-X-1", "E1", T0, "CAR", null, false);
        }
        try (Journal journal = new Journal(dir.resolve("j.db"), "L1")) {
            assertThat(journal.pendingCount()).isEqualTo(1);
            journal.replaceUnusedQuota(
                    "E1",
                    List.of(
                            new QuotaPlace("Q1", "CAR", "F1", "A", null),
                            new QuotaPlace("Q2", "CAR", "F1", "A", null)));
            assertThat(journal.quotaLeft("E1", "CAR")).as("Q1 stays used").isEqualTo(1);
        }
    }

    @Test
    void replayBatchesAreOneGatesConsecutiveEventsInJournalOrderAndPlatesAreErasedOnceReplayed() {
        try (Journal journal = new Journal(dir.resolve("j.db"), "L1")) {
            journal.admitOffline("e1", "E1", T0, "CAR", "SGP1A", true);
            journal.admitOffline("e2", "E1", T0.plusSeconds(1), "CAR", "SGP2A", true);
            journal.recordExit(new ExitRecord(
                    "x1",
                    "X1",
                    T0.plusSeconds(2),
                    false,
                    null,
                    "e1",
                    null,
                    BigDecimal.TEN,
                    BigDecimal.TEN,
                    BigDecimal.ZERO));
            journal.admitOffline("e3", "E1", T0.plusSeconds(3), "CAR", "SGP3A", true);

            List<PendingEvent> first = journal.pendingBatch(100);
            assertThat(first).extracting(PendingEvent::eventId).containsExactly("e1", "e2");
            journal.markReplayed(List.of(new Replayed("e1", "ENTERED", "T1"), new Replayed("e2", "ENTERED", "T2")), T0);

            assertThat(journal.pendingBatch(100))
                    .extracting(PendingEvent::eventId)
                    .containsExactly("x1");
            assertThat(journal.ticket("e1"))
                    .get()
                    .extracting(LocalTicket::centralTicketId)
                    .isEqualTo("T1");
            assertThat(journal.ticket("e1"))
                    .get()
                    .extracting(LocalTicket::exitedAt)
                    .isNotNull();
            assertThat(journal.pendingCount()).isEqualTo(2);
        }
    }

    @Test
    void onlineEventsAreJournaledButNeverReplayed() {
        try (Journal journal = new Journal(dir.resolve("j.db"), "L1")) {
            journal.recordOnlineEntry("e1", "E1", T0, "CAR", "123456", "T1");
            assertThat(journal.pendingCount()).isZero();
            assertThat(journal.ticket("123456"))
                    .get()
                    .extracting(LocalTicket::centralTicketId)
                    .isEqualTo("T1");
        }
    }
}
