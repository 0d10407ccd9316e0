package org.parkline.server.pricing;

import java.util.Currency;

/** What a lot created without a tariff charges until an operator publishes one: 10 free minutes, hourly, daily cap. */
final class DefaultTariff {

    private DefaultTariff() {}

    static String forCurrency(Currency currency) {
        boolean wholeUnits = currency.getDefaultFractionDigits() == 0;
        String hourly = wholeUnits ? "300" : "2.50";
        String cap = wholeUnits ? "2000" : "20.00";
        return """
                {"currency":"%s","rules":[
                  {"id":"free_10","kind":"FREE_MINUTES","minutes":10},
                  {"id":"grace_10","kind":"GRACE_PERIOD","minutes":10},
                  {"id":"hourly","kind":"HOURLY","rate":"%s"},
                  {"id":"daily_cap","kind":"DAILY_CAP","amount":"%s"}]}
                """
                .formatted(currency.getCurrencyCode(), hourly, cap);
    }
}
