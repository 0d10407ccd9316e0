package org.parkline.server.enforcement;

/**
 * ISSUED → PAID (paid in full) | APPEALED (an appeal is open) | VOID (withdrawn by enforcement) |
 * SENT_TO_COLLECTIONS (unpaid too long); APPEALED → UPHELD | REDUCED | CANCELLED (the adjudicator's decision);
 * UPHELD or REDUCED → PAID once what is owed is paid.
 */
public enum CitationStatus {
    ISSUED,
    PAID,
    APPEALED,
    UPHELD,
    REDUCED,
    CANCELLED,
    VOID,
    SENT_TO_COLLECTIONS;

    /** Statuses in which the citation may still owe money. */
    public boolean payable() {
        return this == ISSUED || this == UPHELD || this == REDUCED || this == SENT_TO_COLLECTIONS || this == APPEALED;
    }
}
