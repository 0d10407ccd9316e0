package org.parkline.server.lots;

import java.time.ZoneId;
import java.util.Currency;
import org.parkline.server.common.ApiProblem;
import org.springframework.http.HttpStatus;

/** A car park: its settings, not its layout. A disabled lot ({@code enabled} false) admits no vehicle. */
public record Lot(
        String id,
        String name,
        String address,
        ZoneId timezone,
        LotMode mode,
        Currency currency,
        AllocationPolicy allocationPolicy,
        PricingBasis pricingBasis,
        boolean enabled) {

    /** Refuses to admit a vehicle into a disabled lot: entries and holds; vehicles inside still leave. */
    public void requireAdmitting() {
        if (!enabled) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "lot-disabled",
                    "Lot disabled",
                    "Lot " + id + " is disabled and admits no vehicles; vehicles inside can still leave");
        }
    }

    /** Which rule-set version prices a stay: the one in effect when the vehicle entered, or when it leaves. */
    public enum PricingBasis {
        ENTRY,
        EXIT
    }
}
