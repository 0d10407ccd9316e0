package org.parkline.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server refused a request with an RFC 9457 problem ({@code application/problem+json}). Parkline
 * problem types look like {@code https://parkline.dev/problems/lot-full}; {@link #problem()} returns
 * the last segment ({@code lot-full}) and {@link #properties()} the extra members, e.g. {@code
 * amountDue} and {@code currency} of {@code payment-required}. Numbers in {@link #properties()} are
 * {@link java.math.BigDecimal} or integers, never doubles.
 */
public class ParklineApiException extends ParklineClientException {

    /** Prefix of Parkline's own problem types. */
    public static final String PROBLEM_TYPE_PREFIX = "https://parkline.dev/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final String instance;
    private final Map<String, Object> properties;

    /**
     * A problem answer.
     *
     * @param status the HTTP status
     * @param type the problem type URI, {@code about:blank} when the server sent none
     * @param title short summary of the problem type
     * @param detail explanation of this occurrence, may be {@code null}
     * @param instance the request path it concerns, may be {@code null}
     * @param properties any further members of the problem document
     */
    public ParklineApiException(
            int status, String type, String title, String detail, String instance, Map<String, Object> properties) {
        super(status + " " + type + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.instance = instance;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The HTTP status, e.g. 409. */
    public int status() {
        return status;
    }

    /** The problem type URI. */
    public String type() {
        return type;
    }

    /**
     * The Parkline problem slug, e.g. {@code lot-full} or {@code payment-required}; for a type
     * outside Parkline's namespace, the whole type.
     */
    public String problem() {
        return type.startsWith(PROBLEM_TYPE_PREFIX) ? type.substring(PROBLEM_TYPE_PREFIX.length()) : type;
    }

    /** Whether this is the given Parkline problem, e.g. {@code is("lot-full")}. */
    public boolean is(String problemSlug) {
        return problem().equals(problemSlug);
    }

    /** Short summary of the problem type. */
    public String title() {
        return title;
    }

    /** Explanation of this occurrence, or {@code null}. */
    public String detail() {
        return detail;
    }

    /** The request path concerned, or {@code null}. */
    public String instance() {
        return instance;
    }

    /** The problem's extra members (everything but type, title, status, detail, instance). */
    public Map<String, Object> properties() {
        return properties;
    }
}
