package org.jobguard.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The characters a regex's match must start with, read from its source when that is simple (a literal,
 * a character class of literals, or a group of such alternatives). Running a pattern only where one of
 * these occurs skips most of the text; a regex too complex to read is always run.
 */
final class RegexTrigger {
    private static final String SPECIAL = "\\[](){}.*+?^$|";

    private RegexTrigger() {
    }

    static Optional<char[]> firstChars(String regex) {
        List<Character> out = new ArrayList<>();
        return collect(regex, 0, out) ? Optional.of(toArray(out)) : Optional.empty();
    }

    /** Reads the alternatives that start at {@code at} until the end of the group or regex. */
    private static boolean collect(String re, int at, List<Character> out) {
        int i = at;
        while (true) {
            int next = first(re, i, out);
            if (next < 0) {
                return false;
            }
            int bar = alternativeEnd(re, next);
            if (bar < 0) {
                return false;
            }
            if (bar >= re.length() || re.charAt(bar) == ')') {
                return true;
            }
            i = bar + 1;
        }
    }

    /** Adds the first characters of the branch at {@code i}; returns where the branch goes on, or -1. */
    private static int first(String re, int i, List<Character> out) {
        if (i >= re.length()) {
            return -1;
        }
        char c = re.charAt(i);
        int after;
        if (c == '(') {
            int body = i + 1;
            if (re.startsWith("?:", body)) {
                body += 2;
            } else if (body < re.length() && re.charAt(body) == '?') {
                return -1;
            }
            if (!collect(re, body, out)) {
                return -1;
            }
            after = matchingParen(re, i);
        } else if (c == '[') {
            int end = re.indexOf(']', i + 1);
            if (end < 0 || end == i + 1 || re.charAt(i + 1) == '^') {
                return -1;
            }
            for (int k = i + 1; k < end; k++) {
                char m = re.charAt(k);
                if (m == '\\' || (m == '-' && k > i + 1 && k < end - 1)) {
                    return -1;
                }
                out.add(m);
            }
            after = end;
        } else if (c == '\\' && i + 1 < re.length() && SPECIAL.indexOf(re.charAt(i + 1)) >= 0) {
            out.add(re.charAt(i + 1));
            after = i + 1;
        } else if (SPECIAL.indexOf(c) < 0) {
            out.add(c);
            after = i;
        } else {
            return -1;
        }
        // an optional first element ("?", "*", "{0,") would let the match start elsewhere
        int q = after + 1;
        if (q < re.length() && (re.charAt(q) == '?' || re.charAt(q) == '*' || re.startsWith("{0", q))) {
            return -1;
        }
        return q;
    }

    private static int matchingParen(String re, int open) {
        int depth = 0;
        for (int k = open; k < re.length(); k++) {
            char c = re.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '[') {
                k = re.indexOf(']', k + 1);
                if (k < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** The index of the '|' or ')' that ends the alternative starting at {@code i} (or the regex length). */
    private static int alternativeEnd(String re, int i) {
        int depth = 0;
        for (int k = i; k < re.length(); k++) {
            char c = re.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '[') {
                k = re.indexOf(']', k + 1);
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
            } else if (c == '|' && depth == 0) {
                return k;
            }
        }
        return re.length();
    }

    private static char[] toArray(List<Character> chars) {
        char[] a = new char[chars.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = chars.get(i);
        }
        return a;
    }
}
