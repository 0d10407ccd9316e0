package org.parkline.server.enforcement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * What an evidence file may be: JPEG, PNG or PDF, 1 byte to 5 MiB, its declared type matching what its first bytes
 * say it is. Accepted files carry their SHA-256, so what an adjudicator sees can be shown to be what was uploaded.
 * Used for citation evidence here and for appeal evidence by appeals.
 */
public final class EvidenceFiles {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

    private EvidenceFiles() {}

    /** An accepted file. */
    public record EvidenceFile(String contentType, byte[] content, byte[] sha256, @Nullable String fileName) {

        public String sha256Hex() {
            return HexFormat.of().formatHex(sha256);
        }

        @Override
        public String toString() {
            return "EvidenceFile[" + contentType + ", " + content.length + " bytes]";
        }
    }

    /** Checks an upload; 400 when missing or empty, 413 when too large, 415 when not an allowed type. */
    public static EvidenceFile accept(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiProblem.invalid("file: attach one JPEG, PNG or PDF file as the multipart part 'file'");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new ApiProblem(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "evidence-too-large",
                            "Evidence file too large",
                            "Evidence files are at most 5 MiB; this one is " + file.getSize() + " bytes")
                    .with("maxBytes", MAX_BYTES);
        }
        String declared = file.getContentType() == null
                ? ""
                : file.getContentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sniffed = sniff(content);
        if (!TYPES.contains(declared) || !declared.equals(sniffed)) {
            throw new ApiProblem(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "evidence-type",
                            "Evidence must be JPEG, PNG or PDF",
                            "Evidence files must be JPEG, PNG or PDF, declared as such and with matching content")
                    .with("allowed", TYPES.stream().sorted().toList());
        }
        String name = file.getOriginalFilename();
        if (name != null) name = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        if (name != null && name.length() > 100) name = name.substring(0, 100);
        return new EvidenceFile(declared, content, sha256(content), name);
    }

    private static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8), png)) return "image/png";
        if (b.length >= 5 && new String(b, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            return "application/pdf";
        }
        return "unknown";
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
