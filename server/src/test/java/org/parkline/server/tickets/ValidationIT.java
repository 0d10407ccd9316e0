package org.parkline.server.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.ExitRequest;
import org.parkline.client.LotMode;
import org.parkline.client.Payment;
import org.parkline.client.PaymentMethod;
import org.parkline.client.PaymentRequest;
import org.parkline.client.SpotType;
import org.parkline.client.Ticket;
import org.parkline.client.TicketStatus;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.AuditTrail;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.PricingRules;
import org.parkline.server.support.RawHttp.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A shop validates a parker's ticket; the quote, the payment and the exit all honour it. */
class ValidationIT extends IntegrationTest {

    private static final String MALL_TARIFF =
            """
            {"currency":"SGD","rules":[
              {"id":"hourly","kind":"HOURLY","rate":"2.00"},
              {"id":"lost","kind":"LOST_TICKET","amount":"30.00","mode":"ADD"}],
             "promotions":[
              {"code":"MALL2","kind":"FREE_HOURS","hours":2},
              {"code":"CINEMA","kind":"AMOUNT","amount":"3.00"}]}""";

    @Autowired
    AuditTrail audit;

    private TestLot lot;
    private Ticket ticket;

    @BeforeEach
    void aCarParkedAtTheMall() {
        lot = lots().create(LotMode.CAPACITY, Map.of(SpotType.COMPACT, 5));
        new PricingRules(http).published(lot.lotId(), MALL_TARIFF, null);
        ticket = api.enter(
                EntryRequest.of(lot.lotId(), lot.entryGate(), Vehicle.of(VehicleType.CAR), EntryPreferences.none()),
                "mall-entry-" + lot.lotId());
    }

    @Test
    void aValidationReducesTheAmountDueAndThePayment() {
        clock.advance(Duration.ofMinutes(210));
        assertThat(quote().path("amount").decimalValue()).isEqualByComparingTo("8.00");

        Reply validated = validate("mall2");

        assertThat(validated.status()).isEqualTo(201);
        assertThat(validated.json().path("code").asString()).isEqualTo("MALL2");
        JsonNode quote = quote();
        // 4 started hours 8.00, the first 2 hours (4.00) free
        assertThat(quote.path("amount").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(quote.path("ruleSetVersion").asString()).isEqualTo("2");
        assertThat(quote.path("validations").valueStream().map(JsonNode::asString))
                .containsExactly("MALL2");
        assertThat(quote.path("breakdown").valueStream().map(l -> l.path("rule").asString()))
                .contains("promotion:MALL2");

        Payment payment = api.pay(
                PaymentRequest.amountDue(ticket.ticketId(), PaymentMethod.CARD, "tok_visa"), "mall-pay-" + lot.lotId());
        assertThat(payment.amount()).isEqualByComparingTo("4.00");
        assertThat(api.exit(ticket.ticketId(), ExitRequest.at(lot.exitGate()), "mall-exit-" + lot.lotId())
                        .status())
                .isEqualTo(TicketStatus.CLOSED);
        assertThat(audit.of(lot.lotId(), "ticket.validated")).singleElement().satisfies(e -> assertThat(e.after())
                .containsEntry("code", "MALL2"));
    }

    @Test
    void theSameCodeTwiceIsRecordedOnce() {
        clock.advance(Duration.ofMinutes(210));

        assertThat(validate("MALL2").status()).isEqualTo(201);
        Reply again = validate(" Mall2 ");
        validate("CINEMA");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("validations").valueStream().map(JsonNode::asString))
                .containsExactly("MALL2");
        assertThat(count("select count(*) from ticket_validation where ticket_id = ?", ticket.ticketId()))
                .isEqualTo(2);
        assertThat(audit.of(lot.lotId(), "ticket.validated")).hasSize(2);
        // 8.00 - 4.00 (two free hours) - 3.00
        assertThat(quote().path("amount").decimalValue()).isEqualByComparingTo("1.00");
    }

    @Test
    void aCodeTheTariffDoesNotDefineIsRefusedByName() {
        Reply refused = validate("Nope10");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.problem()).isEqualTo("unknown-validation-code");
        assertThat(refused.json().path("detail").asString()).contains("NOPE10");
        assertThat(refused.json().path("code").asString()).isEqualTo("NOPE10");
        assertNoValidations();
    }

    @Test
    void aTicketThatHasLeftOrDoesNotExistCannotBeValidated() {
        clock.advance(Duration.ofMinutes(30));
        api.pay(PaymentRequest.amountDue(ticket.ticketId(), PaymentMethod.CASH, null), "left-pay-" + lot.lotId());
        api.exit(ticket.ticketId(), ExitRequest.at(lot.exitGate()), "left-exit-" + lot.lotId());

        Reply closed = validate("MALL2");

        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.problem()).isEqualTo("ticket-not-active");
        assertThat(http.post("/v1/tickets/T_NOPE/validations", "{\"code\":\"MALL2\"}")
                        .status())
                .isEqualTo(404);
        assertNoValidations();
    }

    @Test
    void aBlankOrOverlongCodeIsRefused() {
        Reply blank = http.post("/v1/tickets/" + ticket.ticketId() + "/validations", "{\"code\":\" \"}");
        Reply overlong = validate("X".repeat(65));

        assertThat(List.of(blank.status(), overlong.status())).containsOnly(400);
        assertThat(blank.problem()).isEqualTo("validation");
        assertNoValidations();
    }

    @Test
    void aLostTicketQuoteAddsTheLostTicketFee() {
        clock.advance(Duration.ofMinutes(50));

        JsonNode lost = http.get("/v1/tickets/" + ticket.ticketId() + "/quote?lost=true")
                .json();

        assertThat(lost.path("amount").decimalValue()).isEqualByComparingTo("32.00");
        assertThat(lost.path("lostTicket").asBoolean()).isTrue();
        assertThat(lost.path("breakdown").valueStream().map(l -> l.path("rule").asString()))
                .contains("lost");
        assertThat(quote().path("amount").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(quote().path("lostTicket").asBoolean()).isFalse();
    }

    private Reply validate(String code) {
        return http.post("/v1/tickets/" + ticket.ticketId() + "/validations", "{\"code\":\"%s\"}".formatted(code));
    }

    private JsonNode quote() {
        return http.get("/v1/tickets/" + ticket.ticketId() + "/quote").json();
    }

    private void assertNoValidations() {
        assertThat(count("select count(*) from ticket_validation where ticket_id = ?", ticket.ticketId()))
                .isZero();
        assertThat(audit.of(lot.lotId(), "ticket.validated")).isEmpty();
    }
}
