package org.parkline.server.tickets;

/**
 * What an imported edge journal event became. Everything but {@link #ENTERED} and {@link #EXITED} is a conflict with
 * a defined outcome, listed by the reconciliation for an operator (docs/edge.md, "Conflicts").
 */
enum EdgeOutcome {
    /** Offline entry on a quota place: a ticket on that place. */
    ENTERED,
    /** Offline entry beyond the quota (or on a place no longer held): a ticket placed by the allocator now. */
    ENTERED_OVER_QUOTA,
    /** Offline entry beyond the quota with the lot full: a ticket that counts no place. */
    ENTERED_OVER_CAPACITY,
    /** The plate has an active ticket in another lot too: both stay active, an attendant decides. */
    ENTERED_PLATE_ACTIVE_ELSEWHERE,
    /** The plate already had an active ticket in this lot (a missed exit): both stay active. */
    ENTERED_PLATE_ALREADY_INSIDE,
    /** Central had made this entry's ticket online (a timed-out call that did arrive): no second ticket. */
    ALREADY_ENTERED,
    /** Offline exit closed the ticket with what was collected and what was not. */
    EXITED,
    /** Exit of a ticket central never saw: nothing closed, the money recorded on the event. */
    UNKNOWN_TICKET,
    /** Exit of a ticket already closed (double exit): nothing changed, money collected twice is listed. */
    ALREADY_EXITED
}
