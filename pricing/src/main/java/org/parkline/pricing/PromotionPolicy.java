package org.parkline.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies the presented codes that the document defines to the parking charge: FREE_HOURS first,
 * then AMOUNT, then PERCENT (document order within a kind), each taking off at most what is left.
 * Lost-ticket fees, overstay penalties and EV surcharges come later and are never discounted. Codes the document does not define, or presented outside their validity,
 * take nothing off and are reported as zero lines {@code unknown-promotion:CODE} and
 * {@code expired-promotion:CODE} so a cashier can tell the parker why.
 */
final class PromotionPolicy implements Adjustment {

    static final String LINE_PREFIX = "promotion:";
    static final String UNKNOWN_PREFIX = "unknown-promotion:";
    static final String EXPIRED_PREFIX = "expired-promotion:";

    private final Tariff tariff;
    private final Function<Stay, BigDecimal> parkingCharge;

    /** @param parkingCharge prices the parking part of a (shortened) stay, for FREE_HOURS */
    PromotionPolicy(Tariff tariff, Function<Stay, BigDecimal> parkingCharge) {
        this.tariff = tariff;
        this.parkingCharge = parkingCharge;
    }

    @Override
    public BigDecimal apply(Stay stay, BigDecimal running, List<QuoteLine> lines) {
        Set<String> presented = new LinkedHashSet<>();
        stay.promotionCodes().stream()
                .filter(code -> code != null && !code.isBlank())
                .map(Promotion::normalize)
                .forEach(presented::add);
        if (presented.isEmpty()) {
            return running;
        }
        LocalDateTime localExit = LocalDateTime.ofInstant(stay.exitAt(), stay.zone());
        Instant at = stay.exitAt();
        List<Promotion> inOrder = tariff.promotions().stream()
                .sorted(java.util.Comparator.comparing(Promotion::kind))
                .toList();
        for (Promotion promotion : inOrder) {
            if (!presented.remove(promotion.code())) {
                continue;
            }
            if (!promotion.validAt(localExit)) {
                lines.add(new QuoteLine(
                        EXPIRED_PREFIX + promotion.code(),
                        at,
                        at,
                        tariff.money().zero()));
                continue;
            }
            BigDecimal discount = discount(promotion, stay, running).min(running);
            lines.add(new QuoteLine(LINE_PREFIX + promotion.code(), stay.entryAt(), at, discount.negate()));
            running = running.subtract(discount);
        }
        for (String unknown : presented) {
            lines.add(new QuoteLine(
                    UNKNOWN_PREFIX + unknown, at, at, tariff.money().zero()));
        }
        return running;
    }

    private BigDecimal discount(Promotion promotion, Stay stay, BigDecimal running) {
        return switch (promotion.kind()) {
            case PERCENT ->
                tariff.money().round(running.multiply(promotion.value()).movePointLeft(2));
            case AMOUNT -> tariff.money().round(promotion.value());
            case FREE_HOURS -> {
                Instant end =
                        stay.entryAt().plus(Duration.ofHours(promotion.value().longValueExact()));
                Instant cut = end.isBefore(stay.exitAt()) ? end : stay.exitAt();
                yield parkingCharge.apply(Stay.of(stay.entryAt(), cut, stay.zone(), stay.vehicle()));
            }
        };
    }
}
