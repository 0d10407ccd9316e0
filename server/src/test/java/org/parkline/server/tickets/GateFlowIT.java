package org.parkline.server.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.client.AvailabilityFilter;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.ExitQuote;
import org.parkline.client.ExitReceipt;
import org.parkline.client.ExitRequest;
import org.parkline.client.LotMode;
import org.parkline.client.ParklineApiException;
import org.parkline.client.Payment;
import org.parkline.client.PaymentMethod;
import org.parkline.client.PaymentRequest;
import org.parkline.client.PaymentStatus;
import org.parkline.client.SpotType;
import org.parkline.client.Ticket;
import org.parkline.client.TicketStatus;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;

class GateFlowIT extends IntegrationTest {

    @Test
    void carEntersPaysAndLeavesAndItsSpotIsFreeAgain() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 2));
        Ticket ticket = enter(lot, VehicleType.CAR, "SGP1234A", "entry-1");

        assertThat(ticket.status()).isEqualTo(TicketStatus.ACTIVE);
        assertThat(ticket.spot().floorId()).isEqualTo("F1");
        assertThat(ticket.spot().zone()).isEqualTo("A");
        assertThat(ticket.issuedAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(ticket.barcode()).matches("\\d{18}");
        assertThat(available(lot, SpotType.COMPACT)).isEqualTo(5);
        assertThat(spotStatus(ticket.spot().spotId())).isEqualTo("OCCUPIED");

        clock.advance(Duration.ofMinutes(110));
        ExitQuote quote = api.quote(ticket.ticketId());
        assertThat(quote.amount()).isEqualByComparingTo("4.00");
        assertThat(quote.currency()).isEqualTo("SGD");
        assertThat(quote.breakdown()).extracting(line -> line.rule()).containsExactly("hourly");

        assertThatThrownBy(() -> api.exit(ticket.ticketId(), ExitRequest.at(lot.exitGate()), "exit-1"))
                .isInstanceOfSatisfying(ParklineApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(402);
                    assertThat(e.problem()).isEqualTo("payment-required");
                    assertThat(new BigDecimal(String.valueOf(e.properties().get("amountDue"))))
                            .isEqualByComparingTo("4.00");
                });
        assertThat(api.ticket(ticket.ticketId()).status()).isEqualTo(TicketStatus.ACTIVE);

        Payment payment = api.pay(PaymentRequest.amountDue(ticket.ticketId(), PaymentMethod.CARD, "tok_visa"), "pay-1");
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.amount()).isEqualByComparingTo("4.00");

        ExitReceipt receipt = api.exit(
                ticket.ticketId(), new ExitRequest(lot.exitGate(), payment.paymentId(), "sgp 1234-a"), "exit-2");
        assertThat(receipt.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(receipt.amountPaid()).isEqualByComparingTo("4.00");
        assertThat(receipt.barrier()).isEqualTo("OPEN");
        assertThat(available(lot, SpotType.COMPACT)).isEqualTo(6);
        assertThat(spotStatus(ticket.spot().spotId())).isEqualTo("AVAILABLE");

        Ticket closed = api.ticket(ticket.ticketId());
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.exitAt()).isNotNull();
        assertThatThrownBy(() -> api.exit(ticket.ticketId(), ExitRequest.at(lot.exitGate()), "exit-3"))
                .isInstanceOfSatisfying(
                        ParklineApiException.class, e -> assertThat(e.problem()).isEqualTo("already-exited"));
    }

    @Test
    void exitWithinTheFreeMinutesNeedsNoPayment() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        Ticket ticket = enter(lot, VehicleType.CAR, null, "free-1");
        clock.advance(Duration.ofMinutes(14));

        assertThat(api.quote(ticket.ticketId()).amount()).isEqualByComparingTo("0");
        ExitReceipt receipt = api.exit(ticket.ticketId(), ExitRequest.at(lot.exitGate()), "free-exit-1");

        assertThat(receipt.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(count("select count(*) from payment where payable_ref = ?", ticket.ticketId()))
                .isZero();
    }

    @Test
    void capacityLotCountsPlacesWithoutAssigningSpots() {
        TestLot lot = lots().create(LotMode.CAPACITY, Map.of(SpotType.COMPACT, 1));
        Ticket first = enter(lot, VehicleType.CAR, null, "cap-1");
        enter(lot, VehicleType.CAR, null, "cap-2");
        enter(lot, VehicleType.CAR, null, "cap-3");

        assertThat(first.spot()).isNull();
        assertThat(first.floorId()).isEqualTo("F1");
        assertThatThrownBy(() -> enter(lot, VehicleType.CAR, null, "cap-4"))
                .isInstanceOfSatisfying(ParklineApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.problem()).isEqualTo("lot-full");
                });
        assertThat(count("select count(*) from ticket where lot_id = ?", lot.lotId()))
                .isEqualTo(3);

        api.exit(first.ticketId(), ExitRequest.at(lot.exitGate()), "cap-exit-1");
        assertThat(available(lot, SpotType.COMPACT)).isEqualTo(1);
        assertThat(enter(lot, VehicleType.CAR, null, "cap-5").status()).isEqualTo(TicketStatus.ACTIVE);
    }

    @Test
    void quoteAtAGivenInstantShowsTheBreakdownAndRuleSetVersion() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        Ticket ticket = enter(lot, VehicleType.CAR, null, "q-1");

        ExitQuote quote = api.quote(ticket.ticketId(), START.plus(Duration.ofHours(30)));

        // a full day at the 20.00 cap, then 6 started hours at 2.00
        assertThat(quote.amount()).isEqualByComparingTo("32.00");
        assertThat(quote.ruleSetVersion()).isEqualTo("1");
        assertThat(quote.exitAt().toInstant()).isEqualTo(START.plus(Duration.ofHours(30)));
    }

    private Ticket enter(TestLot lot, VehicleType type, String plate, String key) {
        return api.enter(
                EntryRequest.of(lot.lotId(), lot.entryGate(), new Vehicle(type, plate), EntryPreferences.none()),
                key + "-" + lot.lotId());
    }

    private int available(TestLot lot, SpotType type) {
        return api.availability(lot.lotId(), AvailabilityFilter.all()).counts().getOrDefault(type, 0);
    }

    private String spotStatus(String spotId) {
        return jdbc.sql("select status from spot where id = ?")
                .param(spotId)
                .query(String.class)
                .single();
    }
}
