package org.parkline.server.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.RawHttp.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Encryption keys rotate without losing a plate: rows written under a retired key still decrypt, the re-encryption
 * job moves them to the current key (look-up hashes untouched), and rows under a key nobody configured are left
 * alone rather than failing the job. The test server knows {@code test-retired-1} as a retired key.
 */
class PlateKeyRotationIT extends IntegrationTest {

    @Autowired
    PlateProtector plates;

    @Value("${parkline.plates.hmac-key}")
    String hmacKey;

    @Test
    void plateWrittenWithARetiredKeyIsReadThenMovedToTheCurrentKey() {
        TestLot lot = lots().create(LotMode.CAPACITY, Map.of(SpotType.COMPACT, 5));
        String ticket = enter(lot, "ROT1234A");
        String unknown = enter(lot, "ROT9999Z");
        // as it was stored before the rotation: encrypted with what is now the retired key
        PlateProtector beforeRotation = new PlateProtector(hmacKey, RETIRED_PLATE_KEY, RETIRED_PLATE_KEY_ID, Map.of());
        ProtectedPlate old = beforeRotation.protect("ROT1234A").orElseThrow();
        jdbc.sql("update ticket set plate_cipher = ?, plate_key_id = ? where id = ?")
                .params(old.ciphertext(), old.keyId(), ticket)
                .update();
        jdbc.sql("update ticket set plate_key_id = 'key-nobody-has' where id = ?")
                .param(unknown)
                .update();

        assertThat(plates.reveal(stored(ticket))).isEqualTo("ROT1234A");
        assertThat(http.get("/v1/privacy/plate-keys")
                        .json()
                        .path("tickets")
                        .path(RETIRED_PLATE_KEY_ID)
                        .asLong())
                .isPositive();

        Reply rotated = http.post("/v1/privacy/plate-keys/reencrypt", "");

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().path("after").path("tickets").has(RETIRED_PLATE_KEY_ID))
                .isFalse();
        ProtectedPlate moved = stored(ticket);
        assertThat(moved.keyId()).isEqualTo(plates.currentKeyId());
        assertThat(moved.lookupHash()).isEqualTo(old.lookupHash());
        assertThat(plates.reveal(moved)).isEqualTo("ROT1234A");
        assertThat(stored(unknown).keyId()).isEqualTo("key-nobody-has");
        // the plate check at exit still recognises the vehicle: the look-up hash did not change
        Reply exit = http.post(
                "/v1/tickets/" + ticket + "/exit",
                "{\"gateId\":\"%s\",\"vehiclePlate\":\"rot 1234-a\"}".formatted(lot.exitGate()));
        assertThat(exit.status()).as(exit.body()).isEqualTo(200);
        assertThat(count(
                        "select count(*) from audit_entry where action = 'privacy.reencrypted' and subject_id = ?",
                        plates.currentKeyId()))
                .isPositive();
        jdbc.sql("update ticket set plate_hmac = null, plate_cipher = null, plate_key_id = null where id = ?")
                .param(unknown)
                .update();
    }

    private ProtectedPlate stored(String ticketId) {
        return jdbc.sql("select plate_hmac, plate_cipher, plate_key_id from ticket where id = ?")
                .param(ticketId)
                .query((rs, n) -> new ProtectedPlate(rs.getBytes(1), rs.getBytes(2), rs.getString(3)))
                .single();
    }

    private String enter(TestLot lot, String plate) {
        Reply reply = http.post(
                "/v1/tickets/entry",
                "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\",\"plate\":\"%s\"}}"
                        .formatted(lot.lotId(), lot.entryGate(), plate));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("ticketId").asString();
    }
}
