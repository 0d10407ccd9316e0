package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The time charge of a stay before caps: free minutes, the first period, then every started block
 * of every rate segment. Produces one breakdown line per segment and the blocks caps work on.
 */
final class TimeCharge {

    /** The blocks (in time order) and the lines describing them. */
    record Result(List<ChargeBlock> blocks, List<QuoteLine> lines) {}

    private final Tariff tariff;
    private final RateTimeline timeline;

    TimeCharge(Tariff tariff) {
        this.tariff = tariff;
        this.timeline = new RateTimeline(tariff.rateRules(), tariff.calendar());
    }

    Result charge(Stay stay) {
        List<ChargeBlock> blocks = new ArrayList<>();
        List<QuoteLine> lines = new ArrayList<>();
        Instant start = stay.entryAt();
        Instant exit = stay.exitAt();
        var free = tariff.single(Rule.FreeMinutes.class);
        if (free.isPresent()) {
            Instant freeUntil = start.plus(Duration.ofMinutes(free.get().minutes()));
            if (!exit.isAfter(freeUntil)) {
                lines.add(new QuoteLine(
                        free.get().id(), start, exit, tariff.money().zero()));
                return new Result(blocks, lines);
            }
            if (free.get().deducted()) {
                lines.add(new QuoteLine(
                        free.get().id(), start, freeUntil, tariff.money().zero()));
                start = freeUntil;
            }
        }
        var first = tariff.single(Rule.FirstPeriod.class);
        if (first.isPresent()) {
            Instant firstEnd = start.plus(Duration.ofMinutes(first.get().minutes()));
            BigDecimal amount = tariff.money().round(first.get().amount());
            blocks.add(new ChargeBlock(start, amount));
            lines.add(new QuoteLine(first.get().id(), start, firstEnd.isBefore(exit) ? firstEnd : exit, amount));
            start = firstEnd;
        }
        if (start.isBefore(exit)) {
            for (RateTimeline.Segment segment : timeline.segments(start, exit, stay.zone())) {
                lines.add(chargeSegment(segment, blocks));
            }
        }
        return new Result(blocks, lines);
    }

    /** Every started block of the segment at the segment's rate; blocks start at the segment's start. */
    private QuoteLine chargeSegment(RateTimeline.Segment segment, List<ChargeBlock> blocks) {
        Duration block = Duration.ofMinutes(segment.rate().blockMinutes());
        BigDecimal price = tariff.money().round(segment.rate().price());
        long started = 0;
        for (Instant t = segment.from(); t.isBefore(segment.to()); t = t.plus(block)) {
            blocks.add(new ChargeBlock(t, price));
            started++;
        }
        BigDecimal amount = price.multiply(BigDecimal.valueOf(started));
        return new QuoteLine(segment.rate().ruleId(), segment.from(), segment.to(), amount);
    }
}
