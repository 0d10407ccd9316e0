/**
 * Payments: the state machine, its history, and the PSP port. Knows nothing of what is paid for: a capability
 * that sells something registers a {@link org.parkline.server.payments.PayableResolver}.
 */
@org.jspecify.annotations.NullMarked
package org.parkline.server.payments;
