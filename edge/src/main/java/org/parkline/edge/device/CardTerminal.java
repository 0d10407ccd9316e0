package org.parkline.edge.device;

import java.math.BigDecimal;

/**
 * The exit lane's card reader. Whether its payment provider is reachable is watched on its own, apart from central:
 * offline exits take cards while it is, cash (or record the fee as uncollected) when it is not.
 */
public interface CardTerminal {

    boolean providerReachable();

    /** Charges the card presented; false when declined or the provider did not answer. */
    boolean charge(BigDecimal amount, String currency, String reference);
}
