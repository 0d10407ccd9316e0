package org.parkline.server.tickets;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ProtectedPlate;
import org.parkline.server.inventory.Placement;
import org.parkline.server.lots.SpotType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets in the database: hand-written SQL, each query keyed by ticket id or (lot, plate hash). */
@Repository
class TicketBook {

    private static final String COLUMNS =
            """
            id, lot_id, status, vehicle_type, plate_hmac, plate_cipher, plate_key_id, spot_id, floor_id, zone_code,
            spot_type, barcode, entry_gate_id, entry_at, exit_gate_id, exit_at, amount_charged, lost_at, fee_override,
            amount_waived, voided_at
            """;

    private final JdbcClient jdbc;

    TicketBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param edgeRef the edge controller's id for this entry (its event id; for an offline ticket also its barcode)
     * @param overCapacity admitted offline with no place left: the ticket counts no place
     */
    void insert(Ticket t, @Nullable String edgeRef, boolean overCapacity) {
        jdbc.sql(
                        """
                        insert into ticket (id, lot_id, status, vehicle_type, plate_hmac, plate_cipher, plate_key_id,
                                            spot_id, floor_id, zone_code, spot_type, ev_charging, barcode,
                                            entry_gate_id, entry_at, edge_ref, over_capacity)
                        values (:id, :lot, :status, :vehicle, :hmac, :cipher, :keyId, :spot, :floor, :zone, :spotType,
                                :ev, :barcode, :gate, :entryAt, :edgeRef, :overCapacity)
                        """)
                .param("id", t.id())
                .param("lot", t.lotId())
                .param("status", t.status().name())
                .param("vehicle", t.vehicleType().name())
                .param("hmac", t.plate() == null ? null : t.plate().lookupHash())
                .param("cipher", t.plate() == null ? null : t.plate().ciphertext())
                .param("keyId", t.plate() == null ? null : t.plate().keyId())
                .param("spot", t.placement().spotId())
                .param("floor", t.placement().floorId())
                .param("zone", t.placement().zone())
                .param("spotType", t.placement().spotType().name())
                .param("ev", t.evCharging())
                .param("barcode", t.barcode())
                .param("gate", t.entryGateId())
                .param("entryAt", Timestamp.from(t.entryAt()))
                .param("edgeRef", edgeRef)
                .param("overCapacity", overCapacity)
                .update();
    }

