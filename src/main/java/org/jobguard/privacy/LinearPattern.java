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

    private final String regex;
    private final String contextClass;
    private final Pattern re;
    private final Starts starts;
    /**
     * Whether the body is the whole match, without contexts. Then its bounds are the match's: RE2/J finds
     * a match's bounds alone and runs the match again for its groups, over a match that can be the whole text.
     */
    private final boolean bodyIsMatch;

    private LinearPattern(String regex, String contextClass, boolean bodyIsMatch, MatchStarts.Finder finder) {
        this.regex = regex;
        this.bodyIsMatch = bodyIsMatch;
        this.contextClass = contextClass;
        this.re = Pattern.compile(regex);
        this.starts = finder == null ? null : new Starts(regex, finder);
    }

    /** A pattern without context; its groups are numbered as written. */
    static LinearPattern of(String body) {
        return new LinearPattern("(" + body + ")", null, true, null);
    }

    /** This pattern, tried only where its body opens with a character of {@code firstClass}. */
    LinearPattern startingWith(String firstClass) {
        return startingWith(firstClass, firstClass, 1);
    }

    /** This pattern, tried only where its body opens with a character of {@code firstClass} and {@code length - 1} of {@code runClass}. */
    LinearPattern startingWith(String firstClass, String runClass, int length) {
        return new LinearPattern(regex, contextClass, bodyIsMatch, MatchStarts.firstChars(firstClass, runClass, length, contextClass));
    }

    /** This pattern, tried only at one of the cues (lower case) its body opens with. */
    LinearPattern startingWithAny(String... cues) {
        return new LinearPattern(regex, contextClass, bodyIsMatch, MatchStarts.cues(cues));
    }

    /**
     * This pattern searched at every position: what a start hint may never change, so a test can hold the
     * hinted search to it. This pattern itself when it has no hint.
     */
    LinearPattern withoutStartHint() {
        return starts == null ? this : new LinearPattern(regex, contextClass, bodyIsMatch, null);
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
        return new LinearPattern(before + "(" + body + ")" + after, notAfter.isEmpty() ? null : notAfter,
                before.isEmpty() && after.isEmpty(), null);
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
        int from = starts == null ? 0 : starts.each(text.toString(), bodyIsMatch, accept, action);
        if (from < 0) {
            return;
        }
        Matcher m = re.matcher(text);
        Found found = new Found(m, 0, bodyIsMatch);
        while (from <= text.length() && m.find(from)) {
            if (accept.test(found)) {
                action.accept(found);
                from = found.end() > found.start() ? found.end() : found.start() + 1;
            } else {
                from = found.start() + 1;
            }
        }
    }

    /** The match of the whole text, or null when the text as a whole does not match. */
    Found whole(CharSequence text) {
        Matcher m = re.matcher(text);
        return m.matches() ? new Found(m, 0, bodyIsMatch) : null;
    }

    /**
     * The search of a pattern tried only where a match may start. An unanchored search adds the pattern's
     * start to its state set at every character, which for a pattern opening with a dozen cues is most of
     * its cost; anchored tries at the few places a cue is cost a few characters each. RE2/J has no
     * anchored search at an offset, so a try runs on a view of the text from there: {@code ^} at the
     * view's start stands for that offset, and the {@code ^} alternatives of the pattern's look-behinds
     * are dropped, as the text's start lies before the view. A try reads until its states die out, so a
     * text of cues followed by runs a match could take would make tries read the same runs again: past a
     * budget of reads and of failed tries the search goes on unanchored, in one pass, as before.
     */
    private static final class Starts {
        private final MatchStarts.Finder finder;
        private final Pattern atTextStart;
        private final Pattern inside;

        Starts(String regex, MatchStarts.Finder finder) {
            String withoutTextStart = regex.replace("(?:^|", "(?:");
            if (withoutTextStart.replace("[^", "").contains("^") || regex.contains("\\b") || regex.contains("\\B")
                    || regex.contains("\\A")) {
                throw new IllegalArgumentException("an anchor other than a look-behind's ^: " + regex);
            }
            this.finder = finder;
            this.atTextStart = Pattern.compile("^(?:" + regex + ")");
            this.inside = Pattern.compile("^(?:" + withoutTextStart + ")");
        }

        /** Every match found by tries, in order; the position to search on from when out of budget, else -1. */
        int each(String text, boolean bodyIsMatch, Predicate<Found> accept, Consumer<Found> action) {
            MatchStarts candidates = finder.in(text);
            TextView view = new TextView(text);
            Matcher atStart = atTextStart.matcher(view);
            Matcher later = inside.matcher(view);
            long readsLeft = 2L * text.length() + 64;
            int failuresLeft = text.length() / 32 + 16;
            int from = 0;
            while (from <= text.length()) {
                int at = candidates.next(from);
                if (at < 0) {
                    return -1;
                }
                view.moveTo(at);
                Matcher m = (at == 0 ? atStart : later).reset(view);
                boolean matched = m.lookingAt();
                readsLeft -= view.read();
                Found found = new Found(m, at, bodyIsMatch);
                if (matched && accept.test(found)) {
                    action.accept(found);
                    from = found.end() > found.start() ? found.end() : found.start() + 1;
                } else if (matched) {
                    failuresLeft--;
                    from = found.start() + 1;
                } else {
                    failuresLeft--;
                    from = at + 1;
                }
                if (readsLeft < 0 || failuresLeft < 0) {
                    return from;
                }
            }
            return -1;
        }
    }

    /** The regular expression, contexts included. */
    @Override
    public String toString() {
        return regex;
    }

    /** A match seen through its body: group 0 is the body, without the contexts around it. */
    static final class Found {
        private final Matcher m;
        /** Where the text the matcher saw starts in the whole text. */
        private final int offset;
        private final boolean bodyIsMatch;

        private Found(Matcher m, int offset, boolean bodyIsMatch) {
            this.m = m;
            this.offset = offset;
            this.bodyIsMatch = bodyIsMatch;
        }

        int start() {
            return bodyIsMatch ? m.start() + offset : start(0);
        }

        int end() {
            return bodyIsMatch ? m.end() + offset : end(0);
        }

        String group() {
            return m.group(bodyIsMatch ? 0 : 1);
        }

        int start(int group) {
            int at = m.start(group + 1);
            return at < 0 ? at : at + offset;
        }

        int end(int group) {
            int at = m.end(group + 1);
            return at < 0 ? at : at + offset;
        }

        String group(int group) {
            return m.group(group + 1);
        }

        int groupCount() {
            return m.groupCount() - 1;
        }
    }
}
