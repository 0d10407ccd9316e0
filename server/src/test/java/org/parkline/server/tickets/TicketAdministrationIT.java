package org.parkline.server.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.LotMode;
import org.parkline.client.Payment;
import org.parkline.client.PaymentMethod;
import org.parkline.client.PaymentRequest;
import org.parkline.client.SpotType;
import org.parkline.client.Ticket;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.AuditTrail;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.PricingRules;
import org.parkline.server.support.RawHttp.Reply;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An attendant reports a ticket lost, overrides its fee, lets a vehicle out unpaid or voids a ticket issued in error;
 * quotes, payments and exits honour each, and every refusal leaves the ticket as it was.
 */
class TicketAdministrationIT extends IntegrationTest {

    private static final String TARIFF =
            """
            {"currency":"SGD","rules":[
              {"id":"hourly","kind":"HOURLY","rate":"2.00"},
              {"id":"lost","kind":"LOST_TICKET","amount":"30.00","mode":"ADD"}]}""";

    @Autowired
    AuditTrail audit;

    private TestLot lot;
    private Ticket ticket;

    @BeforeEach
    void aCarParked() {
        lot = lots().create(LotMode.CAPACITY, Map.of(SpotType.COMPACT, 5));
        new PricingRules(http).published(lot.lotId(), TARIFF, null);
        ticket = api.enter(
                EntryRequest.of(lot.lotId(), lot.entryGate(), Vehicle.of(VehicleType.CAR), EntryPreferences.none()),
                "admin-entry-" + lot.lotId());
    }

    @Test
    void aLostTicketIsPricedWithTheLostTicketFeeAndLeavesOnceThatIsPaid() {
        clock.advance(Duration.ofMinutes(90));

        Reply lost = post("lost", "{\"reason\":\"parker lost the paper ticket\"}");

        assertThat(lost.status()).isEqualTo(200);
        assertThat(lost.json().path("lostTicket").asBoolean()).isTrue();
        assertThat(lost.json().path("amount").decimalValue()).isEqualByComparingTo("34.00");
        assertThat(http.get("/v1/tickets/" + ticket.ticketId() + "/quote")
                        .json()
                        .path("amount")
                        .decimalValue())
                .isEqualByComparingTo("34.00");
        assertThat(http.get("/v1/tickets/" + ticket.ticketId())
                        .json()
                        .path("lost")
                        .asBoolean())
                .isTrue();
        assertThat(exit().problem()).isEqualTo("payment-required");

        Payment paid = api.pay(pay(), "lost-pay-" + lot.lotId());

        assertThat(paid.amount()).isEqualByComparingTo("34.00");
        assertThat(exit().status()).isEqualTo(200);
        assertThat(audit.of(lot.lotId(), "ticket.lost")).singleElement().satisfies(e -> assertThat(e.after())
                .containsEntry("reason", "parker lost the paper ticket"));
        assertThat(post("lost", "{\"reason\":\"again, after it left\"}").problem())
                .isEqualTo("ticket-not-active");
    }

    @Test
    void reportingATicketLostTwiceRecordsItOnceAndAReasonIsRequired() {
        assertThat(post("lost", "{\"reason\":\"no\"}").status()).isEqualTo(400);
        assertThat(post("lost", "{}").status()).isEqualTo(400);
        assertThat(count("select count(*) from ticket where id = ? and lost_at is null", ticket.ticketId()))
                .isEqualTo(1);

        post("lost", "{\"reason\":\"lost at the mall\"}");
        post("lost", "{\"reason\":\"lost at the mall\"}");

        assertThat(audit.of(lot.lotId(), "ticket.lost")).hasSize(1);
    }

