package org.jobguard.checker;

/**
 * Turns a message into the form rules are matched against, remembering where each character came from.
 * NFKC, look-alike letters of other scripts to the Latin letter they imitate ({@code Hіring} with a Cyrillic
 * {@code і}), lower case, Traditional → Simplified, zero-width and decorative characters dropped, and the gaps
 * scammers put inside words collapsed: {@code 妙 瓦 底}, {@code 缅-甸}, {@code K K 园区}, {@code m.i.a.o}.
 * A gap between two Latin words stays a single space so {@code "high pay"} still reads as two words; single
 * letters are joined only across short gaps, so {@code "M y a   K K"} stays two words.
 */
public final class Normalizer {
    private final CharTable table;

    public Normalizer() {
        this(CharTable.shared());
    }

    Normalizer(CharTable table) {
        this.table = table;
    }

    public NormalizedText normalize(String original) {
        int n = original.length();
        // pass 1: per code point output and role
        Characters pass = new Characters(n + 8);
        LanguageGuess language = new LanguageGuess();
        int cp = 0;
        for (int i = 0; i < n; cp++) {
            char c = original.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(original.charAt(i + 1))) {
                int code = Character.toCodePoint(c, original.charAt(i + 1));
                char low = original.charAt(i + 1);
                i += 2;
                language.addSupplementary(code);
                int type = Character.getType(code);
                // emoji are the common case here and need no normalizing; Han extensions stay as they are
                if (code == CharTable.SMALL_AIRPLANE) {
                    pass.add(CharTable.AIRPLANE_WORD, CharTable.CJK, cp);
                    continue;
                }
                if (type == Character.OTHER_SYMBOL) {
                    pass.add(' ', CharTable.SEP, cp);
                    continue;
                }
                if (type == Character.OTHER_LETTER && CharTable.isCjk(code)) {
                    pass.add(c, CharTable.CJK, cp);
                    pass.add(low, CharTable.CJK, cp);
                    continue;
                }
                String out = supplementary(code);
                byte role = supplementaryRole(code, out);
                if (role != CharTable.DROP) {
                    pass.add(out, role, cp);
                }
                continue;
            }
            i++;
            int packed = table.packed(c);
            language.add(packed);
            byte role = (byte) (packed >>> 16);
            if (role == CharTable.DROP) {
                continue;
            }
            char one = (char) packed;
            if (one != 0) {
                pass.add(one, role, cp);
            } else {
                pass.add(table.output(c), role, cp);
            }
        }
        char[] chars = pass.chars;
        byte[] roles = pass.roles;
        int[] src = pass.src;
        int len = pass.len;
        // pass 2: collapse gaps (runs of SEP/PUNCT) depending on what surrounds them
        // a gap becomes at most one space per separator, so the output is never longer than pass 1
        char[] text = new char[len];
        int[] map = new int[len];
        int outLen = 0;
        int i = 0;
        while (i < len) {
            byte r = roles[i];
            if (r == CharTable.WORD || r == CharTable.CJK) {
                text[outLen] = chars[i];
                map[outLen++] = src[i];
                i++;
                continue;
            }
            int gapEnd = i;
            boolean hasPunct = false;
            while (gapEnd < len && (roles[gapEnd] == CharTable.SEP || roles[gapEnd] == CharTable.PUNCT)) {
                hasPunct |= roles[gapEnd] == CharTable.PUNCT;
                gapEnd++;
            }
            if (i == 0 || gapEnd == len) {
                outLen = emitGap(chars, roles, src, i, gapEnd, text, map, outLen, i == 0 || gapEnd == len);
                i = gapEnd;
                continue;
            }
            byte before = roles[i - 1];
            byte after = roles[gapEnd];
            boolean bothCjk = before == CharTable.CJK && after == CharTable.CJK;
            boolean spacedLetters = before == CharTable.WORD && after == CharTable.WORD && gapEnd - i <= 2
                    && singleLetterEndingAt(chars, roles, i - 1) && singleLetterStartingAt(chars, roles, gapEnd, len);
            boolean mixed = before != after && !hasPunct;
            if (!(bothCjk || spacedLetters || mixed)) {
                outLen = emitGap(chars, roles, src, i, gapEnd, text, map, outLen, false);
            }
            i = gapEnd;
        }
        return new NormalizedText(new String(text, 0, outLen), java.util.Arrays.copyOf(map, outLen), original,
                cp == n ? null : charIndex(original, cp), language.result());
    }

    /** The UTF-16 index of every code point, for slicing evidence out of a text with surrogate pairs. */
    private static int[] charIndex(String original, int codePoints) {
        int[] index = new int[codePoints];
        int k = 0;
        for (int i = 0; i < original.length(); k++) {
            index[k] = i;
            i += Character.isHighSurrogate(original.charAt(i)) && i + 1 < original.length()
                    && Character.isLowSurrogate(original.charAt(i + 1)) ? 2 : 1;
        }
        return index;
    }

    /** Pass-1 output: characters with their role and the code point they came from. */
    private static final class Characters {
        char[] chars;
        byte[] roles;
        int[] src;
        int len;

        Characters(int capacity) {
            chars = new char[capacity];
            roles = new byte[capacity];
            src = new int[capacity];
        }

        void add(char c, byte role, int cp) {
            if (len == chars.length) {
                grow(len + 1);
            }
            chars[len] = c;
            roles[len] = role;
            src[len] = cp;
            len++;
        }

        void add(String out, byte role, int cp) {
            for (int k = 0; k < out.length(); k++) {
                add(out.charAt(k), role, cp);
            }
        }

        private void grow(int min) {
            int size = Math.max(chars.length * 2, min + 8);
            chars = java.util.Arrays.copyOf(chars, size);
            roles = java.util.Arrays.copyOf(roles, size);
            src = java.util.Arrays.copyOf(src, size);
        }
    }

    /** Keeps punctuation, turns each run of separators into one space (none at the ends). */
    private static int emitGap(char[] chars, byte[] roles, int[] src, int from, int to, char[] text,
                               int[] map, int outLen, boolean edge) {
        boolean pendingSpace = false;
        int spaceSrc = 0;
        for (int k = from; k < to; k++) {
            if (roles[k] == CharTable.SEP) {
                if (!pendingSpace) {
                    spaceSrc = src[k];
                }
                pendingSpace = true;
            } else {
                if (pendingSpace && outLen > 0) {
                    text[outLen] = ' ';
                    map[outLen++] = spaceSrc;
                }
                pendingSpace = false;
                text[outLen] = chars[k];
                map[outLen++] = src[k];
            }
        }
        if (pendingSpace && !edge && outLen > 0) {
            text[outLen] = ' ';
            map[outLen++] = spaceSrc;
        }
        return outLen;
    }

    private static boolean singleLetterEndingAt(char[] chars, byte[] roles, int i) {
        return Character.isLetter(chars[i]) && (i == 0 || roles[i - 1] != CharTable.WORD);
    }

    private static boolean singleLetterStartingAt(char[] chars, byte[] roles, int i, int len) {
        return Character.isLetter(chars[i]) && (i + 1 >= len || roles[i + 1] != CharTable.WORD);
    }

    private String supplementary(int code) {
        String s = java.text.Normalizer.normalize(new String(Character.toChars(code)), java.text.Normalizer.Form.NFKC);
        // mathematical letters (𝐇, 𝓗, 𝚨) decompose to one Latin or Greek letter: the table lower-cases it as it
        // would the letter itself, and folds a Greek look-alike to its Latin letter (𝚨 → Α → a)
        if (s.length() == 1 && Character.isLetter(s.charAt(0))) {
            char one = (char) table.packed(s.charAt(0));
            if (one != 0) {
                return String.valueOf(one);
            }
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private static byte supplementaryRole(int code, String out) {
        int type = Character.getType(code);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || out.isEmpty()) {
            return CharTable.DROP;
        }
        if (CharTable.isCjk(code)) {
            return CharTable.CJK;
        }
        int first = out.codePointAt(0);
        if (out.length() == 1 && Character.isLetterOrDigit(first)) {
            return CharTable.WORD;
        }
        return CharTable.SEP;
    }
}
