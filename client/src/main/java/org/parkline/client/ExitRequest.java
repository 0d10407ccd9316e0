package org.parkline.client;

/**
 * A vehicle asking to leave ({@code POST /v1/tickets/{id}/exit}).
 *
 * @param gateId the exit gate
 * @param paidPaymentId the payment made for this stay, or {@code null}
 * @param vehiclePlate the plate the exit camera read, or {@code null}
 */
public record ExitRequest(String gateId, String paidPaymentId, String vehiclePlate) {

    /** An exit at a gate, with no payment reference and no plate read. */
    public static ExitRequest at(String gateId) {
        return new ExitRequest(gateId, null, null);
    }
}
