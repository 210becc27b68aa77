package org.jobguard.patterns;

import java.util.Locale;

/** What a "this is wrong" report says about the verdict. */
public enum FeedbackKind {
    /** flagged, but the user says it is a genuine offer or ordinary chat */
    FALSE_POSITIVE,
    /** not flagged (or too low), but the user says it is a scam */
    FALSE_NEGATIVE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeedbackKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
