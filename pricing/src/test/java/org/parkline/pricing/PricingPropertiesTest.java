package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkline.pricing.Fixtures.ENGINE;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Laws that hold for every valid rule set, checked over generated tariffs (every rule kind, four
 * timezones, stays across clock changes) with the seeded {@link Trials} harness.
 */
class PricingPropertiesTest {

    private static final int TRIES = 400;

    @Test
    void aLaterExitNeverCostsLess() {
        Trials.forAll(
                TRIES,
                r -> new Object[] {RandomTariffs.anyCase(r, RandomTariffs.Options.EVERYTHING), r.nextInt(3 * 1440)},
                sample -> {
                    var c = (RandomTariffs.Case) sample[0];
                    Stay longer = withExit(c.stay(), c.stay().exitAt().plus(Duration.ofMinutes((int) sample[1])));
                    assertThat(ENGINE.quote(c.rules(), longer).total())
                            .as("%s, %d more minutes", c, sample[1])
                            .isGreaterThanOrEqualTo(
                                    ENGINE.quote(c.rules(), c.stay()).total());
                });
    }

    @Test
    void theDailyCapHolds() {
        var options = new RandomTariffs.Options(false, true, true);
        Trials.forAll(TRIES, r -> RandomTariffs.plainCase(r, options), c -> {
            Matcher cap = Pattern.compile("\"amount\":\"([0-9.]+)\",\"window\":\"(\\w+)\"")
                    .matcher(c.json());
            assertThat(cap.find()).isTrue();
            BigDecimal perDay = new BigDecimal(cap.group(1));
            long days = cap.group(2).equals("ROLLING_24H") ? startedDays(c.stay()) : calendarDates(c.stay());
            assertThat(ENGINE.quote(c.rules(), c.stay()).total())
                    .as("%s", c)
                    .isLessThanOrEqualTo(perDay.multiply(BigDecimal.valueOf(days)));
        });
    }

    @Test
    void freeMinutesAreFree() {
        Trials.forAll(TRIES, r -> RandomTariffs.plainCase(r, RandomTariffs.Options.EVERYTHING), c -> {
            Matcher free = Pattern.compile("\"kind\":\"FREE_MINUTES\",\"minutes\":(\\d+)")
                    .matcher(c.json());
            if (free.find()) {
                int minutes = Integer.parseInt(free.group(1));
                long seconds =
                        Duration.between(c.stay().entryAt(), c.stay().exitAt()).toSeconds() % (minutes * 60L + 1);
                Stay shortStay = withExit(c.stay(), c.stay().entryAt().plusSeconds(seconds));
                assertThat(ENGINE.quote(c.rules(), shortStay).total())
                        .as("%s", c)
                        .isZero();
            }
        });
    }

    /**
     * A rule set is additive when it has only rate rules (HOURLY, BLOCK, TIME_BANDS): then a stay
     * priced in two parts costs the same as priced whole, as long as the split is at a block
     * boundary. Generated rate rules have whole-hour band edges and blocks dividing an hour, so
     * with an on-the-hour entry every whole hour is a block boundary, in every zone, DST included.
     */
    @Test
    void splittingAnAdditiveTariffsQuoteAtABlockBoundaryNeverDisagreesWithTheWhole() {
        var options = new RandomTariffs.Options(false, false, false);
        Trials.forAll(TRIES, r -> new Object[] {hourBlocksOnly(r, options), r.nextDouble()}, sample -> {
            var c = (RandomTariffs.Case) sample[0];
            Instant entry = c.stay().entryAt().truncatedTo(ChronoUnit.HOURS);
            Instant exit = c.stay().exitAt().plus(Duration.ofHours(2));
            long hours = Duration.between(entry, exit).toHours();
            Instant split = entry.plus(Duration.ofHours(1 + (long) ((double) sample[1] * (hours - 1))));
            BigDecimal whole =
                    ENGINE.quote(c.rules(), between(c.stay(), entry, exit)).total();
            BigDecimal parts = ENGINE.quote(c.rules(), between(c.stay(), entry, split))
                    .total()
                    .add(ENGINE.quote(c.rules(), between(c.stay(), split, exit)).total());
            assertThat(parts)
                    .as("%s split at %s", c, split.atZone(c.stay().zone()))
                    .isEqualTo(whole);
        });
    }

