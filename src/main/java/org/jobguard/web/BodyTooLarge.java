package org.jobguard.web;

/** A request body over its route's limit, refused with 413 before any of it is parsed. */
final class BodyTooLarge extends RuntimeException {
    private final int limitBytes;

    BodyTooLarge(int limitBytes) {
        super("body over " + limitBytes + " bytes", null, false, false);
        this.limitBytes = limitBytes;
    }

    int limitBytes() {
        return limitBytes;
    }
}
