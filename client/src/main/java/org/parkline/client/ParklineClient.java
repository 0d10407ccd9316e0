package org.parkline.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed client of Parkline's public HTTP API ({@code /v1}). Thread-safe; share one per process.
 *
 * <p>Every state-changing call takes the caller's idempotency key and sends it as the {@code
 * Idempotency-Key} header. A gate derives the key from its own event id, so a retry after a timeout
 * ({@link ParklineTimeoutException}) sends the same key and gets the first outcome back instead of a
 * second ticket or a second charge. Refusals surface as {@link ParklineApiException}.
 *
 * <pre>{@code
 * ParklineClient parkline = ParklineClient.builder("http://localhost:8080").build();
 * Ticket ticket = parkline.enter(
 *         EntryRequest.of("L1", "GATE_E_01", new Vehicle(VehicleType.CAR, "SGP1234A"), EntryPreferences.none()),
 *         "GATE_E_01-evt-000123");
 * }</pre>
 */
public final class ParklineClient {

    private final ApiTransport transport;

    private ParklineClient(ApiTransport transport) {
        this.transport = transport;
    }

    /** Starts a client for the server at {@code baseUrl}, e.g. {@code http://localhost:8080}. */
    public static Builder builder(String baseUrl) {
        return new Builder(URI.create(baseUrl));
    }

    /**
     * Signs a person in with a password; use the token with {@link Builder#bearerToken(String)}.
     *
     * @param username the account's name
     * @param password its password
     * @return the bearer token (valid for hours, not forever)
     * @throws ParklineApiException {@code sign-in-failed} (401) or {@code rate-limited} (429)
     */
    public SignedIn signIn(String username, String password) {
        return transport.send("POST", "/v1/auth/token", new SignIn(username, password), null, type(SignedIn.class));
    }

    private record SignIn(String username, String password) {}

    /**
     * The result of a sign-in.
     *
     * @param token the bearer token
     * @param expiresAt when it stops working
     */
    public record SignedIn(String token, java.time.Instant expiresAt) {}

    /**
     * Lets a vehicle in: issues a ticket and, in a SPOT-mode lot, assigns a spot.
     *
     * @param request the lot, gate, vehicle and preferences
     * @param idempotencyKey the gate's key for this entry event
     * @return the new (or, on a replay, the same) ticket
     * @throws ParklineApiException {@code lot-full} (409) when no fitting place is left, {@code
     *     gate-not-in-lot}, {@code validation}, {@code not-found}
     */
    public Ticket enter(EntryRequest request, String idempotencyKey) {
        return transport.send("POST", "/v1/tickets/entry", request, key(idempotencyKey), type(Ticket.class));
    }

    /**
     * Looks a ticket up.
     *
     * @throws ParklineApiException {@code not-found} (404)
     */
    public Ticket ticket(String ticketId) {
        return transport.get("/v1/tickets/" + segment(ticketId), type(Ticket.class));
    }

    /** What leaving now would cost; {@link ExitQuote#amount()} is what is still due. */
    public ExitQuote quote(String ticketId) {
        return transport.get("/v1/tickets/" + segment(ticketId) + "/quote", type(ExitQuote.class));
    }

    /** What leaving at {@code at} would cost. */
    public ExitQuote quote(String ticketId, Instant at) {
        String query = "?at=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
        return transport.get("/v1/tickets/" + segment(ticketId) + "/quote" + query, type(ExitQuote.class));
    }

    /**
     * Pays for a ticket. The key goes in the header and, when the request has none, into the body. A
     * declined payment comes back as a {@link PaymentStatus#FAILED} payment.
     *
     * @param request the ticket, method, token and (optionally) amount
     * @param idempotencyKey the payment's key
     * @throws IllegalArgumentException when the request carries a different key
     * @throws ParklineApiException 422 when nothing is due, {@code not-found}, {@code validation}
     */
    public Payment pay(PaymentRequest request, String idempotencyKey) {
        String key = key(idempotencyKey);
        if (request.idempotencyKey() != null && !request.idempotencyKey().equals(key)) {
            throw new IllegalArgumentException("the payment request carries another idempotency key than the header");
        }
        return transport.send("POST", "/v1/payments", request.withIdempotencyKey(key), key, type(Payment.class));
    }

