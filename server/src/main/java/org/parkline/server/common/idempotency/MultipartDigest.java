package org.parkline.server.common.idempotency;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * File uploads (evidence photos, PDFs) are multipart and larger than the 1 MiB JSON bodies, so they are not
 * buffered in memory: the container parses the parts (to its temporary files, within the configured
 * {@code spring.servlet.multipart} limits) and the request is identified by a hash of every part's name, file name,
 * content type and content. The same upload sent again with the same key therefore replays; another file with the
 * same key is refused as a reused key.
 */
final class MultipartDigest {

    private MultipartDigest() {}

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The parts' hash; reading the parts here keeps them for the controller (the container caches them). */
    static byte[] of(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        for (Part part : request.getParts()) {
            field(digest, part.getName());
            field(digest, part.getSubmittedFileName());
            field(digest, part.getContentType());
            digest.update(ByteBuffer.allocate(8).putLong(part.getSize()).array());
            try (InputStream in = part.getInputStream()) {
                byte[] buffer = new byte[16 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    /** True when the container refused the upload for its size (its limits, not Parkline's, were exceeded). */
    static boolean tooLarge(IllegalStateException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String name = cause.getClass().getSimpleName();
        return name.contains("Size")
                || name.contains("LimitExceeded")
                || String.valueOf(e.getMessage()).contains("exceed");
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(5)
                .putInt(bytes.length)
                .put((byte) (value == null ? 0 : 1))
                .array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
