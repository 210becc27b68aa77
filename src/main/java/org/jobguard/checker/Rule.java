package org.jobguard.checker;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One red-flag rule from {@code config/rules.yaml}. Phrases are matched after normalization
 * (so a Traditional or full-width phrase in config matches either script); patterns are regexes
 * run over the normalized text for structure such as salary amounts.
 *
 * @param shadow evaluated and counted, never shown to users
 */
public record Rule(String id, Category category, Severity severity, List<String> phrases,
                   List<Pattern> patterns, boolean enabled, boolean shadow) {
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        phrases = List.copyOf(phrases);
        patterns = List.copyOf(patterns);
    }

    public String messageKey() {
        return category.messageKey();
    }

    public Rule withEnabled(boolean on) {
        return new Rule(id, category, severity, phrases, patterns, on, shadow);
    }

    public Rule withShadow(boolean on) {
        return new Rule(id, category, severity, phrases, patterns, enabled, on);
    }
}
