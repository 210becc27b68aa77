package org.jobguard.contacts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How sure we are that a contact is right, judged from its source when it was last verified. */
public enum Confidence {
    /** confirmed on an official page of the body that runs the line */
    HIGH,
    /** from a reputable secondary source (news, NGO, another government's page) */
    MEDIUM,
    /** found but not confirmed; shown with a warning to check it first */
    LOW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Confidence> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
