/** Spot status, zone counters, the allocator and its policies, soft holds of spots for reservations. */
@org.jspecify.annotations.NullMarked
package org.parkline.server.inventory;
