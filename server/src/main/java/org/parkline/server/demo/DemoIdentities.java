package org.parkline.server.demo;

import java.util.List;
import org.parkline.server.identity.Accounts;
import org.parkline.server.identity.DeviceKeys;
import org.parkline.server.identity.Grant;
import org.parkline.server.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts (one per role, password {@code <name>-demo-pass}) and demo keys for L1's two gates, so every example
 * in the docs works. Said loudly at start-up; {@link ProductionGuard} refuses to start production with any of them.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty(name = "parkline.demo-data")
class DemoIdentities implements ApplicationRunner {

    static final String ENTRY_GATE_KEY = "pk_demo-l1-e01.parkline-demo-gate-key";
    static final String EXIT_GATE_KEY = "pk_demo-l1-x02.parkline-demo-gate-key";

    private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

    private final Accounts accounts;
    private final DeviceKeys keys;

    DemoIdentities(Accounts accounts, DeviceKeys keys) {
        this.accounts = accounts;
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        account("admin", "Demo administrator", new Grant(Role.ADMIN, null));
        account("operator", "Demo attendant of L1", new Grant(Role.OPERATOR, "L1"));
        account("officer", "Demo enforcement officer", new Grant(Role.OFFICER, null));
        account("adjudicator", "Demo adjudicator", new Grant(Role.ADJUDICATOR, null));
        account("analyst", "Demo analyst", new Grant(Role.ANALYST, null));
        account("auditor", "Demo auditor", new Grant(Role.AUDITOR, null));
        account("parker", "Demo parker", new Grant(Role.PARKER, null));
        if (keys.find("demo-l1-e01").isEmpty()) {
            keys.issueDemo("demo-l1-e01", "parkline-demo-gate-key", "L1", "GATE_E_01", DeviceKeys.Kind.GATE);
            keys.issueDemo("demo-l1-x02", "parkline-demo-gate-key", "L1", "GATE_X_02", DeviceKeys.Kind.GATE);
        }
        log.warn(
                """

                ******************************************************************************
                  DEMO MODE: demo accounts and keys are active. Never expose this server.
                  Sign in: POST /v1/auth/token {"username":"admin","password":"admin-demo-pass"}
                  (also operator, officer, adjudicator, analyst, auditor, parker: <name>-demo-pass)
                  Gate keys (header X-Api-Key): GATE_E_01 {}  GATE_X_02 {}
                  Turn off with PARKLINE_DEMO=false; PARKLINE_PRODUCTION=true refuses demo credentials.
                ******************************************************************************""",
                ENTRY_GATE_KEY,
                EXIT_GATE_KEY);
    }

    private void account(String username, String name, Grant grant) {
        if (accounts.all().stream().noneMatch(a -> a.username().equals(username))) {
            accounts.create(username, name, username + "-demo-pass", List.of(grant), true);
        }
    }
}