    @Test
    void aFeeOverrideBecomesThePriceOfTheStayAndTheExitHonoursIt() {
        clock.advance(Duration.ofMinutes(150));

        Reply overridden = post("override", "{\"amount\":\"5.00\",\"reason\":\"barrier fault delayed exit\"}");

        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.json().path("amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(overridden.json().path("breakdown").get(0).path("rule").asString())
                .isEqualTo("override");
        clock.advance(Duration.ofHours(5));
        assertThat(http.get("/v1/tickets/" + ticket.ticketId() + "/quote")
                        .json()
                        .path("amount")
                        .decimalValue())
                .isEqualByComparingTo("5.00");
        assertThat(api.pay(pay(), "override-pay-" + lot.lotId()).amount()).isEqualByComparingTo("5.00");
        Reply exit = exit();
        assertThat(exit.status()).isEqualTo(200);
        assertThat(exit.json().path("amountPaid").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(audit.of(lot.lotId(), "ticket.fee_overridden"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.before()).containsEntry("feeOverride", "none").containsEntry("total", "6.00");
                    assertThat(e.after())
                            .containsEntry("feeOverride", "5.00")
                            .containsEntry("reason", "barrier fault delayed exit");
                });
    }

    @Test
    void whatWasPaidBeforeAnOverrideCountsAgainstItAndAnOverpaymentIsNotRefundedByItself() {
        clock.advance(Duration.ofMinutes(150));
        api.pay(pay(), "before-override-" + lot.lotId()); // 6.00

        Reply more = post("override", "{\"amount\":7,\"reason\":\"agreed with the parker\"}");
        assertThat(more.json().path("amount").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(more.json().path("paid").decimalValue()).isEqualByComparingTo("6.00");

        Reply less = post("override", "{\"amount\":\"3.00\",\"reason\":\"goodwill, manager approved\"}");
        assertThat(less.json().path("amount").decimalValue()).isEqualByComparingTo("0.00");
        Reply exit = exit();
        assertThat(exit.status()).isEqualTo(200);
        assertThat(exit.json().path("amountPaid").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(count(
                        "select count(*) from payment where payable_ref = ? and status = 'CAPTURED'",
                        ticket.ticketId()))
                .isEqualTo(1);
    }

    @Test
    void anOverrideWithABadAmountChangesNothing() {
        assertThat(post("override", "{\"amount\":\"-1.00\",\"reason\":\"testing refusals\"}")
                        .status())
                .isEqualTo(400);
        assertThat(post("override", "{\"amount\":\"1.005\",\"reason\":\"testing refusals\"}")
                        .status())
                .isEqualTo(400);
        assertThat(post("override", "{\"reason\":\"testing refusals\"}").status())
                .isEqualTo(400);
        assertThat(count("select count(*) from ticket where id = ? and fee_override is null", ticket.ticketId()))
                .isEqualTo(1);
        assertThat(audit.of(lot.lotId(), "ticket.fee_overridden")).isEmpty();
    }

    @Test
    void anExitOverrideLetsTheVehicleOutAndRecordsTheUnpaidAmountAsWaived() {
        clock.advance(Duration.ofMinutes(110));
        long freeBefore = available();

        Reply tooShort = post("exit-override", "{\"gateId\":\"%s\",\"reason\":\"ok\"}".formatted(lot.exitGate()));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(count("select count(*) from ticket where id = ? and status = 'ACTIVE'", ticket.ticketId()))
                .isEqualTo(1);

        Reply out = post(
                "exit-override",
                "{\"gateId\":\"%s\",\"reason\":\"card reader down, parker sent away\"}".formatted(lot.exitGate()));

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(out.json().path("amountWaived").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(out.json().path("amountPaid").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("select amount_waived from ticket where id = ?")
                        .param(ticket.ticketId())
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("4.00");
        assertThat(available()).isEqualTo(freeBefore + 1);
        assertThat(audit.of(lot.lotId(), "ticket.exit_overridden"))
                .singleElement()
                .satisfies(e -> assertThat(e.after())
                        .containsEntry("amountWaived", "4.00")
                        .containsEntry("reason", "card reader down, parker sent away"));
        assertThat(audit.of(lot.lotId(), "ticket.closed")).isEmpty();
    }

    @Test
    void aVoidedTicketFreesItsPlaceAndCannotExit() {
        long freeBefore = available();

        Reply voided = post("void", "{\"reason\":\"issued twice by a faulty printer\"}");

        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.json().path("status").asString()).isEqualTo("VOID");
        assertThat(voided.json().path("voidedAt").isNull()).isFalse();
        assertThat(available()).isEqualTo(freeBefore + 1);
        assertThat(exit().problem()).isEqualTo("already-exited");
        assertThat(audit.of(lot.lotId(), "ticket.voided")).singleElement().satisfies(e -> assertThat(e.after())
                .containsEntry("status", "VOID"));
    }

    @Test
    void aTicketWithAPaymentIsNotVoidedUntilTheMoneyIsRefunded() {
        clock.advance(Duration.ofMinutes(90));
        api.pay(pay(), "void-pay-" + lot.lotId());
        long freeBefore = available();

        Reply refused = post("void", "{\"reason\":\"issued in error\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).isEqualTo("ticket-has-payments");
        assertThat(count("select count(*) from ticket where id = ? and status = 'ACTIVE'", ticket.ticketId()))
                .isEqualTo(1);
        assertThat(available()).isEqualTo(freeBefore);
        assertThat(audit.of(lot.lotId(), "ticket.voided")).isEmpty();
    }

    @Test
    void anOperatorOfAnotherLotChangesNoTicketHere() {
        var operator = http.withToken(tokenOf("operator"));

        Reply lost = operator.post("/v1/tickets/" + ticket.ticketId() + "/lost", "{\"reason\":\"not my lot\"}");
        Reply voided = operator.post("/v1/tickets/" + ticket.ticketId() + "/void", "{\"reason\":\"not my lot\"}");
        Reply out = operator.post(
                "/v1/tickets/" + ticket.ticketId() + "/exit-override",
                "{\"gateId\":\"%s\",\"reason\":\"not my lot\"}".formatted(lot.exitGate()));

        assertThat(lost.status()).isEqualTo(403);
        assertThat(voided.status()).isEqualTo(403);
        assertThat(out.status()).isEqualTo(403);
        assertThat(count(
                        "select count(*) from ticket where id = ? and status = 'ACTIVE' and lost_at is null",
                        ticket.ticketId()))
                .isEqualTo(1);
        assertThat(http.withToken(tokenOf("analyst"))
                        .post(
                                "/v1/tickets/" + ticket.ticketId() + "/override",
                                "{\"amount\":1,\"reason\":\"nope nope\"}")
                        .status())
                .isEqualTo(403);
    }

    private PaymentRequest pay() {
        return PaymentRequest.amountDue(ticket.ticketId(), PaymentMethod.CARD, "tok_visa");
    }

    private Reply post(String action, String body) {
        return http.post("/v1/tickets/" + ticket.ticketId() + "/" + action, body);
    }

    private Reply exit() {
        return http.post("/v1/tickets/" + ticket.ticketId() + "/exit", "{\"gateId\":\"%s\"}".formatted(lot.exitGate()));
    }

    private long available() {
        return count(
                "select sum(available) from zone_counter_now where lot_id = ? and spot_type = 'COMPACT'", lot.lotId());
    }
}
