package org.parkline.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.RawHttp;
import org.parkline.server.support.RawHttp.Reply;

/** Holes found in review, each closed and kept closed. */
class SecurityRegressionIT extends IntegrationTest {

    private String parkedTicket(String key) {
        Reply entry = http.withApiKey(L1_ENTRY_GATE_KEY)
                .post(
                        "/v1/tickets/entry",
                        "{\"lotId\":\"L1\",\"gateId\":\"GATE_E_01\",\"vehicle\":{\"type\":\"CAR\"}}",
                        key);
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        clock.advance(Duration.ofHours(2));
        return entry.json().path("ticketId").asString();
    }

    @Test
    void aParkerCannotMarkTheirTicketPaidByRecordingCash() {
        String ticketId = parkedTicket("cash-parker");
        String cash = "{\"ticketId\":\"%s\",\"method\":\"CASH\"}".formatted(ticketId);

        Reply byParker = http.withToken(tokenOf("parker")).post("/v1/payments", cash, "cash-by-parker");

        assertThat(byParker.status()).isEqualTo(403);
        assertThat(byParker.problem()).isEqualTo("cash-needs-attendant");
        assertThat(count("select count(*) from payment where payable_ref = ?", ticketId))
                .isZero();
        assertThat(http.withToken(tokenOf("operator"))
                        .post("/v1/payments", cash, "cash-by-operator")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anAdministratorOfOneLotCannotManageAccounts() {
        http.post(
                "/v1/accounts",
                """
                {"username":"admin.l1","displayName":"Admin of L1","password":"a-long-password",
                 "grants":[{"role":"ADMIN","lotId":"L1"}]}""");
        RawHttp lotAdmin = http.withToken(tokenOf("admin.l1", "a-long-password"));

        Reply escalate = lotAdmin.post(
                "/v1/accounts",
                """
                {"username":"sneaky","displayName":"x","password":"a-long-password","grants":[{"role":"ADMIN"}]}""");

        assertThat(escalate.status()).isEqualTo(403);
        assertThat(escalate.problem()).isEqualTo("needs-global-role");
        assertThat(lotAdmin.get("/v1/lots/L2/device-keys").status()).isEqualTo(403);
        assertThat(lotAdmin.get("/v1/lots/L1/device-keys").status()).isEqualTo(200);
    }

    @Test
    void tokensAndDeviceKeysAreNeverKeptForReplay() {
        Reply signIn = http.anonymous()
                .post(
                        "/v1/auth/token",
                        "{\"username\":\"auditor\",\"password\":\"auditor-demo-pass\"}",
                        "sign-in-with-a-key");
        Reply issued =
                http.post("/v1/lots/L1/device-keys", "{\"kind\":\"CAMERA\",\"label\":\"cam\"}", "key-with-a-key");

        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.header("Cache-Control")).contains("no-store");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        assertThat(
                        count(
                                "select count(*) from idempotency_record where key in ('sign-in-with-a-key', 'key-with-a-key')"))
                .isZero();
    }

    @Test
    void aDisabledAccountsTokenStopsAtOnceAndSignOutRevokesAToken() {
        Reply created = http.post(
                "/v1/accounts",
                """
                {"username":"temp.worker","displayName":"Temp","password":"a-long-password",
                 "grants":[{"role":"ANALYST"}]}""");
        String token = tokenOf("temp.worker", "a-long-password");
        assertThat(http.withToken(token).get("/v1/auth/me").status()).isEqualTo(200); // now remembered

        http.post("/v1/accounts/" + created.json().path("id").asString() + "/disable", "{}");

        assertThat(http.withToken(token).get("/v1/auth/me").status()).isEqualTo(401);

        String auditorToken = http.anonymous()
                .post("/v1/auth/token", "{\"username\":\"auditor\",\"password\":\"auditor-demo-pass\"}")
                .json()
                .path("token")
                .asString();
        assertThat(http.withToken(auditorToken).post("/v1/auth/revoke", "").status())
                .isEqualTo(204);
        assertThat(http.withToken(auditorToken).get("/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void lotScopedCallersOnlyReadTheirLots() {
        http.post(
                "/v1/accounts",
                """
                {"username":"auditor.l2","displayName":"Auditor of L2","password":"a-long-password",
                 "grants":[{"role":"AUDITOR","lotId":"L2"}]}""");
        RawHttp auditorOfL2 = http.withToken(tokenOf("auditor.l2", "a-long-password"));
        assertThat(auditorOfL2.get("/v1/audit").status()).isEqualTo(400);
        assertThat(auditorOfL2.get("/v1/audit?lotId=L1").status()).isEqualTo(403);
        assertThat(auditorOfL2.get("/v1/audit?lotId=L2").status()).isEqualTo(200);

        String ticketId = parkedTicket("scoped-read");
        Reply paid = http.post(
                "/v1/payments",
                "{\"ticketId\":\"%s\",\"method\":\"CARD\",\"paymentToken\":\"tok_visa\"}".formatted(ticketId),
                "scoped-pay");
        String paymentId = paid.json().path("paymentId").asString();
        http.post(
                "/v1/accounts",
                """
                {"username":"cashier.l2b","displayName":"Cashier of L2","password":"a-long-password",
                 "grants":[{"role":"OPERATOR","lotId":"L2"}]}""");
        RawHttp cashierOfL2 = http.withToken(tokenOf("cashier.l2b", "a-long-password"));
        assertThat(cashierOfL2.get("/v1/payments/" + paymentId).status()).isEqualTo(403);
        Reply exit = cashierOfL2.post("/v1/tickets/" + ticketId + "/exit", "{\"gateId\":\"GATE_X_02\"}");
        assertThat(exit.status()).isEqualTo(403);
        assertThat(exit.problem()).isEqualTo("lot-not-allowed");
    }

    @Test
    void aUsernameOfTheWrongFormIsA400() {
        Reply bad = http.post(
                "/v1/accounts",
                """
                {"username":"Bad Name!","displayName":"x","password":"a-long-password","grants":[]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problem()).isEqualTo("validation");
    }
}
