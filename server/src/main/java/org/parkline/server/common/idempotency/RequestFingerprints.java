package org.parkline.server.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a stored idempotency record remembers of its request: a keyed hash (HMAC-SHA256), not a plain digest.
 * Request bodies can carry plates; an unkeyed digest of a short body could be reversed by trying plates.
 */
@Component
class RequestFingerprints {

    private final SecretKeySpec key;

    RequestFingerprints(@Value("${parkline.plates.hmac-key}") String hmacKey) {
        byte[] material = Base64.getDecoder().decode(hmacKey);
        // a key of its own, derived from the configured secret, so fingerprints never equal plate look-up hashes
        this.key = new SecretKeySpec(
                hmac(material, "parkline/idempotency".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    byte[] of(byte[] body) {
        return hmac(key.getEncoded(), body);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }
}
