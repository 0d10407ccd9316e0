package org.parkline.client;

/**
 * The server did not answer within the client's timeout. The request may or may not have taken
 * effect: retry a state-changing call with the <em>same</em> idempotency key, which either replays
 * the first outcome or performs the change once.
 */
public class ParklineTimeoutException extends ParklineClientException {

    /** A request that ran out of time. */
    public ParklineTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