    @Test
    void amountDueIsNeverNegativeNorMoreThanTheTotal() {
        Trials.forAll(TRIES, r -> RandomTariffs.anyCase(r, RandomTariffs.Options.EVERYTHING), c -> {
            Quote quote = ENGINE.quote(c.rules(), c.stay());
            assertThat(quote.amountDue()).as("%s", c).isNotNegative().isLessThanOrEqualTo(quote.total());
            boolean inGrace = c.stay().lastPaidAt() != null
                    && !c.stay()
                            .exitAt()
                            .isAfter(c.stay().lastPaidAt().plus(c.rules().gracePeriod()))
                    && c.rules().graceMinutes() > 0;
            BigDecimal expected = inGrace
                    ? BigDecimal.ZERO
                    : quote.total()
                            .subtract(c.stay().alreadyPaid())
                            .max(BigDecimal.ZERO)
                            .setScale(quote.currency().getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP);
            assertThat(quote.amountDue()).as("%s", c).isEqualByComparingTo(expected);
        });
    }

    @Test
    void theTotalIsNeverNegativeAndIsTheSumOfTheBreakdownInTheCurrencysMinorUnit() {
        Trials.forAll(TRIES, r -> RandomTariffs.anyCase(r, RandomTariffs.Options.EVERYTHING), c -> {
            Quote quote = ENGINE.quote(c.rules(), c.stay());
            assertThat(quote.total()).as("%s", c).isNotNegative();
            assertThat(quote.total().scale()).isEqualTo(quote.currency().getDefaultFractionDigits());
            assertThat(quote.breakdown().stream().map(QuoteLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("%s", c)
                    .isEqualByComparingTo(quote.total());
            assertThat(quote.breakdown())
                    .allSatisfy(line -> assertThat(line.from()).isBeforeOrEqualTo(line.to()));
        });
    }

    @Test
    void pricingIsDeterministicAndSurvivesTheCanonicalRoundTrip() {
        Trials.forAll(TRIES / 4, r -> RandomTariffs.anyCase(r, RandomTariffs.Options.EVERYTHING), c -> {
            RuleSet again = RuleSet.parse(c.rules().version(), c.rules().canonicalJson());
            assertThat(ENGINE.quote(again, c.stay())).as("%s", c).isEqualTo(ENGINE.quote(c.rules(), c.stay()));
        });
    }

    private static RandomTariffs.Case hourBlocksOnly(java.util.Random r, RandomTariffs.Options options) {
        RandomTariffs.Case c;
        do {
            c = RandomTariffs.plainCase(r, options);
        } while (c.json().contains(":120"));
        return c;
    }

    private static long startedDays(Stay stay) {
        long seconds = Duration.between(stay.entryAt(), stay.exitAt()).toSeconds();
        return (seconds + 86_399) / 86_400;
    }

    private static long calendarDates(Stay stay) {
        if (stay.entryAt().equals(stay.exitAt())) {
            return 0;
        }
        var first = stay.entryAt().atZone(stay.zone()).toLocalDate();
        var last = stay.exitAt().minusNanos(1).atZone(stay.zone()).toLocalDate();
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    private static Stay withExit(Stay stay, Instant exit) {
        return between(stay, stay.entryAt(), exit);
    }

    private static Stay between(Stay stay, Instant entry, Instant exit) {
        return new Stay(
                entry,
                exit,
                stay.zone(),
                stay.vehicle(),
                stay.evCharging(),
                stay.lostTicket(),
                stay.promotionCodes(),
                stay.alreadyPaid(),
                stay.lastPaidAt());
    }
}
