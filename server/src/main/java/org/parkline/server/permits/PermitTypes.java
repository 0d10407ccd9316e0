package org.parkline.server.permits;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.parkline.server.identity.LotAccess;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Permit types: defined by an ADMIN, or an OPERATOR of every lot the type covers. */
@Service
class PermitTypes {

    private static final String COLUMNS =
            """
            id, home_lot_id, name, category, lot_ids, zones, price, currency, validity, max_vehicles, quota,
            refund_policy, active, created_at
            """;

    private final JdbcClient jdbc;
    private final LotCatalog lots;
    private final LotAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PermitTypes(JdbcClient jdbc, LotCatalog lots, LotAccess access, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.lots = lots;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    record Definition(
            String name,
            PermitType.Category category,
            List<String> lotIds,
            List<String> zones,
            BigDecimal price,
            String validity,
            int maxVehicles,
            @Nullable Integer quota,
            PermitType.RefundPolicy refundPolicy) {}

    @Transactional
    PermitType create(Definition d) {
        if (d.lotIds().isEmpty()) throw ApiProblem.invalid("lotIds: name at least one lot where the permit is valid");
        for (String lotId : d.lotIds()) access.requireLot(lotId);
        Lot home = lots.lot(d.lotIds().getFirst())
                .orElseThrow(() -> ApiProblem.notFound("lot", d.lotIds().getFirst()));
        for (String lotId : d.lotIds()) {
            Lot lot = lots.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
            if (!lot.currency().equals(home.currency())) {
                throw ApiProblem.invalid("lotIds: all lots of a permit type must share one currency");
            }
        }
        for (String zone : d.zones()) {
            boolean known = d.lotIds().stream().anyMatch(lotId -> lots.zones(lotId).stream()
                    .anyMatch(z -> z.zone().equals(zone)));
            if (!known) throw ApiProblem.invalid("zones: no lot of this type has a zone " + zone);
        }
        Period validity = validity(d.validity());
        int digits = home.currency().getDefaultFractionDigits();
        if (d.price().signum() < 0 || d.price().stripTrailingZeros().scale() > digits) {
            throw ApiProblem.invalid("price: zero or more, with at most " + digits + " decimals in " + home.currency());
        }
        PermitType type = new PermitType(
                Ids.next("PT", clock),
                home.id(),
                d.name().strip(),
                d.category(),
                List.copyOf(d.lotIds()),
                List.copyOf(d.zones()),
                d.price().setScale(digits),
                home.currency(),
                validity,
                d.maxVehicles(),
                d.quota(),
                d.refundPolicy(),
                true,
                clock.instant());
        jdbc.sql(
                        """
                        insert into permit_type (id, home_lot_id, name, category, lot_ids, zones, price, currency,
                                                 validity, max_vehicles, quota, refund_policy, active, created_at)
                        values (:id, :home, :name, :category, string_to_array(:lots, ','), string_to_array(:zones, ','), :price,
                        :currency, :validity, :max,
                                :quota, :refund, true, :at)
                        """)
                .param("id", type.id())
                .param("home", type.homeLotId())
                .param("name", type.name())
                .param("category", type.category().name())
                // ids and zone codes are letters, digits, '_' and '-' (checked above), so a comma joins them safely
                .param("lots", String.join(",", type.lotIds()))
                .param("zones", String.join(",", type.zones()))
                .param("price", type.price())
                .param("currency", type.currency().getCurrencyCode())
                .param("validity", type.validity().toString())
                .param("max", type.maxVehicles())
                .param("quota", type.quota())
                .param("refund", type.refundPolicy().name())
                .param("at", Timestamp.from(type.createdAt()))
                .update();
        events.publishEvent(new Audited("permit_type.created", "permit_type", type.id(), home.id(), null, state(type)));
        return type;
    }

    Optional<PermitType> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from permit_type where id = :id")
                .param("id", id)
                .query(PermitTypes::type)
                .optional();
    }

    /** Locks the type row: sales of one type queue here, so the quota holds under concurrent purchases. */
    Optional<PermitType> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from permit_type where id = :id for update")
                .param("id", id)
                .query(PermitTypes::type)
                .optional();
    }

    List<PermitType> forLot(String lotId) {
        return jdbc.sql("select " + COLUMNS + " from permit_type where :lot = any(lot_ids) order by created_at, id")
                .param("lot", lotId)
                .query(PermitTypes::type)
                .list();
    }

    private static Period validity(String text) {
        try {
            Period period = Period.parse(text);
            if (period.isNegative() || period.isZero() || period.toTotalMonths() > 24)
                throw new DateTimeParseException("", text, 0);
            return period;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("validity: an ISO-8601 period of one day to two years, e.g. P1D, P1M, P6M, P1Y");
        }
    }

    static Map<String, Object> state(PermitType t) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", t.name());
        state.put("category", t.category().name());
        state.put("lotIds", t.lotIds());
        state.put("zones", t.zones());
        state.put("price", t.price());
        state.put("validity", t.validity().toString());
        state.put("maxVehicles", t.maxVehicles());
        state.put("quota", t.quota() == null ? "unlimited" : t.quota());
        state.put("refundPolicy", t.refundPolicy().name());
        return state;
    }

    private static PermitType type(ResultSet rs, int row) throws SQLException {
        int quota = rs.getInt(11);
        boolean noQuota = rs.wasNull();
        java.util.Currency currency = java.util.Currency.getInstance(rs.getString(8));
        return new PermitType(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                PermitType.Category.valueOf(rs.getString(4)),
                strings(rs.getArray(5)),
                strings(rs.getArray(6)),
                rs.getBigDecimal(7).setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP),
                currency,
                Period.parse(rs.getString(9)),
                rs.getInt(10),
                noQuota ? null : quota,
                PermitType.RefundPolicy.valueOf(rs.getString(12)),
                rs.getBoolean(13),
                rs.getTimestamp(14).toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
