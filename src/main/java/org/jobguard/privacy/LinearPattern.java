package org.jobguard.privacy;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A regular expression matched by RE2/J, in time linear in the text whatever the text: a backtracking
 * engine takes seconds on runs of {@code "a."} or {@code "1 "} and overflows its stack on a 20,000-character
 * one, and the text here comes from strangers.
 *
 * <p>RE2 has no look-around. A one-character look-behind is written as a context before the match
 * ({@code (?:^|[^A-Za-z0-9_])}) and a look-ahead as a context after it; both are consumed by the search but
 * not reported, and the next search starts where the reported match ends, so a context character can
 * also serve as the context of the next match. RE2 keeps Perl's leftmost-first preference, so the match
 * found is the one a backtracking engine with the look-around would find.
 */
final class LinearPattern {
    /** No look-behind: the match may start anywhere. */
    static final String ANYWHERE = "";

    private final Pattern re;

    private LinearPattern(String regex) {
        this.re = Pattern.compile(regex);
    }

    /** A pattern without context; its groups are numbered as written. */
    static LinearPattern of(String body) {
        return new LinearPattern("(" + body + ")");
    }

    /**
     * @param notAfter characters that must not precede the match (a character class such as
     *                 {@code [A-Za-z0-9_]}), or {@link #ANYWHERE}
     * @param body     the match; its own groups are numbered as written, from 1
     * @param followedBy what must follow the match (a regular expression, {@code $} allowed), or empty
     */
    static LinearPattern between(String notAfter, String body, String followedBy) {
        String before = notAfter.isEmpty() ? "" : "(?:^|" + negate(notAfter) + ")";
        String after = followedBy.isEmpty() ? "" : "(?:" + followedBy + ")";
        return new LinearPattern(before + "(" + body + ")" + after);
    }

    /** The characters not in a class, as a class: {@code [abc]} gives {@code [^abc]}. */
    static String negate(String charClass) {
        if (!charClass.startsWith("[") || !charClass.endsWith("]") || charClass.startsWith("[^")) {
            throw new IllegalArgumentException("not a positive character class: " + charClass);
        }
        return "[^" + charClass.substring(1);
    }

    /** Not followed by a character of the class: the class negated, or the end of the text. */
    static String notBefore(String charClass) {
        return negate(charClass) + "|$";
    }

    void each(CharSequence text, Consumer<Found> action) {
        each(text, f -> true, action);
    }

    /**
     * Every match, in order, that {@code accept} takes. A match it refuses counts as a failed attempt at
     * that start, as a refused look-ahead would: the search goes on from the next character.
     */
    void each(CharSequence text, Predicate<Found> accept, Consumer<Found> action) {
        Matcher m = re.matcher(text);
        Found found = new Found(m);
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            if (accept.test(found)) {
                action.accept(found);
                from = m.end(1) > m.start(1) ? m.end(1) : m.start(1) + 1;
            } else {
                from = m.start(1) + 1;
            }
        }
    }

    /** The match of the whole text, or null when the text as a whole does not match. */
    Found whole(CharSequence text) {
        Matcher m = re.matcher(text);
        return m.matches() ? new Found(m) : null;
    }

    /** A match seen through its body: group 0 is the body, without the contexts around it. */
    static final class Found {
        private final Matcher m;

        private Found(Matcher m) {
            this.m = m;
        }

        int start() {
            return m.start(1);
        }

        int end() {
            return m.end(1);
        }

        String group() {
            return m.group(1);
        }

        int start(int group) {
            return m.start(group + 1);
        }

        int end(int group) {
            return m.end(group + 1);
        }

        String group(int group) {
            return m.group(group + 1);
        }

        int groupCount() {
            return m.groupCount() - 1;
        }
    }
}
