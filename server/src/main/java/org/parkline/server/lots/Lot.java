package org.parkline.server.lots;

import java.time.ZoneId;
import java.util.Currency;

/** A car park: its settings, not its layout. */
public record Lot(
        String id,
        String name,
        String address,
        ZoneId timezone,
        LotMode mode,
        Currency currency,
        AllocationPolicy allocationPolicy,
        PricingBasis pricingBasis) {

    /** Which rule-set version prices a stay: the one in effect when the vehicle entered, or when it leaves. */
    public enum PricingBasis {
        ENTRY,
        EXIT
    }
}
