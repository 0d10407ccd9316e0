package org.parkline.server.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Plates are personal data (DESIGN §3): normalized, then stored as an HMAC-SHA256 for look-ups and AES-GCM
 * ciphertext (with a key id) for display.
 */
@Component
public class PlateProtector {

    private static final Pattern NORMALIZED = Pattern.compile("[A-Z0-9]{2,12}");
    private static final int IV_BYTES = 12;

    private final SecretKeySpec hmacKey;
    private final SecretKeySpec encryptionKey;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    PlateProtector(
            @Value("${parkline.plates.hmac-key}") String hmacKey,
            @Value("${parkline.plates.encryption-key}") String encryptionKey,
            @Value("${parkline.plates.encryption-key-id}") String keyId) {
        this.hmacKey = new SecretKeySpec(decode(hmacKey, "hmac-key"), "HmacSHA256");
        this.encryptionKey = new SecretKeySpec(aesKey(decode(encryptionKey, "encryption-key")), "AES");
        this.keyId = keyId;
    }

    /** Upper-case, without spaces, dashes or dots: "sgp 1234-a" and "SGP1234A" are one plate. */
    public static String normalize(String plate) {
        String normalized = plate.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-.·]", "");
        if (!NORMALIZED.matcher(normalized).matches()) {
            throw ApiProblem.invalid("plate: must be 2 to 12 letters or digits (spaces and dashes are ignored)");
        }
        return normalized;
    }

    public Optional<ProtectedPlate> protect(String plate) {
        if (plate == null || plate.isBlank()) return Optional.empty();
        String normalized = normalize(plate);
        return Optional.of(new ProtectedPlate(lookupHash(normalized), encrypt(normalized), keyId));
    }

    /** The look-up hash of a plate, to find rows stored with {@link #protect}. */
    public byte[] lookupHash(String plate) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return mac.doFinal(normalize(plate).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }

    /** Decrypts a stored plate for a role allowed to see it. */
    public String reveal(ProtectedPlate plate) {
        if (!plate.keyId().equals(keyId)) {
            throw new IllegalStateException("Plate was encrypted with key " + plate.keyId() + ", not configured");
        }
        byte[] ciphertext = plate.ciphertext();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(ciphertext);
            byte[] iv = new byte[IV_BYTES];
            buffer.get(iv);
            byte[] sealed = new byte[buffer.remaining()];
            buffer.get(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            cipher.updateAAD(plate.keyId().getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Plate ciphertext could not be decrypted", e);
        }
    }

    private byte[] encrypt(String normalized) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(normalized.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] decode(String base64, String name) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length < 32) {
            throw new IllegalStateException("parkline.plates." + name + " must be at least 32 bytes (base64)");
        }
        return key;
    }

    private static byte[] aesKey(byte[] material) {
        byte[] key = new byte[32];
        System.arraycopy(material, 0, key, 0, 32);
        return key;
    }
}