    /**
     * Lets a vehicle out: closes the ticket, frees its place and tells the gate to open.
     *
     * @param ticketId the ticket presented at the exit
     * @param request the exit gate and, optionally, the payment and the plate read
     * @param idempotencyKey the gate's key for this exit event
     * @throws ParklineApiException {@code payment-required} (402, with {@code amountDue} and {@code
     *     currency}), {@code already-exited} (409), {@code gate-not-in-lot}, {@code not-found}
     */
    public ExitReceipt exit(String ticketId, ExitRequest request, String idempotencyKey) {
        return transport.send(
                "POST",
                "/v1/tickets/" + segment(ticketId) + "/exit",
                request,
                key(idempotencyKey),
                type(ExitReceipt.class));
    }

    /** All lots. */
    public List<LotSummary> lots() {
        return transport.get(
                "/v1/lots", transport.json().getTypeFactory().constructCollectionType(List.class, LotSummary.class));
    }

    /**
     * One lot with its floors, zones and gates.
     *
     * @throws ParklineApiException {@code not-found} (404)
     */
    public Lot lot(String lotId) {
        return transport.get("/v1/lots/" + segment(lotId), type(Lot.class));
    }

    /**
     * Creates a lot from a layout, with its spots, gates and (optionally) pricing.
     *
     * @throws ParklineApiException 409 when the lot id exists, {@code validation}
     */
    public Lot createLot(LotLayout layout, String idempotencyKey) {
        return transport.send("POST", "/v1/lots", layout, key(idempotencyKey), type(Lot.class));
    }

    /** Available places in a lot, narrowed by {@code filter}. */
    public Availability availability(String lotId, AvailabilityFilter filter) {
        Map<String, String> query = new LinkedHashMap<>();
        if (filter.spotType() != null) {
            query.put("spotType", filter.spotType().name());
        }
        query.put("floorId", filter.floorId());
        query.put("zone", filter.zone());
        return transport.get("/v1/lots/" + segment(lotId) + "/availability" + query(query), type(Availability.class));
    }

    /** Changes one spot, e.g. takes it out of service or puts it back. */
    public Spot updateSpot(String spotId, SpotUpdate update, String idempotencyKey) {
        return transport.send("PUT", "/v1/spots/" + segment(spotId), update, key(idempotencyKey), type(Spot.class));
    }

    /**
     * The ticket with a printed barcode (what an exit scanner reads); an offline ticket is also found by the id
     * the edge controller printed on it.
     *
     * @throws ParklineApiException {@code not-found} (404)
     */
    public Ticket ticketByBarcode(String barcode) {
        return transport.get("/v1/tickets/by-barcode/" + segment(barcode), type(Ticket.class));
    }

    /** A lot's rule-set versions and the one in effect now (roles: ADMIN, OPERATOR, ANALYST, GATE). */
    public PricingRuleSet.Versions pricingVersions(String lotId) {
        return transport.get("/v1/pricingRules" + query(Map.of("lotId", lotId)), type(PricingRuleSet.Versions.class));
    }

    /** One rule-set version with its document. */
    public PricingRuleSet pricingRuleSet(String lotId, int version) {
        return transport.get("/v1/pricingRules/" + segment(lotId) + "/" + version, type(PricingRuleSet.class));
    }

    /** The places an entry gate holds for offline entries. */
    public GateQuota gateQuota(String gateId) {
        return transport.get("/v1/gates/" + segment(gateId) + "/quota", type(GateQuota.class));
    }

    /**
     * Holds (or returns) places so the entry gate holds {@code placesPerVehicleType} per vehicle type; fewer when
     * the lot has no more room.
     */
    public GateQuota adjustGateQuota(
            String gateId, Map<VehicleType, Integer> placesPerVehicleType, String idempotencyKey) {
        return transport.send(
                "PUT",
                "/v1/gates/" + segment(gateId) + "/quota",
                Map.of("places", placesPerVehicleType),
                key(idempotencyKey),
                type(GateQuota.class));
    }

    /** Gives unused quota places back; {@code placeIds == null} returns all of them. */
    public GateQuota returnGateQuota(String gateId, List<String> placeIds, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("placeIds", placeIds);
        return transport.send(
                "POST",
                "/v1/gates/" + segment(gateId) + "/quota/return",
                body,
                key(idempotencyKey),
                type(GateQuota.class));
    }

