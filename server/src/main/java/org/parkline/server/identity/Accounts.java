package org.parkline.server.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.common.Audited;
import org.parkline.server.common.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People: accounts with bcrypt-hashed passwords and role grants; sign-in issues a bearer token. */
@Service
public class Accounts {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Credentials credentials;

    Accounts(
            JdbcClient jdbc,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            Clock clock,
            Credentials credentials) {
        this.credentials = credentials;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    public record Account(String id, String username, String displayName, boolean enabled, List<Grant> grants) {}

    public record IssuedToken(String token, Instant expiresAt, List<Grant> grants) {}

    @Transactional
    public Account create(String username, String displayName, String password, List<Grant> grants, boolean demo) {
        if (password.length() < 10) throw ApiProblem.invalid("password: at least 10 characters");
        if (byUsername(username).isPresent()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "account-exists",
                    "Account exists",
                    "An account named " + username + " already exists");
        }
        String id = Ids.next("A", clock);
        jdbc.sql(
                        """
                        insert into account (id, username, display_name, password_hash, demo)
                        values (:id, :username, :name, :hash, :demo)
                        """)
                .param("id", id)
                .param("username", username)
                .param("name", displayName)
                .param("hash", passwords.encode(password))
                .param("demo", demo)
                .update();
        setGrants(id, grants);
        Account account = new Account(id, username, displayName, true, grants);
        events.publishEvent(new Audited("account.created", "account", id, null, null, describe(account)));
        return account;
    }

    @Transactional
    public Account replaceGrants(String accountId, List<Grant> grants) {
        Account before = find(accountId).orElseThrow(() -> ApiProblem.notFound("account", accountId));
        jdbc.sql("delete from account_grant where account_id = :id")
                .param("id", accountId)
                .update();
        setGrants(accountId, grants);
        Account after = new Account(before.id(), before.username(), before.displayName(), before.enabled(), grants);
        events.publishEvent(
                new Audited("account.grants_changed", "account", accountId, null, describe(before), describe(after)));
        return after;
    }

    @Transactional
    public Account setEnabled(String accountId, boolean enabled) {
        Account before = find(accountId).orElseThrow(() -> ApiProblem.notFound("account", accountId));
        jdbc.sql("update account set enabled = :enabled where id = :id")
                .param("enabled", enabled)
                .param("id", accountId)
                .update();
        if (!enabled) {
            credentials.forgetAccount(accountId);
            jdbc.sql("update access_token set revoked_at = :now where account_id = :id and revoked_at is null")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", accountId)
                    .update();
        }
        Account after = new Account(before.id(), before.username(), before.displayName(), enabled, before.grants());
        events.publishEvent(new Audited(
                enabled ? "account.enabled" : "account.disabled",
                "account",
                accountId,
                null,
                describe(before),
                describe(after)));
        return after;
    }

    /** Checks a password; empty when the account is unknown, disabled or the password wrong (callers cannot tell). */
    public Optional<Actor> verify(String username, String password) {
        record Row(String id, String name, String hash, boolean enabled) {}
        Optional<Row> row = jdbc.sql("select id, username, password_hash, enabled from account where username = :u")
                .param("u", username)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional();
        if (row.isEmpty()) {
            passwords.matches(password, DUMMY_HASH); // same work as a real check: no timing hint of which names exist
            return Optional.empty();
        }
        if (!row.get().enabled() || !passwords.matches(password, row.get().hash())) return Optional.empty();
        return Optional.of(new Actor(
                Actor.Kind.PERSON,
                row.get().id(),
                row.get().name(),
                grants(row.get().id()),
                null,
                null,
                null));
    }

    /** Signs in with a password and issues a bearer token valid for {@link #TOKEN_LIFETIME}. */
    @Transactional
    public Optional<IssuedToken> signIn(String username, String password) {
        Optional<Actor> actor = verify(username, password);
        if (actor.isEmpty()) return Optional.empty();
        String token = "plt_" + Secrets.random(32);
        Instant now = clock.instant();
        Instant expires = now.plus(TOKEN_LIFETIME);
        jdbc.sql(
                        """
                        insert into access_token (token_hash, account_id, created_at, expires_at)
                        values (:hash, :account, :now, :expires)
                        """)
                .param("hash", Secrets.sha256(token))
                .param("account", actor.get().id())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires))
                .update();
        return Optional.of(new IssuedToken(token, expires, actor.get().grants()));
    }

    /** Revokes one bearer token (sign-out). */
    @Transactional
    public void revokeToken(String token) {
        byte[] hash = Secrets.sha256(token);
        jdbc.sql("update access_token set revoked_at = :now where token_hash = :hash and revoked_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("hash", hash)
                .update();
        credentials.forgetToken(hash);
    }

    public boolean anyDemoAccountEnabled() {
        return jdbc.sql("select exists (select 1 from account where demo and enabled)")
                .query(Boolean.class)
                .single();
    }

    public List<Account> all() {
        return jdbc.sql("select id, username, display_name, enabled from account order by username")
                .query((rs, n) -> new Account(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), grants(rs.getString(1))))
                .list();
    }

    public Optional<Account> find(String accountId) {
        return jdbc.sql("select id, username, display_name, enabled from account where id = :id")
                .param("id", accountId)
                .query((rs, n) -> new Account(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), grants(rs.getString(1))))
                .optional();
    }

    Optional<Account> byUsername(String username) {
        return jdbc.sql("select id from account where username = :u")
                .param("u", username)
                .query(String.class)
                .optional()
                .flatMap(this::find);
    }

    List<Grant> grants(String accountId) {
        return jdbc.sql("select role, lot_id from account_grant where account_id = :id order by role, lot_id")
                .param("id", accountId)
                .query((rs, n) -> new Grant(Role.valueOf(rs.getString(1)), rs.getString(2)))
                .list();
    }

    private void setGrants(String accountId, List<Grant> grants) {
        for (Grant grant : grants) {
            if (grant.role() == Role.GATE) {
                throw ApiProblem.invalid("grants: GATE is for devices; create a device key instead");
            }
            jdbc.sql(
                            "insert into account_grant (account_id, role, lot_id) values (:id, :role, :lot) on conflict do nothing")
                    .param("id", accountId)
                    .param("role", grant.role().name())
                    .param("lot", grant.lotId())
                    .update();
        }
    }

    private static Map<String, Object> describe(Account account) {
        return Map.of(
                "username", account.username(),
                "enabled", account.enabled(),
                "grants",
                        account.grants().stream()
                                .map(g -> g.role() + (g.global() ? "" : "@" + g.lotId()))
                                .toList());
    }

    private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoO5rZ7rE3L5Q8n1XcCq3P0d9kq1iN7p7K";
}
