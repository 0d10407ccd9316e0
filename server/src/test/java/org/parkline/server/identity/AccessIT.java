package org.parkline.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.RawHttp;
import org.parkline.server.support.RawHttp.Reply;

/** Who may do what, where: tokens, device keys bound to their gate, roles scoped to lots, throttled sign-in. */
class AccessIT extends IntegrationTest {

    private static final String CAR = "{\"lotId\":\"%s\",\"gateId\":\"%s\",\"vehicle\":{\"type\":\"CAR\"}}";

    @Test
    void nobodyGetsA401ProblemWithAHintAndABadTokenToo() {
        Reply anonymous = http.anonymous().post("/v1/tickets/entry", CAR.formatted("L1", "GATE_E_01"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problem()).isEqualTo("unauthenticated");
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");

        Reply badToken = http.withToken("plt_forged").get("/v1/auth/me");
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.isProblem()).isTrue();
        assertThat(http.withApiKey("pk_demo-l1-e01.wrong-secret")
                        .get("/v1/auth/me")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aGateKeyWorksOnlyForItsOwnGate() {
        RawHttp entryGate = http.withApiKey(L1_ENTRY_GATE_KEY);

        assertThat(entryGate
                        .post("/v1/tickets/entry", CAR.formatted("L1", "GATE_E_01"), "key-own-gate")
                        .status())
                .isEqualTo(201);
        Reply otherGate = entryGate.post("/v1/tickets/entry", CAR.formatted("L1", "GATE_E_03"), "key-other-gate");
        assertThat(otherGate.status()).isEqualTo(403);
        assertThat(otherGate.problem()).isEqualTo("gate-not-allowed");
        Reply otherLot = entryGate.post("/v1/tickets/entry", CAR.formatted("L2", "L2_E_01"), "key-other-lot");
        assertThat(otherLot.status()).isEqualTo(403);
        assertThat(otherLot.problem()).isEqualTo("lot-not-allowed");
        assertThat(entryGate
                        .post("/v1/lots/L1/holds", "{\"spotType\":\"COMPACT\",\"minutes\":5}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anOperatorOfOneLotCannotTouchAnother() {
        RawHttp operatorOfL1 = http.withToken(tokenOf("operator"));

        assertThat(operatorOfL1
                        .post("/v1/tickets/entry", CAR.formatted("L1", "GATE_E_03"), "op-l1")
                        .status())
                .isEqualTo(201);
        Reply inL2 = operatorOfL1.post("/v1/tickets/entry", CAR.formatted("L2", "L2_E_01"), "op-l2");
        assertThat(inL2.status()).isEqualTo(403);
        assertThat(inL2.problem()).isEqualTo("lot-not-allowed");
        assertThat(operatorOfL1.post("/v1/lots", "{}").status()).isEqualTo(403);
    }

    @Test
    void deviceKeysAreShownOnceAndCanBeRotatedAndRevoked() {
        Reply issued = http.post(
                "/v1/lots/L1/device-keys", "{\"kind\":\"GATE\",\"gateId\":\"GATE_X_02\",\"label\":\"exit lane 2\"}");
        assertThat(issued.status()).isEqualTo(201);
        String key = issued.json().path("apiKey").asString();
        String keyId = issued.json().path("key").path("keyId").asString();
        assertThat(key).startsWith("pk_" + keyId + ".");
        assertThat(http.get("/v1/lots/L1/device-keys").body()).contains(keyId).doesNotContain(key);
        assertThat(count("select count(*) from device_key where key_hash::text like ?", "%" + key + "%"))
                .isZero();
        assertThat(http.withApiKey(key).get("/v1/auth/me").json().path("gateId").asString())
                .isEqualTo("GATE_X_02");

        Reply rotated = http.post("/v1/device-keys/" + keyId + "/rotate", "{}");
        String newKey = rotated.json().path("apiKey").asString();
        assertThat(http.withApiKey(key).get("/v1/auth/me").status()).isEqualTo(401);
        assertThat(http.withApiKey(newKey).get("/v1/auth/me").status()).isEqualTo(200);

        http.post("/v1/device-keys/" + rotated.json().path("key").path("keyId").asString() + "/revoke", "{}");
        assertThat(http.withApiKey(newKey).get("/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void accountsGetRolesPerLotAndADisabledAccountsTokenStopsWorking() {
        Reply created = http.post(
                "/v1/accounts",
                """
                {"username":"cashier.l2","displayName":"Cashier of L2","password":"a-long-password",
                 "grants":[{"role":"OPERATOR","lotId":"L2"}]}""");
        assertThat(created.status()).isEqualTo(201);
        String token = tokenOf("cashier.l2", "a-long-password");
        RawHttp cashier = http.withToken(token);
        assertThat(cashier.post("/v1/tickets/entry", CAR.formatted("L2", "L2_E_01"), "cashier-l2")
                        .status())
                .isEqualTo(201);
        assertThat(cashier.post("/v1/tickets/entry", CAR.formatted("L1", "GATE_E_01"), "cashier-l1")
                        .status())
                .isEqualTo(403);

        http.post("/v1/accounts/" + created.json().path("id").asString() + "/disable", "{}");

        // tokens are remembered for a short while; a fresh look-up must refuse the disabled account's token
        assertThat(count(
                        "select count(*) from access_token where account_id = ? and revoked_at is not null",
                        created.json().path("id").asString()))
                .isEqualTo(1);
        assertThat(http.post("/v1/auth/token", "{\"username\":\"cashier.l2\",\"password\":\"a-long-password\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void signInFailsTheSameForUnknownNamesAndWrongPasswordsAndIsThrottled() {
        Reply wrongPassword =
                http.anonymous().post("/v1/auth/token", "{\"username\":\"admin\",\"password\":\"nope-nope-nope\"}");
        Reply unknown =
                http.anonymous().post("/v1/auth/token", "{\"username\":\"ghost\",\"password\":\"nope-nope-nope\"}");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("detail").asString())
                .isEqualTo(wrongPassword.json().path("detail").asString());

        int throttled = 0;
        for (int i = 0; i < 25; i++) {
            Reply attempt = http.anonymous()
                    .post("/v1/auth/token", "{\"username\":\"brute\",\"password\":\"guess-" + i + "-x\"}");
            if (attempt.status() == 429) throttled++;
        }
        assertThat(throttled).isGreaterThan(0);
        assertThat(http.get("/actuator/prometheus").body())
                .contains("parkline_security_sign_in_total{outcome=\"failed\"");
    }

    @Test
    void theWebSignInKeepsASessionProtectedAgainstCrossSiteRequests() {
        Reply page = http.anonymous().get("/account");
        assertThat(page.status()).isIn(302, 401);
        Reply withoutCsrf = http.anonymous().post("/login", "username=admin&password=admin-demo-pass");
        assertThat(withoutCsrf.status()).isEqualTo(403);
    }
}
