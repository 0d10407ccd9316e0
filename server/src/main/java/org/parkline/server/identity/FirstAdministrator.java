package org.parkline.server.identity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A production installation needs a first administrator and has no demo accounts: with
 * {@code PARKLINE_BOOTSTRAP_ADMIN_PASSWORD} set and no account yet, an {@code admin} account with the ADMIN role for
 * every lot is created at start-up. Change its password by creating a named administrator and disabling it.
 */
@Component
@Order(5)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Accounts accounts;
    private final String password;

    FirstAdministrator(Accounts accounts, @Value("${parkline.bootstrap.admin-password:}") String password) {
        this.accounts = accounts;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password.isBlank() || !accounts.all().isEmpty()) return;
        accounts.create("admin", "First administrator", password, List.of(new Grant(Role.ADMIN, null)), false);
        log.warn("Created the first administrator 'admin' from PARKLINE_BOOTSTRAP_ADMIN_PASSWORD; "
                + "create named administrators and disable this account");
    }
}
