package org.parkline.server.permits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parkline.server.support.ProgramsTest;
import org.parkline.server.support.RawHttp.Reply;

/** Permits: sold through payments, valid the moment they are paid, and every step of their life after that. */
class PermitsIT extends ProgramsTest {

    @Test
    void aPurchaseOwesThePriceUntilPaidAndARetriedPaymentChargesOnce() {
        String plate = plate();
        String type = permitType("80.00", null);
        Reply bought = buyPermit(type, plate);
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(bought.json().path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(bought.json().path("amountDue").decimalValue()).isEqualByComparingTo("80.00");
        String permitId = bought.json().path("permitId").asString();
        assertThat(check(officer, plate).json().path("verdict").asString()).isEqualTo("NOT_VALID");

        Reply first = pay("permitId", permitId, "permit-pay-1");
        Reply retry = pay("permitId", permitId, "permit-pay-1");

        assertThat(retry.json().path("paymentId").asString())
                .isEqualTo(first.json().path("paymentId").asString());
        assertThat(count("select count(*) from payment where payable_kind = 'PERMIT' and payable_ref = ?", permitId))
                .isEqualTo(1);
        Reply permit = http.get("/v1/permits/" + permitId);
        assertThat(permit.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(permit.json().path("amountDue").decimalValue()).isEqualByComparingTo("0");
        assertThat(permit.json().path("validNow").asBoolean()).isTrue();
        Reply again = pay("permitId", permitId, "permit-pay-2");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.problem()).isEqualTo("nothing-due");
    }

    @Test
    void aSoldOutTypeRefusesTheSaleAndOffersTheWaitlistWhichMovesWhenAPermitIsRevoked() {
        String type = permitType("0.00", 1);
        Reply first = buyPermit(type, plate());
        assertThat(first.json().path("status").asString())
                .as("a free permit is valid at once")
                .isEqualTo("ACTIVE");

        Reply second = buyPermit(type, plate());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problem()).isEqualTo("permit-sold-out");
        assertThat(second.json().path("waitlist").asString()).isEqualTo("/v1/permit-types/" + type + "/waitlist");
        assertThat(count("select count(*) from permit where type_id = ?", type)).isEqualTo(1);

        Reply joined = parker.post("/v1/permit-types/" + type + "/waitlist", "{}", key("wait"));
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        assertThat(joined.json().path("position").asInt()).isEqualTo(1);

        Reply revoked = http.post(
                "/v1/permits/" + first.json().path("permitId").asString() + "/revocation",
                "{\"reason\":\"left the company\"}",
                key("revoke"));
        assertThat(revoked.json().path("status").asString()).isEqualTo("REVOKED");
        assertThat(http.get("/v1/permit-types/" + type + "/waitlist")
                        .json()
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("OFFERED");
        assertThat(parker.post(
                                "/v1/permits",
                                "{\"typeId\":\"%s\",\"plates\":[\"%s\"]}".formatted(type, plate()),
                                key("b"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void suspendingMakesThePlateNotValidAndReinstatingMakesItValidAgain() {
        String plate = plate();
        String permitId = paidPermit(permitType("30.00", null), plate);

        http.post("/v1/permits/" + permitId + "/suspension", "{\"reason\":\"unpaid parking fines\"}", key("s"));
        assertThat(check(officer, plate).json().path("verdict").asString()).isEqualTo("NOT_VALID");

        http.post("/v1/permits/" + permitId + "/reinstatement", "{\"reason\":\"fines settled\"}", key("r"));
        assertThat(check(officer, plate).json().path("verdict").asString()).isEqualTo("VALID");
    }

    @Test
    void transferringMovesValidityFromTheOldCarToTheNewOne() {
        String oldCar = plate();
        String newCar = plate();
        String permitId = paidPermit(permitType("30.00", null), oldCar);

        Reply moved = http.put("/v1/permits/" + permitId + "/vehicles", "{\"plates\":[\"%s\"]}".formatted(newCar));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(check(officer, oldCar).json().path("verdict").asString()).isEqualTo("NOT_VALID");
        assertThat(check(officer, newCar).json().path("verdict").asString()).isEqualTo("VALID");
        assertThat(count("select count(*) from permit_vehicle where permit_id = ?", permitId))
                .as("the old car's row is ended, not deleted")
                .isEqualTo(2);
    }

    @Test
    void renewingAddsAChargeAndPayingItExtendsTheTerm() {
        String plate = plate();
        String permitId = paidPermit(permitType("30.00", null), plate);
        String until =
                http.get("/v1/permits/" + permitId).json().path("validUntil").asString();

        Reply renewal = http.post("/v1/permits/" + permitId + "/renewal", "{}", key("renew"));
        assertThat(renewal.json().path("amountDue").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(renewal.json().path("validUntil").asString()).isEqualTo(until);
        assertThat(http.post("/v1/permits/" + permitId + "/renewal", "{}", key("renew"))
                        .problem())
                .isEqualTo("renewal-pending");

        pay("permitId", permitId, key("pay-renewal"));

        Reply renewed = http.get("/v1/permits/" + permitId);
        assertThat(renewed.json().path("validUntil").asString()).isEqualTo("2026-04-24T02:00:00Z");
        clock.advance(Duration.ofDays(40));
        assertThat(check(officer, plate).json().path("verdict").asString()).isEqualTo("VALID");
    }

    @Test
    void givingAPermitBackRefundsTheUnusedDaysAndEndsIt() {
        String plate = plate();
        String permitId = paidPermit(permitType("28.00", null), plate); // a 28-day February term: 1.00 a day
        clock.advance(Duration.ofDays(7).plusHours(3));

        Reply refund = http.post(
                "/v1/permits/" + permitId + "/refund", "{\"reason\":\"moved to another campus\"}", "give-back-1");

        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        assertThat(refund.json().path("refunded").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(refund.json().path("permit").path("status").asString()).isEqualTo("REFUNDED");
        assertThat(check(officer, plate).json().path("verdict").asString()).isEqualTo("NOT_VALID");
        assertThat(count(
                        """
                        select count(*) from payment_refund r join payment p on p.id = r.payment_id
                         where p.payable_ref = ? and r.amount = 20 and r.status = 'SUCCEEDED'""",
                        permitId))
                .isEqualTo(1);
    }

    @Test
    void aPermitHolderEntersAndLeavesTheGateByPlateWithoutATicketAndOwesNothing() {
        String plate = plate();
        paidPermit(permitType("30.00", null), plate);

        Reply entry = http.post(
                "/v1/tickets/permit-entry",
                "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicleType\":\"CAR\",\"plate\":\"%s\"}"
                        .formatted(lot.lotId(), lot.entryGate(), plate),
                key("pe"));
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        String ticketId = entry.json().path("ticket").path("ticketId").asString();
        clock.advance(Duration.ofHours(9));

        Reply exit = http.post(
                "/v1/tickets/permit-exit",
                "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"plate\":\"%s\"}".formatted(lot.lotId(), lot.exitGate(), plate),
                key("px"));

        assertThat(exit.status()).as(exit.body()).isEqualTo(200);
        assertThat(exit.json().path("barrier").asString()).isEqualTo("OPEN");
        assertThat(exit.json().path("amountPaid").decimalValue()).isEqualByComparingTo("0");
        assertThat(count(
                        "select count(*) from ticket where id = ? and permit_id is not null and status = 'CLOSED'",
                        ticketId))
                .isEqualTo(1);
    }

    @Test
    void aPlateWithoutAPermitIsSentToTakeATicketAndNothingIsCreated() {
        Reply entry = http.post(
                "/v1/tickets/permit-entry",
                "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicleType\":\"CAR\",\"plate\":\"%s\"}"
                        .formatted(lot.lotId(), lot.entryGate(), plate()),
                key("pe"));

        assertThat(entry.status()).isEqualTo(422);
        assertThat(entry.problem()).isEqualTo("no-valid-permit");
        assertThat(count("select count(*) from ticket where lot_id = ?", lot.lotId()))
                .isZero();
    }

    @Test
    void badPurchasesAreRefusedAndChangeNothing() {
        String type = permitType("30.00", null);

        Reply tooMany = buyPermit(type, plate(), plate(), plate());
        Reply badPlate = buyPermit(type, "!!");
        Reply unknownType = buyPermit("PT_NOPE", plate());
        Reply badType = http.post(
                "/v1/permit-types",
                """
                {"name":"x","category":"STAFF","lotIds":["%s"],"price":1,"validity":"forever","maxVehicles":1}"""
                        .formatted(lot.lotId()),
                key("t"));

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("detail").asString()).contains("1 to 2 plates");
        assertThat(badPlate.status()).isEqualTo(400);
        assertThat(badPlate.json().path("detail").asString()).contains("plate");
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(count("select count(*) from permit where type_id = ?", type)).isZero();
        assertThat(count("select count(*) from permit_type where ? = any(lot_ids)", lot.lotId()))
                .isEqualTo(1);
    }

    @Test
    void aParkerSeesTheirOwnPermitsOnly() {
        String type = permitType("0.00", null);
        Reply mine = parker.post(
                "/v1/permits", "{\"typeId\":\"%s\",\"plates\":[\"%s\"]}".formatted(type, plate()), key("m"));
        Reply theirs = buyPermit(type, plate());

        assertThat(parker.get("/v1/permits/" + mine.json().path("permitId").asString())
                        .status())
                .isEqualTo(200);
        assertThat(parker.get("/v1/permits/" + theirs.json().path("permitId").asString())
                        .status())
                .isEqualTo(404);
    }
}
