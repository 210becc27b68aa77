package org.jobguard.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The literal prefixes a regex's match must start with, read from its source when that is simple: a literal,
 * a character class of literals, or a group of such alternatives, after any leading {@code \b} or lookaround.
 * The matcher feeds these prefixes into the phrase automaton, so a pattern is tried only where one occurs
 * instead of at every position of every message. A regex too complex to read is tried everywhere.
 *
 * <p>The same reading finds literals a match must contain further on ({@link #requirements}): a candidate start
 * with none of them after it cannot match, so the regex is not run there.
 */
final class RegexTrigger {
    private static final String SPECIAL = "\\[](){}.*+?^$|";
    private static final List<String> LOOKAROUNDS = List.of("(?=", "(?!", "(?<=", "(?<!");
    /** escapes whose length the walk does not know: quoting, properties, code points, back references by name */
    private static final List<String> UNWALKED = List.of("\\Q", "\\p", "\\P", "\\x", "\\u", "\\N", "\\k",
            "\\c", "\\0");

    private RegexTrigger() {
    }

    static Optional<List<String>> prefixes(String regex) {
        List<String> out = new ArrayList<>();
        return alternatives(regex, 0, out) ? Optional.of(List.copyOf(out)) : Optional.empty();
    }

    /**
     * For each part after the first that every match has (not optional, not a lookaround), the literals that part
     * must start with, when {@link #prefixes} can read them; empty when the regex is too complex to walk.
     */
    static List<List<String>> requirements(String regex) {
        if (UNWALKED.stream().anyMatch(regex::contains)) {
            return List.of();
        }
        List<List<String>> out = new ArrayList<>();
        boolean first = true;
        int i = 0;
        while (i < regex.length()) {
            int end = atomEnd(regex, i);
            if (end < 0) {
                return List.of();
            }
            if (end == i) {
                i = zeroWidthEnd(regex, i);
                if (i < 0) {
                    return List.of();
                }
                continue;
            }
            int next = quantifierEnd(regex, end);
            if (next < 0) {
                return List.of();
            }
            if (!first && !optional(regex, end)) {
                prefixes(regex.substring(i, end)).ifPresent(out::add);
            }
            first = false;
            i = next;
        }
        return List.copyOf(out);
    }

    /**
     * Where the part of the top-level sequence starting at {@code i} ends (before its quantifier); {@code i} itself
     * for a part that matches no characters; -1 where the walk gives up (alternation, flags, named groups).
     */
    private static int atomEnd(String re, int i) {
        char c = re.charAt(i);
        if (c == '|') {
            return -1;
        }
        if (c == '^' || c == '$' || re.startsWith("\\b", i) || re.startsWith("\\B", i)
                || LOOKAROUNDS.stream().anyMatch(l -> re.startsWith(l, i))) {
            return i;
        }
        if (c == '(') {
            if (re.startsWith("(?", i) && !re.startsWith("(?:", i)) {
                return -1;
            }
            int close = matchingParen(re, i);
            return close < 0 ? -1 : close + 1;
        }
        if (c == '[') {
            int end = classEnd(re, i);
            return end < 0 || re.substring(i + 1, end).contains("[") ? -1 : end + 1;
        }
        if (c == '\\') {
            return i + 2 <= re.length() ? i + 2 : -1;
        }
        int k = i;
        while (k < re.length() && SPECIAL.indexOf(re.charAt(k)) < 0 && isLiteralSpaceOrNot(re.charAt(k))) {
            k++;
        }
        if (k == i) {
            return i + 1;
        }
        // a quantifier binds to the last character of a literal run only
        boolean quantified = k < re.length() && "?*+{".indexOf(re.charAt(k)) >= 0;
        return quantified && k - i > 1 ? k - 1 : k;
    }

    private static int zeroWidthEnd(String re, int i) {
        if (re.charAt(i) == '(') {
            int close = matchingParen(re, i);
            return close < 0 ? -1 : close + 1;
        }
        return re.charAt(i) == '\\' ? i + 2 : i + 1;
    }

    /** The end of the quantifier at {@code q} (q itself if there is none), lazy or possessive mark included. */
    private static int quantifierEnd(String re, int q) {
        if (q >= re.length()) {
            return q;
        }
        int end = q;
        char c = re.charAt(q);
        if (c == '?' || c == '*' || c == '+') {
            end = q + 1;
        } else if (c == '{') {
            int close = re.indexOf('}', q);
            if (close < 0) {
                return -1;
            }
            end = close + 1;
        } else {
            return q;
        }
        return end < re.length() && (re.charAt(end) == '?' || re.charAt(end) == '+') ? end + 1 : end;
    }

    /** Reads every alternative from {@code at} to the end of its group or of the regex. */
    private static boolean alternatives(String re, int at, List<String> out) {
        int i = at;
        while (true) {
            if (!branch(re, i, out)) {
                return false;
            }
            int bar = alternativeEnd(re, i);
            if (bar < 0) {
                return false;
            }
            if (bar >= re.length() || re.charAt(bar) == ')') {
                return true;
            }
            i = bar + 1;
        }
    }

    /** Adds the prefixes of the branch starting at {@code i}. */
    private static boolean branch(String re, int i, List<String> out) {
        i = skipZeroWidth(re, i);
        if (i < 0 || i >= re.length()) {
            return false;
        }
        char c = re.charAt(i);
        if (c == '(') {
            int body = i + 1;
            if (re.startsWith("?:", body)) {
                body += 2;
            } else if (body < re.length() && re.charAt(body) == '?') {
                return false;
            }
            int close = matchingParen(re, i);
            if (close < 0 || optional(re, close + 1)) {
                return false;
            }
            return alternatives(re, body, out);
        }
        if (c == '[') {
            int end = classEnd(re, i);
            if (end < 0 || optional(re, end + 1)) {
                return false;
            }
            for (int k = i + 1; k < end; k++) {
                char m = re.charAt(k);
                if (m == '\\' || m == '^' || (m == '-' && k > i + 1 && k < end - 1)) {
                    return false;
                }
                out.add(String.valueOf(m));
            }
            return true;
        }
        StringBuilder literal = new StringBuilder();
        int k = i;
        while (k < re.length()) {
            char m = re.charAt(k);
            if (m == '\\' && k + 1 < re.length() && SPECIAL.indexOf(re.charAt(k + 1)) >= 0) {
                literal.append(re.charAt(k + 1));
                k += 2;
            } else if (SPECIAL.indexOf(m) < 0 && isLiteralSpaceOrNot(m)) {
                literal.append(m);
                k++;
            } else {
                break;
            }
        }
        if (optional(re, k) && literal.length() > 0) {
            literal.setLength(literal.length() - 1);
        }
        if (literal.length() == 0) {
            return false;
        }
        out.add(literal.toString());
        return true;
    }

    /** Skips a leading word boundary and lookarounds: they match no characters. */
    private static int skipZeroWidth(String re, int i) {
        while (i < re.length()) {
            if (re.startsWith("\\b", i)) {
                i += 2;
            } else if (re.startsWith("(?<!", i) || re.startsWith("(?<=", i) || re.startsWith("(?!", i)
                    || re.startsWith("(?=", i)) {
                int close = matchingParen(re, i);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
            } else {
                return i;
            }
        }
        return i;
    }

    /** A plain space in a regex without flags matches a space, which normalized text has between words. */
    private static boolean isLiteralSpaceOrNot(char c) {
        return c == ' ' || !Character.isWhitespace(c);
    }

    private static boolean optional(String re, int q) {
        return q < re.length() && (re.charAt(q) == '?' || re.charAt(q) == '*' || re.startsWith("{0", q));
    }

    private static int classEnd(String re, int open) {
        for (int k = open + 1; k < re.length(); k++) {
            if (re.charAt(k) == '\\') {
                k++;
            } else if (re.charAt(k) == ']' && k > open + 1) {
                return k;
            }
        }
        return -1;
    }

    private static int matchingParen(String re, int open) {
        int close = scan(re, open + 1, false);
        return close < re.length() ? close : -1;
    }

    /** The index of the '|' or ')' that ends the alternative starting at {@code i} (or the regex length). */
    private static int alternativeEnd(String re, int i) {
        return scan(re, i, true);
    }

    /**
     * Walks from {@code i} to the ')' closing the current group (or to a '|' of this group when
     * {@code stopAtBar}), skipping escapes, character classes and nested groups; -1 for a broken class.
     */
    private static int scan(String re, int i, boolean stopAtBar) {
        int depth = 0;
        for (int k = i; k < re.length(); k++) {
            char c = re.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '[') {
                k = classEnd(re, k);
                if (k < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return k;
                }
                depth--;
            } else if (c == '|' && depth == 0 && stopAtBar) {
                return k;
            }
        }
        return re.length();
    }
}
