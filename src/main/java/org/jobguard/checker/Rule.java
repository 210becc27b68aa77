package org.jobguard.checker;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One red-flag rule from {@code config/rules.yaml}. Phrases are matched after normalization
 * (so a Traditional or full-width phrase in config matches either script); patterns are regexes
 * run over the normalized text for structure such as salary amounts.
 *
 * @param shadow  evaluated and counted, never shown to users
 * @param concept a word class that says little alone and much next to another (money demanded, a release, a
 *                relative): never a flag by itself; the risk model weighs it and its pairs with the other concepts,
 *                the way SpamAssassin's meta rules combine sub-rules, and the verdict quotes it (under its category)
 *                only where those pairs made the risk
 * @param message the key in {@code messages/} of the rule's own explanation, where its category's does not fit it
 *                (gambling firms are no "vague job"); null for the category's
 */
public record Rule(String id, Category category, Severity severity, List<String> phrases,
                   List<Pattern> patterns, boolean enabled, boolean shadow, boolean concept, String message) {
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        phrases = List.copyOf(phrases);
        patterns = List.copyOf(patterns);
    }

    public Rule(String id, Category category, Severity severity, List<String> phrases, List<Pattern> patterns,
                boolean enabled, boolean shadow) {
        this(id, category, severity, phrases, patterns, enabled, shadow, false, null);
    }

    public String messageKey() {
        return message != null ? message : category.messageKey();
    }

    public Rule withEnabled(boolean on) {
        return new Rule(id, category, severity, phrases, patterns, on, shadow, concept, message);
    }

    public Rule withShadow(boolean on) {
        return new Rule(id, category, severity, phrases, patterns, enabled, on, concept, message);
    }
}