    Optional<Ticket> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from ticket where id = :id")
                .param("id", id)
                .query(TicketBook::ticket)
                .optional();
    }

    Optional<Ticket> byBarcode(String barcode) {
        // an offline ticket whose entry central had already made online is known by the edge id it printed
        return jdbc.sql("select " + COLUMNS
                        + " from ticket where barcode = :barcode or edge_ref = :barcode"
                        + " order by (barcode = :barcode) desc limit 1")
                .param("barcode", barcode)
                .query(TicketBook::ticket)
                .optional();
    }

    /** Locks the ticket row: two exits of one ticket queue here, and the second sees it CLOSED. */
    Optional<Ticket> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from ticket where id = :id for update")
                .param("id", id)
                .query(TicketBook::ticket)
                .optional();
    }

    /** The ACTIVE ticket of a plate in a lot (the gate's plate camera, the officer's check). */
    Optional<Ticket> activeByPlate(String lotId, byte[] plateHash) {
        return jdbc.sql("select " + COLUMNS
                        + " from ticket where lot_id = :lot and plate_hmac = :hmac and status = 'ACTIVE' limit 1")
                .param("lot", lotId)
                .param("hmac", plateHash)
                .query(TicketBook::ticket)
                .optional();
    }

    /** Tickets of a plate, in any lot, that were open at an instant. */
    java.util.List<Ticket> openAt(byte[] plateHash, Instant at) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from ticket where plate_hmac = :hmac and entry_at <= :at
                          and (exit_at is null or exit_at > :at) and status <> 'VOID'
                        order by entry_at
                        """)
                .param("hmac", plateHash)
                .param("at", Timestamp.from(at))
                .query(TicketBook::ticket)
                .list();
    }

    /** Marks a ticket as entered on a permit: it owes nothing. */
    void linkPermit(String ticketId, String permitId) {
        jdbc.sql("update ticket set permit_id = :permit where id = :id")
                .param("permit", permitId)
                .param("id", ticketId)
                .update();
    }

    Optional<String> permitOf(String ticketId) {
        return jdbc.sql("select permit_id from ticket where id = :id and permit_id is not null")
                .param("id", ticketId)
                .query(String.class)
                .optional();
    }

    /** The ticket an edge controller knows by {@code ref}: its printed barcode or its entry event id. */
    Optional<String> idByRef(String lotId, String ref) {
        return jdbc.sql(
                        """
                        select id from ticket where lot_id = :lot and (barcode = :ref or edge_ref = :ref)
                         order by (barcode = :ref) desc limit 1
                        """)
                .param("lot", lotId)
                .param("ref", ref)
                .query(String.class)
                .optional();
    }

    /** An ACTIVE ticket with this plate in any lot (plate seen entering at two lots). */
    Optional<String[]> activeWithPlateAnywhere(byte[] plateHash) {
        return jdbc.sql(
                        "select id, lot_id from ticket where plate_hmac = :hmac and status = 'ACTIVE' order by entry_at desc limit 1")
                .param("hmac", plateHash)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
    }

    /** Closes a ticket from an edge journal exit: what was collected, what was not. True when its place is freed. */
    boolean closeFromEdge(String id, String exitGateId, Instant exitAt, BigDecimal charged, BigDecimal uncollected) {
        return jdbc.sql(
                        """
                        update ticket set status = 'CLOSED', exit_gate_id = :gate, exit_at = :at,
                                          amount_charged = :charged, amount_uncollected = :uncollected
                         where id = :id and status = 'ACTIVE'
                        returning not over_capacity
                        """)
                .param("gate", exitGateId)
                .param("at", Timestamp.from(exitAt))
                .param("charged", charged)
                .param("uncollected", uncollected)
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    boolean activeWithPlate(String lotId, byte[] plateHash) {
        return jdbc.sql(
                        "select exists (select 1 from ticket where lot_id = :lot and plate_hmac = :hmac and status = 'ACTIVE')")
                .param("lot", lotId)
                .param("hmac", plateHash)
                .query(Boolean.class)
                .single();
    }

    /**
     * Closes an ACTIVE ticket; true when its place is to be freed (false for a ticket admitted offline beyond every
     * place, which never counted one).
     *
     * @param amountWaived null for a paid (or free) exit; what was still owed when let out unpaid
     */
    boolean close(
            String id, String exitGateId, Instant exitAt, BigDecimal amountCharged, @Nullable BigDecimal amountWaived) {
        return jdbc.sql(
                        """
                        update ticket set status = 'CLOSED', exit_gate_id = :gate, exit_at = :at, amount_charged = :amount,
                                          amount_waived = :waived
                         where id = :id and status = 'ACTIVE'
                        returning not over_capacity
                        """)
                .param("gate", exitGateId)
                .param("at", Timestamp.from(exitAt))
                .param("amount", amountCharged)
                .param("waived", amountWaived)
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void markLost(String id, Instant at) {
        jdbc.sql("update ticket set lost_at = :at where id = :id and status = 'ACTIVE'")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void overrideFee(String id, BigDecimal amount) {
        jdbc.sql("update ticket set fee_override = :amount where id = :id and status = 'ACTIVE'")
                .param("amount", amount)
                .param("id", id)
                .update();
    }

    void voidTicket(String id, Instant at) {
        jdbc.sql("update ticket set status = 'VOID', voided_at = :at where id = :id and status = 'ACTIVE'")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        byte[] hmac = rs.getBytes(5);
        Timestamp exitAt = rs.getTimestamp(16);
        return new Ticket(
                rs.getString(1),
                rs.getString(2),
                TicketStatus.valueOf(rs.getString(3)),
                VehicleType.valueOf(rs.getString(4)),
                hmac == null ? null : new ProtectedPlate(hmac, rs.getBytes(6), rs.getString(7)),
                new Placement(rs.getString(8), rs.getString(9), rs.getString(10), SpotType.valueOf(rs.getString(11))),
                rs.getString(12),
                rs.getString(13),
                rs.getTimestamp(14).toInstant(),
                rs.getString(15),
                exitAt == null ? null : exitAt.toInstant(),
                rs.getBigDecimal(17),
                instant(rs.getTimestamp(18)),
                rs.getBigDecimal(19),
                rs.getBigDecimal(20),
                instant(rs.getTimestamp(21)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
