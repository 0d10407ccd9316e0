package org.parkline.server.common;

import java.security.SecureRandom;
import java.time.Clock;

/** Time-ordered, unguessable ids with a type prefix: {@code T_01JBX3...} (48-bit millis + 80 random bits, base32). */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String next(String prefix, Clock clock) {
        long millis = clock.millis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        long hi = 0;
        for (int i = 0; i < 5; i++) hi = (hi << 8) | (random[i] & 0xff);
        long lo = 0;
        for (int i = 5; i < 10; i++) lo = (lo << 8) | (random[i] & 0xff);
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return prefix + "_" + new String(out);
    }

    /** A numeric code for printed tickets (barcode symbologies like ITF and Code 128C want digits). */
    public static String digits(int length) {
        StringBuilder code = new StringBuilder(length);
        code.append(1 + RANDOM.nextInt(9));
        while (code.length() < length) code.append(RANDOM.nextInt(10));
        return code.toString();
    }
}
