package org.parkline.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.RawHttp.Reply;

/**
 * A fresh lot per test with a fine schedule, and the people of a parking program: an officer, an adjudicator, a
 * parker, and nobody (a parker holding only a printed notice). Helpers speak the API as those people would.
 */
public abstract class ProgramsTest extends IntegrationTest {

    private static final AtomicInteger PLATES = new AtomicInteger(1000);

    /** No permit, ticket or exemption: parking without paying. */
    public static final String NO_PERMIT = "NP1";
    /** A problem other than payment: a fire lane. */
    public static final String FIRE_LANE = "FL1";

    protected TestLot lot;
    protected RawHttp officer;
    protected RawHttp adjudicator;
    protected RawHttp parker;
    protected RawHttp nobody;

    @BeforeEach
    void programLot() {
        lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 3));
        officer = http.withToken(tokenOf("officer"));
        adjudicator = http.withToken(tokenOf("adjudicator"));
        parker = http.withToken(tokenOf("parker"));
        nobody = http.anonymous();
        fine(NO_PERMIT, "No valid permit or payment", "50.00", "10.00", 14, "NO_PAYMENT");
        fine(FIRE_LANE, "Parked in a fire lane", "120.00", "30.00", 14, "OTHER");
    }

    /** A plate no other test uses. */
    protected static String plate() {
        return "SQ" + PLATES.incrementAndGet() + "K";
    }

    protected static String key(String what) {
        return what + "-" + System.nanoTime();
    }

    protected void fine(
            String code, String description, String amount, String lateFee, int lateAfterDays, String kind) {
        Reply reply = http.put(
                "/v1/lots/" + lot.lotId() + "/fines/" + code,
                """
                {"description":"%s","amount":%s,"lateFee":%s,"lateAfterDays":%d,"kind":"%s"}"""
                        .formatted(description, amount, lateFee, lateAfterDays, kind));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** A staff monthly permit type valid in the test lot. */
    protected String permitType(String price, Integer quota) {
        Reply reply = http.post(
                "/v1/permit-types",
                """
                {"name":"Staff monthly","category":"STAFF","lotIds":["%s"],"price":%s,"validity":"P1M",
                 "maxVehicles":2,"quota":%s,"refundPolicy":"PRORATED"}"""
                        .formatted(lot.lotId(), price, quota == null ? "null" : quota.toString()),
                key("type"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("typeId").asString();
    }

    protected Reply buyPermit(String typeId, String... plates) {
        return http.post(
                "/v1/permits",
                """
                {"typeId":"%s","holder":"staff-4711","plates":["%s"]}"""
                        .formatted(typeId, String.join("\",\"", plates)),
                key("buy"));
    }

    protected Reply pay(String kind, String id, String key) {
        return http.post(
                "/v1/payments",
                """
                {"%s":"%s","method":"CARD","paymentToken":"tok_visa"}""".formatted(kind, id),
                key);
    }

    /** Buys and pays a permit for the plates; returns its id. */
    protected String paidPermit(String typeId, String... plates) {
        Reply bought = buyPermit(typeId, plates);
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        String permitId = bought.json().path("permitId").asString();
        Reply paid = pay("permitId", permitId, key("pay-permit"));
        assertThat(paid.json().path("status").asString()).as(paid.body()).isEqualTo("CAPTURED");
        return permitId;
    }

    protected Reply check(RawHttp as, String plate) {
        return as.get("/v1/enforcement/check?plate=" + plate + "&lotId=" + lot.lotId());
    }

    protected Reply cite(String plate, String code) {
        return officer.post(
                "/v1/citations",
                """
                {"lotId":"%s","zone":"A","plate":"%s","vehicle":"grey hatchback","violationCode":"%s",
                 "location":"Level 1, bay A-12"}"""
                        .formatted(lot.lotId(), plate, code),
                key("cite"));
    }

    /** Issues a citation and returns {id, number}. */
    protected String[] citation(String plate, String code) {
        Reply reply = cite(plate, code);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return new String[] {
            reply.json().path("citationId").asString(),
            reply.json().path("number").asString()
        };
    }

    protected Reply lookup(String number, String plate) {
        return nobody.get("/v1/citations/lookup?number=" + number + "&plate=" + plate);
    }

    protected Reply appeal(String number, String plate, String statement) {
        return nobody.post(
                "/v1/appeals",
                """
                {"citationNumber":"%s","plate":"%s","statement":"%s"}"""
                        .formatted(number, plate, statement),
                key("appeal"));
    }

    /** The first bytes of real files of each kind, padded: enough for the type check. */
    protected static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        return b;
    }

    protected static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
