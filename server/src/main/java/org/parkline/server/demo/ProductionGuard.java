package org.parkline.server.demo;

import java.util.ArrayList;
import java.util.List;
import org.parkline.server.identity.Accounts;
import org.parkline.server.identity.DeviceKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With {@code parkline.production=true}, Parkline refuses to start while anything of the demo is left. */
@Component
@Order(0)
class ProductionGuard implements ApplicationRunner {

    static final String DEMO_HMAC_KEY = "ZGVtby1obWFjLWtleS1kby1ub3QtdXNlLWluLXByb2R1Y3Rpb24hIQ==";
    static final String DEMO_ENCRYPTION_KEY = "ZGVtby1hZXMta2V5LWRvLW5vdC11c2UtaW4tcHJvZHVjdGlvbiE=";

    private final boolean production;
    private final boolean demoData;
    private final String hmacKey;
    private final String encryptionKey;
    private final Accounts accounts;
    private final DeviceKeys keys;

    ProductionGuard(
            @Value("${parkline.production:false}") boolean production,
            @Value("${parkline.demo-data:false}") boolean demoData,
            @Value("${parkline.plates.hmac-key}") String hmacKey,
            @Value("${parkline.plates.encryption-key}") String encryptionKey,
            Accounts accounts,
            DeviceKeys keys) {
        this.production = production;
        this.demoData = demoData;
        this.hmacKey = hmacKey;
        this.encryptionKey = encryptionKey;
        this.accounts = accounts;
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!production) return;
        List<String> problems =
                problems(demoData, hmacKey, encryptionKey, accounts.anyDemoAccountEnabled(), keys.anyDemoKeyActive());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems));
        }
    }

    /** Everything of the demo still present; empty when production may start. */
    static List<String> problems(
            boolean demoData, String hmacKey, String encryptionKey, boolean demoAccounts, boolean demoKeys) {
        List<String> problems = new ArrayList<>();
        if (demoData) problems.add("demo data is on (set PARKLINE_DEMO=false)");
        if (hmacKey.equals(DEMO_HMAC_KEY) || encryptionKey.equals(DEMO_ENCRYPTION_KEY)) {
            problems.add("the plate keys are the demo keys (set PARKLINE_PLATE_HMAC_KEY and PARKLINE_PLATE_ENC_KEY)");
        }
        if (demoAccounts) problems.add("demo accounts are enabled (disable them)");
        if (demoKeys) problems.add("demo device keys are active (revoke them)");
        return problems;
    }
}
