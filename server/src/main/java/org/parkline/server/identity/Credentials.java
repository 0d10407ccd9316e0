package org.parkline.server.identity;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns a presented bearer token or device key into an {@link Actor}. Verified credentials are remembered for a
 * short while, so a gate's request does not pay a database read for its key every time.
 */
@Component
class Credentials {

    private record Remembered(Actor actor, byte[] hash, long untilNanos) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final long rememberNanos;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    Credentials(JdbcClient jdbc, Clock clock, @Value("${parkline.security.credential-cache:PT30S}") Duration remember) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rememberNanos = remember.toNanos();
    }

    Optional<Actor> bearer(String token) {
        byte[] hash = Secrets.sha256(token);
        String cacheKey = "t:" + java.util.HexFormat.of().formatHex(hash);
        Remembered known = remembered.get(cacheKey);
        if (known != null && System.nanoTime() - known.untilNanos() < 0) return Optional.of(known.actor());
        Optional<Actor> actor = jdbc.sql(
                        """
                        select a.id, a.username, a.display_name from access_token t join account a on a.id = t.account_id
                         where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now and a.enabled
                        """)
                .param("hash", hash)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Actor(
                        Actor.Kind.PERSON, rs.getString(1), rs.getString(2), grants(rs.getString(1)), null, null, null))
                .optional();
        actor.ifPresent(a -> remember(cacheKey, a, hash));
        return actor;
    }

    /** {@code pk_<keyId>.<secret>} */
    Optional<Actor> deviceKey(String apiKey) {
        int dot = apiKey.indexOf('.');
        if (!apiKey.startsWith("pk_") || dot < 4) return Optional.empty();
        String keyId = apiKey.substring(3, dot);
        byte[] hash = Secrets.sha256(apiKey.substring(dot + 1));
        Remembered known = remembered.get("k:" + keyId);
        if (known != null && System.nanoTime() - known.untilNanos() < 0) {
            return MessageDigest.isEqual(known.hash(), hash) ? Optional.of(known.actor()) : Optional.empty();
        }
        record Row(String lotId, String gateId, byte[] hash, String kind) {}
        Optional<Row> row = jdbc.sql(
                        "select lot_id, gate_id, key_hash, kind from device_key where id = :id and revoked_at is null")
                .param("id", keyId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
                .optional();
        if (row.isEmpty() || !MessageDigest.isEqual(row.get().hash(), hash)) return Optional.empty();
        Actor actor = new Actor(
                Actor.Kind.DEVICE,
                keyId,
                "device " + keyId,
                List.of(new Grant(Role.GATE, row.get().lotId())),
                row.get().lotId(),
                row.get().gateId(),
                row.get().kind());
        remember("k:" + keyId, actor, hash);
        return Optional.of(actor);
    }

    /** Forgets a key once the revoking transaction commits (before it, a request could re-remember it). */
    void forgetDevice(String keyId) {
        afterCommit(() -> remembered.remove("k:" + keyId));
    }

    void forgetToken(byte[] hash) {
        String cacheKey = "t:" + java.util.HexFormat.of().formatHex(hash);
        afterCommit(() -> remembered.remove(cacheKey));
    }

    /** Forgets every remembered token of an account, once the transaction disabling it commits. */
    void forgetAccount(String accountId) {
        afterCommit(() -> remembered
                .values()
                .removeIf(r ->
                        r.actor().kind() == Actor.Kind.PERSON && r.actor().id().equals(accountId)));
    }

    private static void afterCommit(Runnable forget) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            forget.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                forget.run();
            }
        });
    }

    private void remember(String key, Actor actor, byte[] hash) {
        if (remembered.size() > 10_000) remembered.clear(); // bounded: a flood of keys cannot grow it without end
        remembered.put(key, new Remembered(actor, hash, System.nanoTime() + rememberNanos));
    }

    private List<Grant> grants(String accountId) {
        return jdbc.sql("select role, lot_id from account_grant where account_id = :id")
                .param("id", accountId)
                .query((rs, n) -> new Grant(Role.valueOf(rs.getString(1)), rs.getString(2)))
                .list();
    }
}
