package org.parkline.server.tickets;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkline.server.audit.AuditLog;
import org.parkline.server.common.PlateProtector;
import org.parkline.server.common.ProtectedPlate;
import org.parkline.server.payments.Payments;
import org.parkline.server.privacy.PlateRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets as a data class holding plates: the plate of a ticket that ended (CLOSED or VOID) is erased after the
 * retention period, the ticket itself (times, places, amounts) is kept for the books. An ACTIVE ticket always keeps
 * its plate: the exit checks it.
 */
@Component
class TicketPlateRecords implements PlateRecords {

    private final JdbcClient jdbc;
    private final TicketBook tickets;
    private final TicketValidations validations;
    private final Payments payments;
    private final AuditLog audit;
    private final PlateProtector plates;

    TicketPlateRecords(
            JdbcClient jdbc,
            TicketBook tickets,
            TicketValidations validations,
            Payments payments,
            AuditLog audit,
            PlateProtector plates) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.validations = validations;
        this.payments = payments;
        this.audit = audit;
        this.plates = plates;
    }

    @Override
    public String name() {
        return "tickets";
    }

    @Override
    @Transactional
    public int erasePlates(java.time.Instant endedBefore, int limit) {
        return jdbc.sql(
                        """
                        update ticket set plate_hmac = null, plate_cipher = null, plate_key_id = null
                         where id in (select id from ticket
                                       where plate_hmac is not null and status in ('CLOSED', 'VOID')
                                         and coalesce(exit_at, voided_at) < :before
                                       order by coalesce(exit_at, voided_at)
                                       limit :limit
                                       for update skip locked)
                        """)
                .param("before", Timestamp.from(endedBefore))
                .param("limit", limit)
                .update();
    }

    @Override
    public List<Map<String, Object>> export(byte[] plateHash) {
        List<String> ids = jdbc.sql("select id from ticket where plate_hmac = :hash order by entry_at, id")
                .param("hash", plateHash)
                .query(String.class)
                .list();
        return ids.stream().map(id -> describe(tickets.find(id).orElseThrow())).toList();
    }

    private Map<String, Object> describe(Ticket t) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ticketId", t.id());
        record.put("lotId", t.lotId());
        record.put("status", t.status().name());
        record.put("vehicleType", t.vehicleType().name());
        record.put("entryAt", t.entryAt().toString());
        record.put("entryGateId", t.entryGateId());
        record.put("spotId", t.placement().spotId());
        record.put("floorId", t.placement().floorId());
        record.put("zone", t.placement().zone());
        record.put("exitAt", text(t.exitAt()));
        record.put("exitGateId", t.exitGateId());
        record.put("amountCharged", text(t.amountCharged()));
        record.put("lostAt", text(t.lostAt()));
        record.put("feeOverride", text(t.feeOverride()));
        record.put("amountWaived", text(t.amountWaived()));
        record.put("voidedAt", text(t.voidedAt()));
        record.put(
                "plateStored",
                "keyed hash and AES-GCM ciphertext under key " + t.plate().keyId());
        record.put("validations", validations.codes(t.id()));
        record.put(
                "payments",
                payments.settlement(TicketQuotes.PAYABLE_KIND, t.id()).paymentIds().stream()
                        .flatMap(id -> payments.payment(id).stream())
                        .map(p -> Map.of(
                                "paymentId", p.id(),
                                "amount", p.amount().toPlainString(),
                                "currency", p.currency().getCurrencyCode(),
                                "method", p.method().name(),
                                "status", p.status().name(),
                                "createdAt", p.createdAt().toString()))
                        .toList());
        record.put(
                "history",
                audit.ticketHistory(t.id()).stream()
                        .map(e -> Map.of(
                                "at", e.at().toString(),
                                "action", e.action(),
                                "actorKind", e.actorKind(),
                                "actorId", e.actorId()))
                        .toList());
        return record;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
    }

    @Override
    @Transactional
    public @Nullable String reencrypt(@Nullable String afterId, int limit) {
        record Row(String id, ProtectedPlate plate) {}
        List<Row> rows = jdbc.sql(
                        """
                        select id, plate_hmac, plate_cipher, plate_key_id from ticket
                         where id > :after and plate_cipher is not null
                         order by id
                         limit :limit
                         for update skip locked
                        """)
                .param("after", afterId == null ? "" : afterId)
                .param("limit", limit)
                .query((rs, n) ->
                        new Row(rs.getString(1), new ProtectedPlate(rs.getBytes(2), rs.getBytes(3), rs.getString(4))))
                .list();
        for (Row row : rows) {
            String keyId = row.plate().keyId();
            if (keyId.equals(plates.currentKeyId()) || !plates.knownKeyIds().contains(keyId)) continue;
            ProtectedPlate moved = plates.reencrypt(row.plate());
            jdbc.sql("update ticket set plate_cipher = :cipher, plate_key_id = :key where id = :id")
                    .param("cipher", moved.ciphertext())
                    .param("key", moved.keyId())
                    .param("id", row.id())
                    .update();
        }
        return rows.size() < limit ? null : rows.getLast().id();
    }

    @Override
    public Map<String, Long> plateKeys() {
        Map<String, Long> keys = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select plate_key_id, count(*) from ticket where plate_cipher is not null
                         group by plate_key_id order by plate_key_id
                        """)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> keys.put(e.getKey(), e.getValue()));
        return keys;
    }
}
