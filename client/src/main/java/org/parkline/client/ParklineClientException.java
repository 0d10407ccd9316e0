package org.parkline.client;

/**
 * Base of everything {@link ParklineClient} throws: the server said no ({@link
 * ParklineApiException}), did not answer in time ({@link ParklineTimeoutException}), could not be
 * reached ({@link ParklineTransportException}), or answered something the client cannot read.
 */
public class ParklineClientException extends RuntimeException {

    /** An unexpected answer or a client-side failure. */
    public ParklineClientException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An unexpected answer or a client-side failure. */
    public ParklineClientException(String message) {
        super(message);
    }
}