    /**
     * Replays a lot's offline journal events, in journal order; central applies each event id once. A gate's key
     * may send its own gate's events; a lot-wide controller key (a GATE key bound to no gate) sends any gate's.
     *
     * @throws ParklineApiException {@code validation} (nothing imported) when an event is malformed
     */
    public JournalImport importJournal(String lotId, List<EdgeJournalEvent> events, String idempotencyKey) {
        return transport.send(
                "POST",
                "/v1/lots/" + segment(lotId) + "/edge/journal",
                Map.of("events", events),
                key(idempotencyKey),
                type(JournalImport.class));
    }

    /** The gate's commands after sequence number {@code after}, oldest first. */
    public List<GateCommand> gateCommands(String gateId, long after) {
        return transport.get(
                "/v1/gates/" + segment(gateId) + "/commands?after=" + after,
                transport.json().getTypeFactory().constructCollectionType(List.class, GateCommand.class));
    }

    /** Issues a command to a gate ({@code FORCE_OPEN}, {@code FORCE_CLOSE}, {@code NORMAL}) with a reason. */
    public GateCommand commandGate(String gateId, String command, String reason, String idempotencyKey) {
        return transport.send(
                "POST",
                "/v1/gates/" + segment(gateId) + "/commands",
                Map.of("command", command, "reason", reason),
                key(idempotencyKey),
                type(GateCommand.class));
    }

    /** Tells central the controller applied a command. */
    public GateCommand acknowledgeGateCommand(String gateId, long seq, String idempotencyKey) {
        return transport.send(
                "POST",
                "/v1/gates/" + segment(gateId) + "/commands/" + seq + "/ack",
                Map.of(),
                key(idempotencyKey),
                type(GateCommand.class));
    }

    private JavaType type(Class<?> responseClass) {
        return transport.json().constructType(responseClass);
    }

    private static String key(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("an idempotency key of 1 to 200 characters is required");
        }
        return idempotencyKey;
    }

    private static String segment(String pathSegment) {
        Objects.requireNonNull(pathSegment, "path segment");
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(Map<String, String> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, value) -> {
            if (value != null) {
                pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** The JSON mapping the client uses: unknown fields ignored, offsets kept, money as BigDecimal. */
    static JsonMapper jsonMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .build();
    }

    /** Configures a {@link ParklineClient}. */
    public static final class Builder {

        private final URI baseUri;
        private Duration timeout = Duration.ofSeconds(10);
        private final Map<String, String> headers = new LinkedHashMap<>();
        private int maxRetries;
        private Duration retryBackoff = Duration.ofMillis(200);
        private HttpClient httpClient;

        private Builder(URI baseUri) {
            if (baseUri.getScheme() == null || baseUri.getHost() == null) {
                throw new IllegalArgumentException("base URL needs a scheme and a host: " + baseUri);
            }
            this.baseUri = baseUri;
        }

        /** How long to wait for connecting and for each answer (default 10 s). */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /** Sends {@code Authorization: Bearer <token>} on every request. */
        public Builder bearerToken(String token) {
            headers.put("Authorization", "Bearer " + Objects.requireNonNull(token));
            return this;
        }

        /** Sends a device API key in the named header on every request. */
        public Builder apiKey(String headerName, String apiKey) {
            headers.put(Objects.requireNonNull(headerName), Objects.requireNonNull(apiKey));
            return this;
        }

        /**
         * Retries a call that timed out, failed on the wire or met {@code
         * idempotency-request-in-flight}, up to {@code maxRetries} times with a growing pause, with
         * the same idempotency key (default: no retries).
         */
        public Builder retries(int maxRetries, Duration backoff) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative");
            }
            this.maxRetries = maxRetries;
            this.retryBackoff = Objects.requireNonNull(backoff);
            return this;
        }

        /** Uses this {@link HttpClient} (connection pool, executor, TLS) instead of a new one. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient);
            return this;
        }

        /** A client with this configuration. */
        public ParklineClient build() {
            HttpClient http = httpClient != null
                    ? httpClient
                    : HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(timeout)
                            .build();
            return new ParklineClient(
                    new ApiTransport(baseUri, http, jsonMapper(), timeout, headers, maxRetries, retryBackoff));
        }
    }
}
