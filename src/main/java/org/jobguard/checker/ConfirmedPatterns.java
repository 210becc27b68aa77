package org.jobguard.checker;

import java.util.Optional;

/**
 * Moderator-confirmed scam templates the checker compares each message with (DESIGN.md section 2.4).
 * The checker only reads this; the pattern store supplies and reloads it.
 */
@FunctionalInterface
public interface ConfirmedPatterns {
    /** @param normalizedText the message after {@link Normalizer} (simplified, lower-case, evasions collapsed) */
    Optional<PatternMatch> nearest(String normalizedText);

    static ConfirmedPatterns none() {
        return text -> Optional.empty();
    }
}
