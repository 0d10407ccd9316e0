package org.parkline.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkline.pricing.Fixtures.charging;
import static org.parkline.pricing.Fixtures.lost;
import static org.parkline.pricing.Fixtures.money;
import static org.parkline.pricing.Fixtures.quote;
import static org.parkline.pricing.Fixtures.rules;
import static org.parkline.pricing.Fixtures.stay;
import static org.parkline.pricing.Fixtures.total;
import static org.parkline.pricing.Fixtures.vehicle;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** MAX_STAY, EV_SURCHARGE, VEHICLE_MULTIPLIER and LOST_TICKET. */
class SurchargesTest {

    @Test
    void stayLongerThanTheMaximumAddsThePenalty() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"1.00"},
                  {"id":"max_24h","kind":"MAX_STAY","minutes":1440,"penalty":"50.00"}]}""");
        Quote quote = quote(rules, stay("2026-03-02T09:00", "2026-03-03T10:00"));
        assertThat(quote.total()).isEqualTo(money("75.00"));
        QuoteLine penalty = quote.breakdown().getLast();
        assertThat(penalty.rule()).isEqualTo("max_24h");
        assertThat(penalty.from()).isEqualTo(Fixtures.at("2026-03-03T09:00", Fixtures.LONDON));
    }

    @Test
    void aZeroPenaltyOnlyFlagsTheOverstay() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"1.00"},
                  {"id":"max_24h","kind":"MAX_STAY","minutes":1440}]}""");
        Quote quote = quote(rules, stay("2026-03-02T09:00", "2026-03-03T10:00"));
        assertThat(quote.total()).isEqualTo(money("25.00"));
        assertThat(quote.breakdown())
                .extracting(QuoteLine::rule, QuoteLine::amount)
                .contains(Tuple.tuple("max_24h", money("0.00")));
        assertThat(quote(rules, stay("2026-03-02T09:00", "2026-03-03T09:00")).breakdown())
                .extracting(QuoteLine::rule)
                .doesNotContain("max_24h");
    }

    @Test
    void evChargingAddsAFlatSurchargePerStay() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"ev","kind":"EV_SURCHARGE","amount":"3.00"}]}""");
        Stay stay = stay("2026-03-02T09:00", "2026-03-02T11:00");
        assertThat(total(rules, charging(stay))).isEqualTo(money("7.00"));
        assertThat(total(rules, stay)).isEqualTo(money("4.00"));
    }

    @Test
    void evChargingPerHourCountsStartedHoursOfTheStay() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"ev","kind":"EV_SURCHARGE","amount":"1.50","per":"HOUR"}]}""");
        // 2 h 10 min: 3 started hours of parking (6.00) and of charging (4.50)
        assertThat(total(rules, charging(stay("2026-03-02T09:00", "2026-03-02T11:10"))))
                .isEqualTo(money("10.50"));
    }

    private static final RuleSet MULTIPLIED = rules(
            """
            {"currency":"GBP","rules":[
              {"id":"hourly","kind":"HOURLY","rate":"2.25"},
              {"id":"cap","kind":"DAILY_CAP","amount":"12.00"},
              {"id":"vehicles","kind":"VEHICLE_MULTIPLIER","factors":{"MOTORBIKE":"0.5","TRUCK":"2"}}]}""");

    @Test
    void motorbikesPayHalfRoundedHalfUp() {
        // 2.25 × 0.5 = 1.125 → 1.13
        Quote quote = quote(MULTIPLIED, vehicle(stay("2026-03-02T09:00", "2026-03-02T10:00"), VehicleClass.MOTORBIKE));
        assertThat(quote.total()).isEqualTo(money("1.13"));
        assertThat(quote.breakdown())
                .extracting(QuoteLine::rule, QuoteLine::amount)
                .containsExactly(Tuple.tuple("hourly", money("2.25")), Tuple.tuple("vehicles", money("-1.12")));
    }

    @Test
    void trucksPayDoubleTheCappedCharge() {
        assertThat(total(MULTIPLIED, vehicle(stay("2026-03-02T09:00", "2026-03-02T19:00"), VehicleClass.TRUCK)))
                .isEqualTo(money("24.00"));
    }

    @Test
    void unlistedVehiclesPayTheStandardCharge() {
        assertThat(total(MULTIPLIED, stay("2026-03-02T09:00", "2026-03-02T10:00")))
                .isEqualTo(money("2.25"));
    }

    @Test
    void lostTicketFeeIsAddedToTheParkingCharge() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"lost","kind":"LOST_TICKET","amount":"20.00"}]}""");
        assertThat(total(rules, lost(stay("2026-03-02T09:00", "2026-03-02T11:00"))))
                .isEqualTo(money("24.00"));
    }

    @Test
    void lostTicketGreaterOfChargesTheFeeOrTheParkingWhicheverIsMore() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[
                  {"id":"hourly","kind":"HOURLY","rate":"2.00"},
                  {"id":"lost","kind":"LOST_TICKET","amount":"20.00","mode":"GREATER_OF"}]}""");
        assertThat(total(rules, lost(stay("2026-03-02T09:00", "2026-03-02T11:00"))))
                .isEqualTo(money("20.00"));
        assertThat(total(rules, lost(stay("2026-03-02T09:00", "2026-03-02T21:00"))))
                .isEqualTo(money("24.00"));
    }

    @Test
    void aLostTicketWithoutALostTicketRuleIsPricedNormally() {
        RuleSet rules = rules(
                """
                {"currency":"GBP","rules":[{"id":"hourly","kind":"HOURLY","rate":"2.00"}]}""");
        assertThat(total(rules, lost(stay("2026-03-02T09:00", "2026-03-02T11:00"))))
                .isEqualTo(money("4.00"));
    }
}
