package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Caps time charges per window: each PERIOD_CAP over the occurrences of its band, then the
 * DAILY_CAP over its days. A block belongs to the window in which it starts; inside a window the
 * blocks are clipped in time order so that their sum never passes the cap.
 */
final class CapPolicy {

    private final Tariff tariff;

    CapPolicy(Tariff tariff) {
        this.tariff = tariff;
    }

    /** Lowers the blocks' net prices and adds one negative line per capped window. */
    void apply(Stay stay, List<ChargeBlock> blocks, List<QuoteLine> lines) {
        for (Rule.PeriodCap cap : tariff.all(Rule.PeriodCap.class)) {
            Map<Window, List<ChargeBlock>> windows = new LinkedHashMap<>();
            for (ChargeBlock block : blocks) {
                var local = block.start.atZone(stay.zone());
                if (cap.band().contains(local.toLocalTime().toSecondOfDay())) {
                    LocalDate date = cap.band().occurrenceDate(local);
                    if (tariff.calendar().admits(cap.days(), date)) {
                        Window window = new Window(
                                cap.band().start(date, stay.zone()).toInstant(),
                                cap.band().end(date, stay.zone()).toInstant());
                        windows.computeIfAbsent(window, w -> new java.util.ArrayList<>())
                                .add(block);
                    }
                }
            }
            windows.forEach((window, inWindow) -> clip(cap.id(), cap.amount(), window, inWindow, stay, lines));
        }
        tariff.single(Rule.DailyCap.class).ifPresent(cap -> {
            Map<Window, List<ChargeBlock>> windows = new LinkedHashMap<>();
            for (ChargeBlock block : blocks) {
                windows.computeIfAbsent(dayOf(cap, block.start, stay), w -> new java.util.ArrayList<>())
                        .add(block);
            }
            windows.forEach((window, inWindow) -> clip(cap.id(), cap.amount(), window, inWindow, stay, lines));
        });
    }

    private static Window dayOf(Rule.DailyCap cap, Instant start, Stay stay) {
        ZoneId zone = stay.zone();
        return switch (cap.window()) {
            case ROLLING_24H -> {
                long day = Duration.between(stay.entryAt(), start).toDays();
                Instant from = stay.entryAt().plus(Duration.ofDays(day));
                yield new Window(from, from.plus(Duration.ofDays(1)));
            }
            case CALENDAR_DAY -> {
                LocalDate date = start.atZone(zone).toLocalDate();
                yield new Window(
                        date.atStartOfDay(zone).toInstant(),
                        date.plusDays(1).atStartOfDay(zone).toInstant());
            }
        };
    }

    private void clip(
            String ruleId, BigDecimal cap, Window window, List<ChargeBlock> blocks, Stay stay, List<QuoteLine> lines) {
        BigDecimal limit = tariff.money().round(cap);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal removed = BigDecimal.ZERO;
        for (ChargeBlock block : blocks) {
            BigDecimal allowed = limit.subtract(sum).max(BigDecimal.ZERO).min(block.net);
            removed = removed.add(block.net.subtract(allowed));
            block.net = allowed;
            sum = sum.add(allowed);
        }
        if (removed.signum() > 0) {
            Instant from = window.from().isBefore(stay.entryAt()) ? stay.entryAt() : window.from();
            Instant to = window.to().isAfter(stay.exitAt()) ? stay.exitAt() : window.to();
            lines.add(new QuoteLine(ruleId, from, to, removed.negate()));
        }
    }

    private record Window(Instant from, Instant to) {}
}
