package org.parkline.server.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Plates are personal data (DESIGN §3): normalized, then stored as an HMAC-SHA256 for look-ups and AES-GCM
 * ciphertext (with a key id) for display. Encryption keys form a ring: new plates are encrypted with the current key
 * ({@code parkline.plates.encryption-key}, id {@code encryption-key-id}); plates stored under a retired key
 * ({@code parkline.plates.retired-encryption-keys.<id>}) still decrypt, and {@link #reencrypt} moves them to the
 * current key. The HMAC key has no ring: see docs/security.md for what changing it costs.
 */
@Component
public class PlateProtector {

    private static final Pattern NORMALIZED = Pattern.compile("[A-Z0-9]{2,12}");
    private static final int IV_BYTES = 12;

    private static final String RETIRED = "parkline.plates.retired-encryption-keys";

    private final SecretKeySpec hmacKey;
    private final SecretKeySpec encryptionKey;
    private final String keyId;
    private final Map<String, SecretKeySpec> ring;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    PlateProtector(
            @Value("${parkline.plates.hmac-key}") String hmacKey,
            @Value("${parkline.plates.encryption-key}") String encryptionKey,
            @Value("${parkline.plates.encryption-key-id}") String keyId,
            Environment environment) {
        this(
                hmacKey,
                encryptionKey,
                keyId,
                Binder.get(environment)
                        .bind(RETIRED, Bindable.mapOf(String.class, String.class))
                        .orElse(Map.of()));
    }

    /** @param retiredKeys earlier encryption keys by id (base64), to read what they encrypted */
    PlateProtector(String hmacKey, String encryptionKey, String keyId, Map<String, String> retiredKeys) {
        this.hmacKey = new SecretKeySpec(decode(hmacKey, "hmac-key"), "HmacSHA256");
        this.encryptionKey = new SecretKeySpec(aesKey(decode(encryptionKey, "encryption-key")), "AES");
        this.keyId = keyId;
        Map<String, SecretKeySpec> ring = new LinkedHashMap<>();
        retiredKeys.forEach((id, key) -> {
            if (id.equals(keyId)) {
                throw new IllegalStateException(
                        RETIRED + "." + id + " has the id of the current key; give every key " + "its own id");
            }
            ring.put(id, new SecretKeySpec(aesKey(decode(key, "retired-encryption-keys." + id)), "AES"));
        });
        ring.put(keyId, this.encryptionKey);
        this.ring = Map.copyOf(ring);
    }

    /** The id new plates are encrypted under. */
    public String currentKeyId() {
        return keyId;
    }

    /** Every key id this instance can decrypt: the current one and the retired ones configured. */
    public Set<String> knownKeyIds() {
        return ring.keySet();
    }

    /**
     * The same plate encrypted under the current key (the look-up hash is unchanged). Fails for a key id that is
     * not configured.
     */
    public ProtectedPlate reencrypt(ProtectedPlate plate) {
        if (plate.keyId().equals(keyId)) return plate;
        return new ProtectedPlate(plate.lookupHash(), encrypt(reveal(plate)), keyId);
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
        SecretKeySpec key = ring.get(plate.keyId());
        if (key == null) {
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
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
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
