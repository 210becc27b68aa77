package org.jobguard.web;

import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * At most so many password checks at once. An Argon2 check holds 19 MiB for its whole run: eight wrong
 * logins at once ran a 128 MB heap out of memory and killed the pattern store's writer. A check that
 * finds every slot taken does not wait (a waiting flood would hold threads instead of memory): the
 * caller answers 429 and the client tries again in a moment.
 */
final class PasswordChecks {
    private final Semaphore slots;

    PasswordChecks(int slots) {
        this.slots = new Semaphore(slots);
    }

    /** The check's answer, or empty when every slot is taken. */
    java.util.Optional<Boolean> tryCheck(BooleanSupplier check) {
        if (!slots.tryAcquire()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(check.getAsBoolean());
        } finally {
            slots.release();
        }
    }

    /** Takes a slot and keeps it, as a running check would: lets a test fill every slot deterministically. */
    boolean occupy() {
        return slots.tryAcquire();
    }

    void vacate() {
        slots.release();
    }
}
