package org.jobguard.checker;

/** How likely a message is recruitment into a scam compound (or a ransom demand). */
public enum Risk {
    NONE, LOW, MEDIUM, HIGH;

    /** The id used in JSON, config and stats: {@code none}, {@code low}, {@code medium}, {@code high}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String messageKey() {
        return "risk." + id();
    }

    public boolean atLeast(Risk other) {
        return compareTo(other) >= 0;
    }

    public static Risk fromId(String id) {
        return valueOf(id.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
