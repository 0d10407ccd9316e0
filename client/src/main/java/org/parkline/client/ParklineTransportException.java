package org.parkline.client;

/**
 * The server could not be reached or the connection broke (refused, reset, DNS, TLS). As with a
 * timeout, a state-changing call may be retried with the same idempotency key.
 */
public class ParklineTransportException extends ParklineClientException {

    /** A request that failed on the wire. */
    public ParklineTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
