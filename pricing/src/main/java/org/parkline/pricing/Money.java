package org.parkline.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Amounts in one currency, held at its minor unit (JPY 0 digits, EUR 2, BHD 3); rounding is always HALF_UP. */
record Money(Currency currency) {

    int digits() {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    BigDecimal zero() {
        return BigDecimal.ZERO.setScale(digits());
    }

    /** Rounds to the currency's minor unit, HALF_UP: the only rounding the engine does. */
    BigDecimal round(BigDecimal amount) {
        return amount.setScale(digits(), RoundingMode.HALF_UP);
    }

    /** Whether an amount from a document is exact in this currency (no more decimals than the minor unit). */
    boolean isExact(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= digits();
    }
}
