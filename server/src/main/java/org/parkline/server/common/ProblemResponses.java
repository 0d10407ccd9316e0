package org.parkline.server.common;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every failure into problem+json with a stable type; a bug becomes a 500 without internals. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final MeterRegistry meters;

    ProblemResponses(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(problem.type());
        body.setTitle(problem.title());
        body.setInstance(URI.create(request.getRequestURI()));
        problem.properties().forEach(body::setProperty);
        return respond(problem.status(), body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return apiProblem(ApiProblem.invalid("Parameter '" + e.getName() + "' has an invalid value"), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException e, HttpServletRequest request) {
        // the constraint's and table's names only: the server's message can quote row values
        String constraint = e.getMostSpecificCause() instanceof org.postgresql.util.PSQLException psql
                        && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getConstraint() + " on "
                        + psql.getServerErrorMessage().getTable()
                : e.getMostSpecificCause().getClass().getSimpleName() + " (SQL state "
                        + (e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : "?")
                        + ")";
        log.warn("Refused a change that breaks a database constraint: {}", constraint);
        return apiProblem(
                new ApiProblem(
                        HttpStatus.CONFLICT,
                        "conflict",
                        "Conflicting change",
                        "The change conflicts with the current state (another request changed it first); retry"),
                request);
    }

    /** Method security's refusal: 401 when nobody signed in, 403 when the roles do not allow it. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = e instanceof AuthenticationException
                || authentication == null
                || authentication instanceof AnonymousAuthenticationToken;
        meters.counter("parkline.security.denied", "reason", anonymous ? "unauthenticated" : "role")
                .increment();
        if (anonymous) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED,
                    "Send a bearer token (POST /v1/auth/token) or a device key (X-Api-Key header)");
            body.setType(URI.create(ApiProblem.TYPE_BASE + "unauthenticated"));
            body.setTitle("Sign-in required");
            body.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body);
        }
        log.warn("Denied {} {} to {}", request.getMethod(), request.getRequestURI(), authentication.getName());
        return apiProblem(
                new ApiProblem(
                        HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your roles do not allow this request"),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed. Retry later.");
        body.setType(URI.create(ApiProblem.TYPE_BASE + "internal"));
        body.setTitle("Internal error");
        body.setInstance(URI.create(request.getRequestURI()));
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request body",
                "The body is not valid JSON of the expected shape: " + RequestBodyErrors.describe(ex));
        return new ResponseEntity<>(body, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .sorted()
                .toList();
        ProblemDetail body =
                problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", String.join("; ", errors));
        body.setProperty("errors", errors);
        return new ResponseEntity<>(body, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> errors = ex.getAllErrors().stream()
                .map(e -> e.getDefaultMessage())
                .sorted()
                .toList();
        ProblemDetail body =
                problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", String.join("; ", errors));
        return new ResponseEntity<>(body, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Spring leaves the type unset (null) or about:blank on the errors it handles itself
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            String slug = problem.getTitle() == null
                    ? "http-" + statusCode.value()
                    : problem.getTitle().toLowerCase().replaceAll("[^a-z]+", "-");
            problem.setType(URI.create(ApiProblem.TYPE_BASE + slug));
        }
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, merged, statusCode);
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(ApiProblem.TYPE_BASE + slug));
        body.setTitle(title);
        return body;
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, ProblemDetail body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}
