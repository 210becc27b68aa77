package org.jobguard.patterns;

/** The pattern store cannot do what was asked; the message names the database file and the reason. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
