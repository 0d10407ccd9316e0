package org.parkline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.ExitRequest;
import org.parkline.client.LotMode;
import org.parkline.client.PaymentMethod;
import org.parkline.client.PaymentRequest;
import org.parkline.client.SpotType;
import org.parkline.client.Ticket;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.Lots.TestLot;
import org.parkline.server.support.RawHttp.Reply;
import org.parkline.server.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

/** Every change leaves an entry saying who, when, what and in which request; nobody can quietly rewrite them. */
class AuditIT extends IntegrationTest {

    @Autowired
    AuditSeals seals;

    @Test
    void aTicketsWholeStoryIsRecordedWithWhoDidEachStep() {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        Ticket ticket = api.enter(
                EntryRequest.of(
                        lot.lotId(),
                        lot.entryGate(),
                        new Vehicle(VehicleType.CAR, "SGP1234A"),
                        EntryPreferences.none()),
                "audit-entry-" + lot.lotId());
        clock.advance(Duration.ofHours(2));
        api.pay(PaymentRequest.amountDue(ticket.ticketId(), PaymentMethod.CASH, null), "audit-pay-" + lot.lotId());
        api.exit(ticket.ticketId(), ExitRequest.at(lot.exitGate()), "audit-exit-" + lot.lotId());

        Reply history = http.withToken(tokenOf("auditor")).get("/v1/tickets/" + ticket.ticketId() + "/history");

        assertThat(history.status()).isEqualTo(200);
        var entries = history.json();
        java.util.List<String> actions = new java.util.ArrayList<>();
        entries.forEach(e -> actions.add(e.path("action").asString()));
        assertThat(actions).first().isEqualTo("ticket.created");
        assertThat(actions).last().isEqualTo("ticket.closed");
        assertThat(actions).contains("payment.initiated", "payment.captured");
        var captured = entries.get(actions.indexOf("payment.captured"));
        var closed = entries.get(actions.size() - 1);
        assertThat(closed.path("before").path("status").asString()).isEqualTo("ACTIVE");
        assertThat(closed.path("after").path("amountPaid").asString()).isEqualTo("4.00");
        assertThat(entries.get(0).path("actorKind").asString()).isEqualTo("PERSON");
        assertThat(captured.path("actorId").asString())
                .isEqualTo(http.get("/v1/auth/me").json().path("id").asString());
        assertThat(entries.get(0).path("requestId").asString()).startsWith("R_");
        assertThat(history.body()).doesNotContain("SGP1234A");
    }

    @Test
    void theLogIsAppendOnlyInTheDatabaseItself() {
        api.lots(); // any request; make sure there is at least one entry
        lots().create(LotMode.CAPACITY, Map.of(SpotType.COMPACT, 1));

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set action = 'x'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update()).hasMessageContaining("append-only");
        seals.sealPending();
        assertThatThrownBy(() -> jdbc.sql("delete from audit_seal").update()).hasMessageContaining("append-only");
    }

    @Test
    void editingAnEntryBehindParklinesBackIsDetected() throws Exception {
        TestLot lot = lots().create(LotMode.SPOT, Map.of(SpotType.COMPACT, 1));
        Reply before = http.withToken(tokenOf("auditor")).get("/v1/audit/verify");
        assertThat(before.json().path("valid").asBoolean()).as(before.body()).isTrue();
        long entryId = count("select max(id) from audit_entry where lot_id = ?", lot.lotId());
        String original = jdbc.sql("select after::text from audit_entry where id = ?")
                .param(entryId)
                .query(String.class)
                .single();

        rewriteBehindParklinesBack(entryId, "{\"name\":\"forged\"}");

        Reply after = http.withToken(tokenOf("auditor")).get("/v1/audit/verify");
        assertThat(after.json().path("valid").asBoolean()).isFalse();
        assertThat(after.json().path("firstBrokenEntryId").asLong()).isEqualTo(entryId);
        assertThat(after.json().path("problems").get(0).asString()).contains("changed after it was sealed");

        rewriteBehindParklinesBack(entryId, original);
        assertThat(http.withToken(tokenOf("auditor"))
                        .get("/v1/audit/verify")
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void auditorsReadTheLogAndOperatorsCannot() {
        assertThat(http.withToken(tokenOf("auditor")).get("/v1/audit?limit=5").status())
                .isEqualTo(200);
        assertThat(http.withToken(tokenOf("operator")).get("/v1/audit?limit=5").status())
                .isEqualTo(403);
        assertThat(http.withToken(tokenOf("auditor"))
                        .get("/v1/audit?limit=5000")
                        .status())
                .isEqualTo(400);
    }

    /** What an attacker with database access would do: switch the guard off, edit, switch it on again. */
    private static void rewriteBehindParklinesBack(long entryId, String afterJson) throws Exception {
        try (Connection c = TestDatabase.get().connect();
                Statement s = c.createStatement()) {
            s.execute("alter table audit_entry disable trigger audit_entry_append_only");
            s.execute("update audit_entry set after = '" + afterJson.replace("'", "''") + "' where id = " + entryId);
            s.execute("alter table audit_entry enable trigger audit_entry_append_only");
        }
    }
}
