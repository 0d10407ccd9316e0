package org.parkline.server.payments;

public enum PaymentMethod {
    CARD,
    E_WALLET,
    CASH
}
