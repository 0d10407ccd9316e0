package org.parkline.edge.journal;

/** The journal could not be written or read: the controller must not move a barrier on this decision. */
public class JournalException extends RuntimeException {

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
