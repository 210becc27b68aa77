package org.jobguard.web;

/** A request we cannot read (bad encoding, malformed form); answered with 400 and a message key, never a trace. */
final class BadInput extends RuntimeException {
    private final String messageKey;

    BadInput(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
