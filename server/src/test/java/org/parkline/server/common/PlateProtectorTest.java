package org.parkline.server.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlateProtectorTest {

    private static final String HMAC = "aG1hYy1rZXktZm9yLXVuaXQtdGVzdHMtb25seS0zMi1ieXRlcw==";
    private static final String KEY_1 = "a2V5LW9uZS1mb3ItdW5pdC10ZXN0cy1vbmx5LTMyLWJ5dGVzIQ==";
    private static final String KEY_2 = "a2V5LXR3by1mb3ItdW5pdC10ZXN0cy1vbmx5LTMyLWJ5dGVzIQ==";

    @Test
    void afterARotationOldPlatesDecryptAndNewOnesUseTheCurrentKey() {
        ProtectedPlate old = new PlateProtector(HMAC, KEY_1, "k1", Map.of())
                .protect("sgp 1234a")
                .orElseThrow();
        PlateProtector rotated = new PlateProtector(HMAC, KEY_2, "k2", Map.of("k1", KEY_1));

        assertThat(rotated.reveal(old)).isEqualTo("SGP1234A");
        assertThat(rotated.protect("SGP1234A").orElseThrow().keyId()).isEqualTo("k2");
        ProtectedPlate moved = rotated.reencrypt(old);
        assertThat(moved.keyId()).isEqualTo("k2");
        assertThat(moved.lookupHash()).isEqualTo(old.lookupHash());
        assertThat(rotated.reveal(moved)).isEqualTo("SGP1234A");
        assertThat(rotated.knownKeyIds()).containsExactlyInAnyOrder("k1", "k2");
    }

    @Test
    void aKeyNotInTheRingCannotDecryptAndIdsCannotBeShared() {
        ProtectedPlate old = new PlateProtector(HMAC, KEY_1, "k1", Map.of())
                .protect("SGP1234A")
                .orElseThrow();
        PlateProtector forgetful = new PlateProtector(HMAC, KEY_2, "k2", Map.of());

        assertThatThrownBy(() -> forgetful.reveal(old)).hasMessageContaining("k1");
        assertThatThrownBy(() -> new PlateProtector(HMAC, KEY_2, "k2", Map.of("k2", KEY_1)))
                .hasMessageContaining("own id");
        // the key id is bound into the ciphertext: relabelling it does not let another key open it
        PlateProtector both = new PlateProtector(HMAC, KEY_2, "k2", Map.of("k1", KEY_1));
        assertThatThrownBy(() -> both.reveal(new ProtectedPlate(old.lookupHash(), old.ciphertext(), "k2")))
                .isInstanceOf(IllegalStateException.class);
    }
}
