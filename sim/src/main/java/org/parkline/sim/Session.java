package org.parkline.sim;

import java.io.PrintStream;
import java.util.Optional;
import org.parkline.client.ParklineClient;
import org.parkline.client.ParklineClientException;

/** Signs a run in once; every client of the run then acts as that account. */
final class Session {

    private Session() {}

    /** The bearer token, or empty (having said why) when the account could not sign in. */
    static Optional<String> signIn(BurstOptions options, PrintStream out) {
        try {
            return Optional.of(ParklineClient.builder(options.url())
                    .timeout(options.timeout())
                    .build()
                    .signIn(options.user(), options.password())
                    .token());
        } catch (ParklineClientException e) {
            out.println("could not sign in as " + options.user() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
