package org.jobguard.checker;

import com.ibm.icu.text.Transliterator;

import java.util.BitSet;
import java.util.Locale;

/**
 * Per-character normalization of the Basic Multilingual Plane, computed once: NFKC, lower case and
 * Traditional → Simplified, plus the character's role for evasion collapsing. A table keeps the hot path to
 * one array read per character; the ICU transliterator is far too slow to call per message.
 */
final class CharTable {
    static final byte DROP = 0;   // zero-width, format and combining characters: vanish
    static final byte SEP = 1;    // whitespace, emoji, symbols, joiners: a soft gap
    static final byte PUNCT = 2;  // punctuation kept between words (matters for "$1,500/month", "t.me")
    static final byte WORD = 3;   // letters and digits of space-separated scripts
    static final byte CJK = 4;    // Han, kana, hangul: no spaces between words

    /** Script bits above the role in {@link #packed}: what the language guess counts. */
    static final int HAN_BIT = 1 << 24;
    static final int TRADITIONAL_BIT = 1 << 25;
    static final int SIMPLIFIED_BIT = 1 << 26;
    static final int LATIN_BIT = 1 << 27;

    private static final String JOINERS = "-_·•*~|^`・";

    private final String[] output = new String[0x10000];
    /**
     * Role in bits 16-23 and the output when it is exactly one character (else 0) in bits 0-15: the hot path
     * reads one int per character instead of the String and the role from two arrays.
     */
    private final int[] packed = new int[0x10000];
    private final byte[] role = new byte[0x10000];
    private final BitSet han = new BitSet(0x10000);
    private final BitSet traditionalOnly = new BitSet(0x10000);
    private final BitSet simplifiedOnly = new BitSet(0x10000);

    /** Built once per JVM (about a second of ICU work); immutable after construction, so sharing is safe. */
    private static final class Shared {
        static final CharTable INSTANCE = new CharTable();
    }

    static CharTable shared() {
        return Shared.INSTANCE;
    }

    private CharTable() {
        char[] simplified = traditionalToSimplified();
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                role[c] = DROP;
                output[c] = "";
                continue;
            }
            String s = java.text.Normalizer.normalize(String.valueOf((char) c), java.text.Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT);
            if (s.length() == 1) {
                char one = s.charAt(0);
                if (simplified[one] != 0 && simplified[one] != one) {
                    one = simplified[one];
                }
                s = String.valueOf(one);
            }
            output[c] = s;
            role[c] = classify(c, s);
            packed[c] = (role[c] << 16) | (s.length() == 1 ? s.charAt(0) : 0);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han.set(c);
            }
        }
        for (int c = 0; c < 0x10000; c++) {
            if (simplified[c] != 0 && simplified[c] != c) {
                traditionalOnly.set(c);
                simplifiedOnly.set(simplified[c]);
            }
        }
        // a character that is both (rare) says nothing about the script
        BitSet both = (BitSet) traditionalOnly.clone();
        both.and(simplifiedOnly);
        traditionalOnly.andNot(both);
        simplifiedOnly.andNot(both);
        for (int c = 0; c < 0x10000; c++) {
            packed[c] |= (han.get(c) ? HAN_BIT : 0) | (traditionalOnly.get(c) ? TRADITIONAL_BIT : 0)
                    | (simplifiedOnly.get(c) ? SIMPLIFIED_BIT : 0) | (isLatinLetter(c) ? LATIN_BIT : 0);
        }
    }

    /** Latin and full-width Latin letters: what makes a word of an English message. */
    static boolean isLatinLetter(int c) {
        return (c < 0x250 && Character.isLetter(c)) || (c >= 0xFF21 && c <= 0xFF5A);
    }

    private static char[] traditionalToSimplified() {
        Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
        StringBuilder all = new StringBuilder(30000);
        int[][] ranges = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
        for (int[] r : ranges) {
            for (int c = r[0]; c <= r[1]; c++) {
                all.append((char) c).append('\n');
            }
        }
        String converted = t2s.transliterate(all.toString());
        String[] in = all.toString().split("\n", -1);
        String[] out = converted.split("\n", -1);
        char[] table = new char[0x10000];
        if (in.length != out.length) {
            throw new IllegalStateException("Traditional-Simplified table misaligned");
        }
        for (int i = 0; i < in.length; i++) {
            if (in[i].length() == 1 && out[i].length() == 1) {
                table[in[i].charAt(0)] = out[i].charAt(0);
            }
        }
        return table;
    }

    private static byte classify(int original, String out) {
        if (out.isEmpty()) {
            return DROP;
        }
        int c = out.codePointAt(0);
        int type = Character.getType(original);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            return DROP;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
            return SEP;
        }
        if (out.length() == 1 && JOINERS.indexOf(c) >= 0) {
            return SEP;
        }
        int outType = Character.getType(c);
        if (outType == Character.OTHER_SYMBOL || outType == Character.MODIFIER_SYMBOL
                || outType == Character.DASH_PUNCTUATION || outType == Character.CONNECTOR_PUNCTUATION) {
            return SEP;
        }
        if (isCjk(c)) {
            return CJK;
        }
        if (Character.isLetterOrDigit(c)) {
            return WORD;
        }
        return PUNCT;
    }

    static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO;
    }

    String output(char c) {
        return output[c];
    }

    /** Script bits from bit 24, {@link #role} in bits 16-23, the single output character (or 0) in bits 0-15. */
    int packed(char c) {
        return packed[c];
    }

}
