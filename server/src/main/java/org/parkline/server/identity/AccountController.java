package org.parkline.server.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.server.common.ApiProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts and device keys", description = "People, their roles, and the keys of gates and cameras")
class AccountController {

    private final Accounts accounts;
    private final DeviceKeys keys;
    private final LotAccess access;

    AccountController(Accounts accounts, DeviceKeys keys, LotAccess access) {
        this.accounts = accounts;
        this.keys = keys;
        this.access = access;
    }

    record NewAccount(
            @NotBlank @Pattern(regexp = "[a-z0-9._@-]{3,64}", message = "3 to 64 of a-z, 0-9, '.', '_', '@', '-'")
                    String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(min = 10, max = 200) String password,
            @NotNull List<@Valid Grant> grants) {}

    record Grants(@NotNull List<@Valid Grant> grants) {}

    @GetMapping("/v1/accounts")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "All accounts with their roles")
    List<Accounts.Account> accounts() {
        access.requireGlobal(Role.ADMIN);
        return accounts.all();
    }

    @PostMapping("/v1/accounts")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create an account with roles (each everywhere, or in one lot)")
    ResponseEntity<Accounts.Account> create(@Valid @RequestBody NewAccount account) {
        access.requireGlobal(Role.ADMIN);
        Accounts.Account created =
                accounts.create(account.username(), account.displayName(), account.password(), account.grants(), false);
        return ResponseEntity.created(URI.create("/v1/accounts")).body(created);
    }

    @PutMapping("/v1/accounts/{accountId}/grants")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace an account's roles")
    Accounts.Account grants(@PathVariable String accountId, @Valid @RequestBody Grants grants) {
        access.requireGlobal(Role.ADMIN);
        return accounts.replaceGrants(accountId, grants.grants());
    }

    @PostMapping("/v1/accounts/{accountId}/disable")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Disable an account; its tokens stop working")
    Accounts.Account disable(@PathVariable String accountId) {
        access.requireGlobal(Role.ADMIN);
        if (accountId.equals(Actor.current().id())) throw ApiProblem.invalid("You cannot disable your own account");
        return accounts.setEnabled(accountId, false);
    }

    @PostMapping("/v1/accounts/{accountId}/enable")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Enable an account again")
    Accounts.Account enable(@PathVariable String accountId) {
        access.requireGlobal(Role.ADMIN);
        return accounts.setEnabled(accountId, true);
    }

    record NewKey(@NotNull DeviceKeys.Kind kind, @Nullable String gateId, @NotBlank @Size(max = 100) String label) {}

    @PostMapping("/v1/lots/{lotId}/device-keys")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Issue a key for a gate, camera or pay station; the key is shown only in this answer")
    ResponseEntity<DeviceKeys.IssuedKey> issue(@PathVariable String lotId, @Valid @RequestBody NewKey key) {
        access.requireLot(lotId);
        DeviceKeys.IssuedKey issued = keys.issue(lotId, key.gateId(), key.kind(), key.label());
        return ResponseEntity.created(URI.create("/v1/lots/" + lotId + "/device-keys"))
                .cacheControl(CacheControl.noStore())
                .body(issued);
    }

    @GetMapping("/v1/lots/{lotId}/device-keys")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "A lot's device keys (never their secrets)")
    List<DeviceKeys.DeviceKey> keys(@PathVariable String lotId) {
        access.requireLot(lotId);
        return keys.ofLot(lotId);
    }

    @PostMapping("/v1/device-keys/{keyId}/revoke")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revoke a device key")
    DeviceKeys.DeviceKey revoke(@PathVariable String keyId) {
        requireKeyLot(keyId);
        return keys.revoke(keyId);
    }

    @PostMapping("/v1/device-keys/{keyId}/rotate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a device key with a new one (shown once); the old one stops working")
    ResponseEntity<DeviceKeys.IssuedKey> rotate(@PathVariable String keyId) {
        requireKeyLot(keyId);
        DeviceKeys.IssuedKey issued = keys.rotate(keyId);
        return ResponseEntity.created(URI.create("/v1/lots/" + issued.key().lotId() + "/device-keys"))
                .cacheControl(CacheControl.noStore())
                .body(issued);
    }

    private void requireKeyLot(String keyId) {
        access.requireLot(keys.find(keyId)
                .orElseThrow(() -> ApiProblem.notFound("device key", keyId))
                .lotId());
    }
}
