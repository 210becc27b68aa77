package org.jobguard.patterns;

import java.util.Locale;

/** A moderator's standing decision on a group of near-duplicate patterns. */
public enum GroupStatus {
    /** not reviewed yet: in the queue */
    PENDING,
    /** a scam template: near-duplicates are high risk in the checker */
    CONFIRMED,
    /** not a scam (or not useful): new near-duplicates still join it but it leaves the queue */
    REJECTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
