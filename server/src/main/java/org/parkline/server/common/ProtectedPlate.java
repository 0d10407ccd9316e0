package org.parkline.server.common;

/**
 * A plate as stored: a keyed hash for look-ups and ciphertext for display to roles that may see it. Never the
 * plate itself; {@link #toString()} shows nothing of it, so it is safe in a log line by accident.
 */
public record ProtectedPlate(byte[] lookupHash, byte[] ciphertext, String keyId) {

    @Override
    public String toString() {
        return "ProtectedPlate[key=" + keyId + "]";
    }
}
