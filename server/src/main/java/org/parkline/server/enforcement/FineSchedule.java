package org.parkline.server.enforcement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.lots.Lot;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A lot's violation codes and their fines: what a citation costs, and when a late fee is added. */
@Service
class FineSchedule {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    FineSchedule(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    enum Kind {
        /** Parked without a permit, ticket or exemption: refused when the plate check says VALID. */
        NO_PAYMENT,
        OVERSTAY,
        OTHER
    }

    record Fine(
            String lotId,
            String code,
            String description,
            BigDecimal amount,
            BigDecimal lateFee,
            int lateAfterDays,
            Kind kind) {}

    Fine put(Lot lot, Fine fine) {
        int digits = lot.currency().getDefaultFractionDigits();
        if (fine.amount().signum() <= 0 || fine.amount().stripTrailingZeros().scale() > digits) {
            throw ApiProblem.invalid("amount: positive, with at most " + digits + " decimals in " + lot.currency());
        }
        if (fine.lateFee().signum() < 0 || fine.lateFee().stripTrailingZeros().scale() > digits) {
            throw ApiProblem.invalid("lateFee: zero or more, with at most " + digits + " decimals");
        }
        if (!fine.code().matches("[A-Z0-9_-]{1,16}")) {
            throw ApiProblem.invalid("code: 1 to 16 capital letters, digits, '_' or '-'");
        }
        if (fine.lateAfterDays() < 1 || fine.lateAfterDays() > 365) {
            throw ApiProblem.invalid("lateAfterDays: 1 to 365");
        }
        Optional<Fine> before = find(lot.id(), fine.code());
        jdbc.sql(
                        """
                        insert into fine_schedule (lot_id, code, description, amount, late_fee, late_after_days, kind)
                        values (:lot, :code, :description, :amount, :lateFee, :days, :kind)
                        on conflict (lot_id, code) do update set description = excluded.description,
                            amount = excluded.amount, late_fee = excluded.late_fee,
                            late_after_days = excluded.late_after_days, kind = excluded.kind
                        """)
                .param("lot", lot.id())
                .param("code", fine.code())
                .param("description", fine.description().strip())
                .param("amount", fine.amount())
                .param("lateFee", fine.lateFee())
                .param("days", fine.lateAfterDays())
                .param("kind", fine.kind().name())
                .update();
        Fine after = find(lot.id(), fine.code()).orElseThrow();
        events.publishEvent(new Audited(
                "fine.updated",
                "fine",
                lot.id() + "/" + fine.code(),
                lot.id(),
                before.map(FineSchedule::state).orElse(null),
                state(after)));
        return after;
    }

    Optional<Fine> find(String lotId, String code) {
        return jdbc.sql(
                        """
                        select f.lot_id, f.code, f.description, f.amount, f.late_fee, f.late_after_days, f.kind, l.currency
                          from fine_schedule f join lot l on l.id = f.lot_id
                         where f.lot_id = :lot and f.code = :code
                        """)
                .param("lot", lotId)
                .param("code", code)
                .query((rs, n) -> fine(rs))
                .optional();
    }

    List<Fine> of(String lotId) {
        return jdbc.sql(
                        """
                        select f.lot_id, f.code, f.description, f.amount, f.late_fee, f.late_after_days, f.kind, l.currency
                          from fine_schedule f join lot l on l.id = f.lot_id
                         where f.lot_id = :lot order by f.code
                        """)
                .param("lot", lotId)
                .query((rs, n) -> fine(rs))
                .list();
    }

    private static Fine fine(java.sql.ResultSet rs) throws java.sql.SQLException {
        int scale = java.util.Currency.getInstance(rs.getString(8)).getDefaultFractionDigits();
        return new Fine(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBigDecimal(4).setScale(scale, RoundingMode.HALF_UP),
                rs.getBigDecimal(5).setScale(scale, RoundingMode.HALF_UP),
                rs.getInt(6),
                Kind.valueOf(rs.getString(7)));
    }

    private static Map<String, Object> state(Fine f) {
        return Map.of(
                "description", f.description(),
                "amount", f.amount(),
                "lateFee", f.lateFee(),
                "lateAfterDays", f.lateAfterDays(),
                "kind", f.kind().name());
    }
}
