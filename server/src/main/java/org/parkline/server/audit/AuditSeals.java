package org.parkline.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hash chain over the audit log, built off the request path. Each seal is SHA-256(previous hash, the entry's
 * content as PostgreSQL stores it). One sealer at a time across instances (an advisory lock); gates never wait on it.
 */
@Service
public class AuditSeals {

    private static final byte[] GENESIS = new byte[32];
    private static final int BATCH = 2000;
    /** Entry ids below the highest sealed one that may still commit late: far more than a burst's in-flight ones. */
    private static final long STRAGGLER_WINDOW = 10_000;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    AuditSeals(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The entry's content, in a fixed textual form computed by the database (jsonb text is canonical). */
    private static final String CONTENT =
            """
            e.id::text || '|' || to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' || e.actor_kind
            || '|' || e.actor_id || '|' || coalesce(e.request_id, '') || '|' || e.action || '|' || e.subject_type
            || '|' || e.subject_id || '|' || coalesce(e.lot_id, '') || '|' || coalesce(e.before::text, '')
            || '|' || coalesce(e.after::text, '')
            """;

    @Scheduled(fixedDelayString = "${parkline.audit.seal-interval:PT1S}")
    @Transactional
    public int sealPending() {
        boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('parkline.audit.sealer', 7))")
                .query(Boolean.class)
                .single();
        if (!mine) return 0;
        return sealLocked();
    }

    /**
     * Seals what is pending, waiting first for a sealer at work (the scheduled one) to commit: a verification right
     * after must see every entry written so far sealed, not skip the ones that sealer had not reached.
     */
    @Transactional
    public int sealPendingNow() {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('parkline.audit.sealer', 7))) locked")
                .query(Integer.class)
                .single();
        return sealLocked();
    }

    private int sealLocked() {
        record Last(long seq, byte[] hash) {}
        Last last = jdbc.sql("select seq, hash from audit_seal order by seq desc limit 1")
                .query((rs, n) -> new Last(rs.getLong(1), rs.getBytes(2)))
                .optional()
                .orElse(new Last(0, GENESIS));
        record Pending(long id, String content) {}
        // Only look above the highest sealed entry, less a window for entries that commit out of id order (a
        // transaction holds its id until it commits); scanning the whole log each second grew with the log.
        long floor = jdbc.sql("select coalesce(max(entry_id), 0) from audit_seal")
                        .query(Long.class)
                        .single()
                - STRAGGLER_WINDOW;
        List<Pending> pending = jdbc.sql(
                        "select e.id, " + CONTENT
                                + """
                         from audit_entry e
                        where e.id > :floor and not exists (select 1 from audit_seal s where s.entry_id = e.id)
                        order by e.id limit :batch
                        """)
                .param("floor", floor)
                .param("batch", BATCH)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2)))
                .list();
        long seq = last.seq();
        byte[] previous = last.hash();
        List<Object[]> seals = new java.util.ArrayList<>(pending.size());
        for (Pending entry : pending) {
            byte[] hash = chain(previous, entry.content());
            seals.add(new Object[] {++seq, entry.id(), previous, hash});
            previous = hash;
        }
        batch.batchUpdate("insert into audit_seal (seq, entry_id, prev_hash, hash) values (?, ?, ?, ?)", seals);
        return pending.size();
    }

    public record Verification(
            boolean valid,
            long sealsChecked,
            long unsealedEntries,
            @Nullable Long firstBrokenSeq,
            @Nullable Long firstBrokenEntryId,
            List<String> problems) {}

    /** Recomputes the whole chain from the stored entries and reports the first place it breaks. */
    @Transactional(readOnly = true)
    public Verification verify() {
        record Seal(long seq, long entryId, byte[] prev, byte[] hash, @Nullable String content) {}
        List<Seal> seals = jdbc.sql(
                        "select s.seq, s.entry_id, s.prev_hash, s.hash, " + CONTENT
                                + """
                         from audit_seal s left join audit_entry e on e.id = s.entry_id
                        order by s.seq
                        """)
                .query((rs, n) ->
                        new Seal(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4), rs.getString(5)))
                .list();
        long unsealed = jdbc.sql(
                        """
                        select count(*) from audit_entry e where not exists (select 1 from audit_seal s where s.entry_id = e.id)
                        """)
                .query(Long.class)
                .single();
        List<String> problems = new ArrayList<>();
        byte[] previous = GENESIS;
        long expectedSeq = 1;
        for (Seal seal : seals) {
            String where = "seal " + seal.seq() + " (entry " + seal.entryId() + ")";
            if (seal.seq() != expectedSeq) problems.add(where + ": seal " + expectedSeq + " is missing");
            else if (!MessageDigest.isEqual(seal.prev(), previous))
                problems.add(where + ": does not follow the seal before it");
            else if (seal.content() == null) problems.add(where + ": the entry is gone");
            else if (!MessageDigest.isEqual(seal.hash(), chain(previous, seal.content()))) {
                problems.add(where + ": the entry was changed after it was sealed");
            }
            if (!problems.isEmpty()) {
                return new Verification(false, seal.seq(), unsealed, seal.seq(), seal.entryId(), problems);
            }
            previous = seal.hash();
            expectedSeq++;
        }
        return new Verification(true, seals.size(), unsealed, null, null, List.of());
    }

    static byte[] chain(byte[] previous, String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            sha.update(content.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
