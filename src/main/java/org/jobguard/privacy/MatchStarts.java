package org.jobguard.privacy;

import java.util.BitSet;

/**
 * Where a match of a {@link LinearPattern} may start, its context character included: a necessary
 * condition read char by char, so the regex is tried only there instead of at every position. A position
 * too many costs one failed try; a position missing would lose a match, so these over-approximate:
 * letters are compared case-folded as RE2's {@code (?i)} folds them ({@code ſ} is an {@code s}, the
 * Kelvin sign a {@code k}), whether or not the pattern ignores case.
 */
abstract class MatchStarts {
    /** The next position at or after {@code from} where a match may start, or -1. */
    abstract int next(int from);

    /** Makes the positions of one text. */
    interface Finder {
        MatchStarts in(String text);
    }

    /**
     * A match whose body opens with a character of {@code firstClass} followed by characters of
     * {@code runClass}, {@code runLength} in all, and, when {@code contextClass} is not null, is not
     * preceded by one of that class (the match then starts at that preceding character).
     */
    static Finder firstChars(String firstClass, String runClass, int runLength, String contextClass) {
        BitSet first = chars(firstClass);
        BitSet run = chars(runClass);
        BitSet context = contextClass == null ? null : chars(contextClass);
        return text -> new MatchStarts() {
            @Override
            int next(int from) {
                int b = context == null || from == 0 ? from : from + 1;
                for (; b <= text.length() - runLength; b++) {
                    if (in(first, text.charAt(b)) && (context == null || b == 0 || !context.get(text.charAt(b - 1)))
                            && runs(b + 1)) {
                        return context == null ? b : Math.max(0, b - 1);
                    }
                }
                return -1;
            }

            private boolean runs(int at) {
                for (int i = at; i < at + runLength - 1; i++) {
                    if (!in(run, text.charAt(i))) {
                        return false;
                    }
                }
                return true;
            }
        };
    }

    private static boolean in(BitSet set, char ch) {
        return set.get(ch) || set.get(fold(ch));
    }

    /**
     * A match whose body opens with one of the cues (lower case), right at the cue or at the character
     * before it, which a Latin cue's look-behind consumes.
     */
    static Finder cues(String... cues) {
        return text -> {
            String folded = fold(text);
            BitSet at = new BitSet(text.length() + 1);
            for (String cue : cues) {
                for (int p = folded.indexOf(cue); p >= 0; p = folded.indexOf(cue, p + 1)) {
                    at.set(Math.max(0, p - 1), p + 1);
                }
            }
            return new MatchStarts() {
                @Override
                int next(int from) {
                    return at.nextSetBit(from);
                }
            };
        };
    }

    static char fold(char ch) {
        return Character.toLowerCase(Character.toUpperCase(ch));
    }

    private static String fold(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = fold(c[i]);
        }
        return new String(c);
    }

    /** The characters of a simple class such as {@code [A-Za-z0-9_.\-]}: literals, ranges and escaped literals. */
    static BitSet chars(String charClass) {
        if (!charClass.startsWith("[") || !charClass.endsWith("]") || charClass.startsWith("[^")) {
            throw new IllegalArgumentException("not a positive character class: " + charClass);
        }
        String body = charClass.substring(1, charClass.length() - 1);
        BitSet set = new BitSet();
        for (int i = 0; i < body.length(); i++) {
            char low = body.charAt(i);
            if (low == '\\') {
                low = body.charAt(++i);
            } else if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                char high = body.charAt(i + 2);
                set.set(low, high + 1);
                i += 2;
                continue;
            }
            set.set(low);
        }
        return set;
    }
}
