/** The append-only, hash-chained audit log: who changed what, when, from what to what, in which request. */
@org.jspecify.annotations.NullMarked
package org.parkline.server.audit;
