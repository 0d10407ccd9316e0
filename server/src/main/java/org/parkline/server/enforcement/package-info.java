/**
 * Enforcement: plate checks (one answer from permits, gate tickets and exemptions), plate-reader reads with
 * retention, digital chalking, hotlists, patrols, and citations (fine schedule, evidence, look-up and payment,
 * escalation). {@link org.parkline.server.enforcement.Citations} is the public API appeals decide through.
 */
@org.jspecify.annotations.NullMarked
package org.parkline.server.enforcement;
