package org.parkline.client;

/** How a parker pays. */
public enum PaymentMethod {
    CARD,
    E_WALLET,
    CASH
}
