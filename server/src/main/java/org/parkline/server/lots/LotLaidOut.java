package org.parkline.server.lots;

/**
 * A lot was created from a layout. Published inside the creating transaction; inventory creates the spots and
 * counters, pricing publishes the first rule set, all in that same transaction.
 */
public record LotLaidOut(Lot lot, LotLayout layout) {}
