/**
 * Permits: permit types (what is sold, where it is valid, its quota), plate-linked virtual permits and their
 * lifecycle (buy through payments, renew, suspend, revoke, transfer, refund, waitlist). Other capabilities ask
 * {@link org.parkline.server.permits.PermitCheck} whether a plate holds a permit valid at a place and time.
 */
@org.jspecify.annotations.NullMarked
package org.parkline.server.permits;
