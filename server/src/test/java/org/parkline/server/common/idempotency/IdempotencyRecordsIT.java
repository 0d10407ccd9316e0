package org.parkline.server.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.client.LotMode;
import org.parkline.client.SpotType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.springframework.beans.factory.annotation.Autowired;

/** A stored response remembers its request only by a keyed fingerprint, and only for as long as retries happen. */
class IdempotencyRecordsIT extends IntegrationTest {

    @Autowired
    IdempotencyRetention retention;

    @Test
    void theRequestIsRememberedByAKeyedFingerprintNotAPlainDigest() throws Exception {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        String body = "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\",\"plate\":\"SGP1234A\"}}"
                .formatted(lot.lotId(), lot.entryGate());
        assertThat(http.post("/v1/tickets/entry", body, "fingerprint-" + lot.lotId())
                        .status())
                .isEqualTo(201);

        byte[] stored = jdbc.sql("select request_hash from idempotency_record where key = ?")
                .param("fingerprint-" + lot.lotId())
                .query(byte[].class)
                .single();
        byte[] plainDigest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));

        assertThat(stored).hasSize(32).isNotEqualTo(plainDigest);
        assertThat(http.post("/v1/tickets/entry", body, "fingerprint-" + lot.lotId())
                        .header("Idempotent-Replayed"))
                .isEqualTo("true");
    }

    @Test
    void recordsOlderThanTheRetentionAreDeleted() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        String key = "old-" + lot.lotId();
        http.post(
                "/v1/tickets/entry",
                "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\"}}"
                        .formatted(lot.lotId(), lot.entryGate()),
                key);
        jdbc.sql("update idempotency_record set created_at = ? where key = ?")
                .param(java.sql.Timestamp.from(START.minus(Duration.ofDays(8))))
                .param(key)
                .update();

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from idempotency_record where key = ?", key))
                .isZero();
    }
}
