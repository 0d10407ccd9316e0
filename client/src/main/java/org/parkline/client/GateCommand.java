package org.parkline.client;

import java.time.Instant;

/**
 * A command from central to a gate, pulled by the lot's edge controller.
 *
 * @param gateId the gate
 * @param seq its sequence number for the gate (1, 2, ...)
 * @param command {@code FORCE_OPEN}, {@code FORCE_CLOSE} or {@code NORMAL}
 * @param reason why, as the person who issued it wrote it
 * @param issuedBy who issued it
 * @param issuedAt when
 * @param ackedAt when the controller acknowledged it, or {@code null}
 */
public record GateCommand(
        String gateId, long seq, String command, String reason, String issuedBy, Instant issuedAt, Instant ackedAt) {}
