package org.parkline.server.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.parkline.server.payments.PaymentServiceProvider.PspCapture;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A lot's day of captures, Parkline's against the PSP's, matched by PSP reference, with every mismatch; and the
 * payments whose payer left while the capture was pending, still pending or failed (uncollected).
 */
@Service
class Reconciliations {

    private final JdbcClient jdbc;
    private final LotCatalog lots;
    private final PaymentServiceProvider psp;

    Reconciliations(JdbcClient jdbc, LotCatalog lots, PaymentServiceProvider psp) {
        this.jdbc = jdbc;
        this.lots = lots;
        this.psp = psp;
    }

    ReconciliationReport report(String lotId, LocalDate date) {
        Lot lot = lots.lot(lotId).orElseThrow(() -> ApiProblem.notFound("lot", lotId));
        ZoneId zone = lot.timezone();
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Captured> ours = captured(lotId, from, to);
        List<PspCapture> theirs;
        try {
            // a day either side: a capture Parkline dated today may sit on the PSP's yesterday or tomorrow
            theirs = psp.captures(from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1)));
        } catch (PaymentServiceProvider.Unavailable e) {
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "psp-unavailable",
                    "Payment provider unavailable",
                    "The payment provider did not list its captures; retry later");
        }
        Map<String, PspCapture> byReference =
                theirs.stream().collect(Collectors.toMap(PspCapture::pspReference, Function.identity(), (a, b) -> a));
        List<ReconciliationReport.Mismatch> mismatches = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        BigDecimal ourTotal = BigDecimal.ZERO;
        int cashCount = 0;
        BigDecimal cashTotal = BigDecimal.ZERO;
        for (Captured c : ours) {
            if (c.cash()) {
                cashCount++;
                cashTotal = cashTotal.add(c.amount());
                continue;
            }
            ourTotal = ourTotal.add(c.amount());
            PspCapture their = c.pspReference() == null ? null : byReference.get(c.pspReference());
            if (their == null) {
                mismatches.add(ReconciliationReport.Mismatch.missingAtPsp(c.paymentId(), c.pspReference(), c.amount()));
            } else {
                matched.add(their.pspReference());
                if (their.amount().compareTo(c.amount()) != 0) {
                    mismatches.add(ReconciliationReport.Mismatch.amountDiffers(
                            c.paymentId(), their.pspReference(), c.amount(), their.amount()));
                }
            }
        }
        int pspCount = 0;
        BigDecimal pspTotal = BigDecimal.ZERO;
        for (PspCapture their : theirs) {
            boolean today =
                    !their.capturedAt().isBefore(from) && their.capturedAt().isBefore(to);
            boolean thisLot = their.lotId() == null || their.lotId().equals(lotId);
            if (!thisLot || !(today || matched.contains(their.pspReference()))) continue;
            pspCount++;
            pspTotal = pspTotal.add(their.amount());
            if (!matched.contains(their.pspReference()) && !knownCapture(their.pspReference())) {
                mismatches.add(ReconciliationReport.Mismatch.missingInParkline(
                        their.paymentId(), their.pspReference(), their.amount()));
            }
        }
        return new ReconciliationReport(
                date,
                lotId,
                zone.getId(),
                lot.currency().getCurrencyCode(),
                from,
                to,
                new ReconciliationReport.Totals(ours.size() - cashCount, ourTotal),
                new ReconciliationReport.Totals(pspCount, pspTotal),
                new ReconciliationReport.Totals(cashCount, cashTotal),
                matched.size(),
                mismatches,
                released(lotId, from, to, "AUTHORIZED"),
                released(lotId, from, to, "FAILED"));
    }

    private record Captured(String paymentId, @Nullable String pspReference, BigDecimal amount, boolean cash) {}

    private List<Captured> captured(String lotId, Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select id, psp_reference, amount, method = 'CASH' from payment
                         where lot_id = :lot and captured_at >= :from and captured_at < :to
                           and status in ('CAPTURED', 'REFUNDED')
                         order by captured_at
                        """)
                .param("lot", lotId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Captured(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBoolean(4)))
                .list();
    }

    /** Captured by Parkline on another day: not a mismatch of this one. */
    private boolean knownCapture(String pspReference) {
        return jdbc.sql(
                        """
                        select exists (select 1 from payment where psp_reference = :ref
                                          and status in ('CAPTURED', 'REFUNDED'))
                        """)
                .param("ref", pspReference)
                .query(Boolean.class)
                .single();
    }

    private List<ReconciliationReport.Released> released(String lotId, Instant from, Instant to, String status) {
        return jdbc.sql(
                        """
                        select id, payable_kind, payable_ref, amount, currency, released_at, failure_reason from payment
                         where lot_id = :lot and released_at >= :from and released_at < :to and status = :status
                         order by released_at
                        """)
                .param("lot", lotId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("status", status)
                .query((rs, n) -> new ReconciliationReport.Released(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        Currency.getInstance(rs.getString(5)).getCurrencyCode(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .list();
    }
}
