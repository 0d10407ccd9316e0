package org.parkline.server.permits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ProtectedPlate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Permits, their charges and their vehicles in the database. */
@Repository
class PermitBook {

    private static final String COLUMNS =
            "id, type_id, lot_id, holder_ref, status, valid_from, valid_until, created_at";

    private final JdbcClient jdbc;

    PermitBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Charge(
            String id,
            String permitId,
            String kind,
            BigDecimal amount,
            BigDecimal refunded,
            String status,
            Instant termFrom,
            Instant termUntil) {}

    void insert(Permit p, @Nullable String idempotencyKey) {
        jdbc.sql(
                        """
                        insert into permit (id, type_id, lot_id, holder_ref, status, valid_from, valid_until,
                                            idempotency_key, created_at, updated_at)
                        values (:id, :type, :lot, :holder, :status, :from, :until, :key, :at, :at)
                        """)
                .param("id", p.id())
                .param("type", p.typeId())
                .param("lot", p.lotId())
                .param("holder", p.holderRef())
                .param("status", p.status().name())
                .param("from", Timestamp.from(p.validFrom()))
                .param("until", Timestamp.from(p.validUntil()))
                .param("key", idempotencyKey)
                .param("at", Timestamp.from(p.createdAt()))
                .update();
    }

    Optional<Permit> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from permit where id = :id")
                .param("id", id)
                .query(PermitBook::permit)
                .optional();
    }

    Optional<Permit> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from permit where id = :id for update")
                .param("id", id)
                .query(PermitBook::permit)
                .optional();
    }

    /** Permits of a type that take a place in its quota now: held, or bought and awaiting payment for a while. */
    int heldOfType(String typeId, Instant now, Instant unpaidSince) {
        return jdbc.sql(
                        """
                        select count(*) from permit
                         where type_id = :type
                           and ((status in ('ACTIVE', 'SUSPENDED') and valid_until > :now)
                                or (status = 'PENDING_PAYMENT' and created_at > :unpaidSince))
                        """)
                .param("type", typeId)
                .param("now", Timestamp.from(now))
                .param("unpaidSince", Timestamp.from(unpaidSince))
                .query(Integer.class)
                .single();
    }

    void update(String id, PermitStatus status, Instant validFrom, Instant validUntil, Instant at) {
        jdbc.sql(
                        """
                        update permit set status = :status, valid_from = :from, valid_until = :until, updated_at = :at
                         where id = :id
                        """)
                .param("status", status.name())
                .param("from", Timestamp.from(validFrom))
                .param("until", Timestamp.from(validUntil))
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void insertCharge(Charge c, Instant at) {
        jdbc.sql(
                        """
                        insert into permit_charge (id, permit_id, kind, amount, status, term_from, term_until,
                                                   created_at, paid_at)
                        values (:id, :permit, :kind, :amount, :status, :from, :until, :at,
                                case when :status = 'PAID' then cast(:at as timestamptz) end)
                        """)
                .param("id", c.id())
                .param("permit", c.permitId())
                .param("kind", c.kind())
                .param("amount", c.amount())
                .param("status", c.status())
                .param("from", Timestamp.from(c.termFrom()))
                .param("until", Timestamp.from(c.termUntil()))
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Charge> charges(String permitId) {
        return jdbc.sql(
                        """
                        select id, permit_id, kind, amount, refunded_amount, status, term_from, term_until
                          from permit_charge where permit_id = :permit order by created_at, id
                        """)
                .param("permit", permitId)
                .query((rs, n) -> new Charge(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    void chargePaid(String chargeId, Instant at) {
        jdbc.sql("update permit_charge set status = 'PAID', paid_at = :at where id = :id and status = 'DUE'")
                .param("at", Timestamp.from(at))
                .param("id", chargeId)
                .update();
    }

    void chargeCancelled(String chargeId) {
        jdbc.sql("update permit_charge set status = 'CANCELLED' where id = :id and status = 'DUE'")
                .param("id", chargeId)
                .update();
    }

    void chargeRefunded(String chargeId, BigDecimal amount) {
        jdbc.sql("update permit_charge set refunded_amount = refunded_amount + :amount where id = :id")
                .param("amount", amount)
                .param("id", chargeId)
                .update();
    }

    void addVehicle(String permitId, ProtectedPlate plate, Instant at) {
        jdbc.sql(
                        """
                        insert into permit_vehicle (permit_id, plate_hmac, plate_cipher, plate_key_id, added_at)
                        values (:permit, :hmac, :cipher, :keyId, :at)
                        """)
                .param("permit", permitId)
                .param("hmac", plate.lookupHash())
                .param("cipher", plate.ciphertext())
                .param("keyId", plate.keyId())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The permit's current vehicles, as their look-up hashes. */
    List<byte[]> vehicles(String permitId) {
        return jdbc.sql("select plate_hmac from permit_vehicle where permit_id = :permit and removed_at is null")
                .param("permit", permitId)
                .query((rs, n) -> rs.getBytes(1))
                .list();
    }

    void removeVehicle(String permitId, byte[] plateHash, Instant at) {
        jdbc.sql(
                        """
                        update permit_vehicle set removed_at = :at
                         where permit_id = :permit and plate_hmac = :hmac and removed_at is null
                        """)
                .param("at", Timestamp.from(at))
                .param("permit", permitId)
                .param("hmac", plateHash)
                .update();
    }

    static Permit permit(ResultSet rs, int row) throws SQLException {
        return new Permit(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                PermitStatus.valueOf(rs.getString(5)),
                rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant());
    }
}
