package org.parkline.server.identity;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.RateLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sign-in", description = "Bearer tokens for people; devices use X-Api-Key")
class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);

    private final Accounts accounts;
    private final RateLimits limits;
    private final MeterRegistry meters;

    AuthController(Accounts accounts, RateLimits limits, MeterRegistry meters) {
        this.accounts = accounts;
        this.limits = limits;
        this.meters = meters;
    }

    record SignIn(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {}

    record TokenView(String token, String tokenType, Instant expiresAt, List<Grant> grants) {}

    @PostMapping("/v1/auth/token")
    @PermitAll
    @Operation(summary = "Sign in with a password; returns a bearer token (rate-limited per address)")
    ResponseEntity<TokenView> token(@Valid @RequestBody SignIn signIn, HttpServletRequest request) {
        // per name, tight (guessing one account's password), and per address, looser (trying many names)
        limits.take("sign-in", request.getRemoteAddr() + "|" + signIn.username(), 10);
        limits.take("sign-in-address", request.getRemoteAddr(), 300);
        return accounts.signIn(signIn.username(), signIn.password())
                .map(t -> {
                    meters.counter("parkline.security.sign_in", "outcome", "ok").increment();
                    return ResponseEntity.ok()
                            .cacheControl(CacheControl.noStore())
                            .body(new TokenView(t.token(), "Bearer", t.expiresAt(), t.grants()));
                })
                .orElseThrow(() -> {
                    meters.counter("parkline.security.sign_in", "outcome", "failed")
                            .increment();
                    log.warn("Failed sign-in from {}", request.getRemoteAddr());
                    return new ApiProblem(
                            HttpStatus.UNAUTHORIZED,
                            "sign-in-failed",
                            "Sign-in failed",
                            "Unknown user or wrong password");
                });
    }

    record Me(Actor.Kind kind, String id, String name, List<Grant> grants, String lotId, String gateId) {}

    @GetMapping("/v1/auth/me")
    @RolesAllowed({
        Roles.ADMIN,
        Roles.OPERATOR,
        Roles.OFFICER,
        Roles.ADJUDICATOR,
        Roles.ANALYST,
        Roles.AUDITOR,
        Roles.GATE,
        Roles.PARKER
    })
    @Operation(summary = "Who the presented credential belongs to")
    Me me() {
        Actor actor = Actor.current();
        return new Me(
                actor.kind(), actor.id(), actor.name(), actor.grants(), actor.deviceLotId(), actor.deviceGateId());
    }

    /** Signs out: the presented bearer token stops working (on other instances within the credential cache's 30 s). */
    @PostMapping("/v1/auth/revoke")
    @RolesAllowed({
        Roles.ADMIN,
        Roles.OPERATOR,
        Roles.OFFICER,
        Roles.ADJUDICATOR,
        Roles.ANALYST,
        Roles.AUDITOR,
        Roles.PARKER
    })
    @Operation(summary = "Sign out: revoke the bearer token this request presents")
    ResponseEntity<Void> revoke(HttpServletRequest request) {
        String authorization = String.valueOf(request.getHeader("Authorization"));
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiProblem.invalid("Only a bearer token can be revoked here; device keys are revoked by an ADMIN");
        }
        accounts.revokeToken(authorization.substring(7).strip());
        return ResponseEntity.noContent().build();
    }
}
