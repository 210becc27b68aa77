package org.jobguard.patterns;

/**
 * The database file cannot be used as it is (not SQLite, corrupt, read-only): someone has to fix, restore or
 * move it before the service can keep reports. Start-up stops with exit code 2, as for a broken config file.
 */
public final class UnusableDatabase extends StoreException {
    public UnusableDatabase(String message) {
        super(message);
    }

    public UnusableDatabase(String message, Throwable cause) {
        super(message, cause);
    }
}
