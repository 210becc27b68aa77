package org.jobguard.patterns;

import java.util.Locale;

/**
 * A recruiter contact of a checked message that moderators already saw in scams: the check that phone-number apps
 * offer, made by comparing keyed hashes, so the store never holds the contact itself.
 *
 * @param kind    what the contact is, a {@code Redaction.Type} name ({@code PHONE}, {@code HANDLE}, {@code URL}, ...)
 * @param reports patterns in groups moderators confirmed as scams that carry it
 */
public record ConfirmedContact(String kind, int reports) {
    /** The message key naming the kind for a reader ({@code known_contact.kind.phone}). */
    public String kindKey() {
        return "known_contact.kind." + kind.toLowerCase(Locale.ROOT);
    }
}
