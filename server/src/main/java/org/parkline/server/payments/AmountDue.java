package org.parkline.server.payments;

import java.math.BigDecimal;
import java.util.Currency;

/** What a payable owes now, in its lot's currency. */
public record AmountDue(String lotId, BigDecimal amount, Currency currency) {}
