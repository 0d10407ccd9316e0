package org.parkline.server.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One API key per gate, camera or pay station. The key ({@code pk_<id>.<secret>}) is shown once, at creation; only
 * its hash is kept. Revoking works at once on this instance and within the credential cache's lifetime elsewhere.
 */
@Service
public class DeviceKeys {

    public enum Kind {
        GATE,
        CAMERA,
        PAY_STATION
    }

    public record DeviceKey(
            String keyId,
            String lotId,
            @Nullable String gateId,
            Kind kind,
            String label,
            Instant createdAt,
            @Nullable Instant revokedAt) {}

    /** A new key: {@code apiKey} is the only time the secret is seen. */
    public record IssuedKey(DeviceKey key, String apiKey) {}

    private final JdbcClient jdbc;
    private final Credentials credentials;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeviceKeys(JdbcClient jdbc, Credentials credentials, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.credentials = credentials;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public IssuedKey issue(String lotId, @Nullable String gateId, Kind kind, String label) {
        return insert(Ids.next("K", clock).toLowerCase(), Secrets.random(32), lotId, gateId, kind, label, false);
    }

    /** Demo mode's keys are fixed and documented, so the README's examples work; production refuses to run with any. */
    @Transactional
    public IssuedKey issueDemo(String keyId, String secret, String lotId, @Nullable String gateId, Kind kind) {
        return insert(keyId, secret, lotId, gateId, kind, "demo key", true);
    }

    public boolean anyDemoKeyActive() {
        return jdbc.sql("select exists (select 1 from device_key where demo and revoked_at is null)")
                .query(Boolean.class)
                .single();
    }

    private IssuedKey insert(
            String id, String secret, String lotId, @Nullable String gateId, Kind kind, String label, boolean demo) {
        Instant now = clock.instant();
        jdbc.sql(
                        """
                        insert into device_key (id, lot_id, gate_id, kind, label, key_hash, demo, created_at)
                        values (:id, :lot, :gate, :kind, :label, :hash, :demo, :now)
                        """)
                .param("id", id)
                .param("lot", lotId)
                .param("gate", gateId)
                .param("kind", kind.name())
                .param("label", label)
                .param("hash", Secrets.sha256(secret))
                .param("demo", demo)
                .param("now", Timestamp.from(now))
                .update();
        DeviceKey key = new DeviceKey(id, lotId, gateId, kind, label, now, null);
        events.publishEvent(new Audited("device_key.created", "device_key", id, lotId, null, describe(key)));
        return new IssuedKey(key, "pk_" + id + "." + secret);
    }

    @Transactional
    public DeviceKey revoke(String keyId) {
        DeviceKey key = find(keyId).orElseThrow(() -> ApiProblem.notFound("device key", keyId));
        if (key.revokedAt() != null) return key;
        Instant now = clock.instant();
        jdbc.sql("update device_key set revoked_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", keyId)
                .update();
        credentials.forgetDevice(keyId);
        DeviceKey revoked =
                new DeviceKey(key.keyId(), key.lotId(), key.gateId(), key.kind(), key.label(), key.createdAt(), now);
        events.publishEvent(
                new Audited("device_key.revoked", "device_key", keyId, key.lotId(), describe(key), describe(revoked)));
        return revoked;
    }

    /** A new key for the same device; the old one stops working now. */
    @Transactional
    public IssuedKey rotate(String keyId) {
        DeviceKey old = find(keyId).orElseThrow(() -> ApiProblem.notFound("device key", keyId));
        if (old.revokedAt() != null) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "key-revoked",
                    "Key revoked",
                    "Key " + keyId + " is revoked; issue a new key instead");
        }
        IssuedKey fresh = issue(old.lotId(), old.gateId(), old.kind(), old.label());
        revoke(keyId);
        jdbc.sql("update device_key set replaced_by = :new where id = :id")
                .param("new", fresh.key().keyId())
                .param("id", keyId)
                .update();
        return fresh;
    }

    public List<DeviceKey> ofLot(String lotId) {
        return jdbc.sql(
                        "select id, lot_id, gate_id, kind, label, created_at, revoked_at from device_key where lot_id = :lot order by created_at")
                .param("lot", lotId)
                .query((rs, n) -> row(rs))
                .list();
    }

    public Optional<DeviceKey> find(String keyId) {
        return jdbc.sql(
                        "select id, lot_id, gate_id, kind, label, created_at, revoked_at from device_key where id = :id")
                .param("id", keyId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    private static DeviceKey row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp(7);
        return new DeviceKey(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Kind.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    private static Map<String, Object> describe(DeviceKey key) {
        return Map.of(
                "lotId",
                key.lotId(),
                "gateId",
                String.valueOf(key.gateId()),
                "kind",
                key.kind().name(),
                "label",
                key.label(),
                "revoked",
                key.revokedAt() != null);
    }
}
