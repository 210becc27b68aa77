package org.jobguard.checker;

import com.ibm.icu.text.Transliterator;

import java.util.BitSet;
import java.util.Locale;

/**
 * Computes the character table from the JDK's NFKC and ICU's Traditional-Simplified transliterator. Runs at build
 * time only ({@code mvn process-classes} writes {@link CharTable#RESOURCE} through
 * {@code org.jobguard.cli.CharTableResource}): ICU needs about a second and 30 MB of classes to do this, which the
 * service would otherwise pay at every start. ICU is a build-time dependency and is not in the jar; a test checks
 * that the table in the jar equals a fresh computation.
 */
public final class CharTableSource {
    private static final String JOINERS = "-_·•*~|^`・";

    private CharTableSource() {
    }

    /** The table as stored in the jar. */
    public static byte[] encoded() {
        return compute().encode();
    }

    static CharTable compute() {
        char[] simplified = traditionalToSimplified();
        int[] packed = new int[0x10000];
        String[] longer = new String[0x10000];
        BitSet han = new BitSet(0x10000);
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
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
            byte role = classify(c, s);
            packed[c] = (role << 16) | (s.length() == 1 ? s.charAt(0) : 0);
            // the packed form holds one output character, and 0 means "look in the longer outputs" (so NUL does too)
            if ((s.length() != 1 || s.charAt(0) == 0) && role != CharTable.DROP) {
                longer[c] = s;
            }
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han.set(c);
            }
        }
        BitSet traditionalOnly = new BitSet(0x10000);
        BitSet simplifiedOnly = new BitSet(0x10000);
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
            packed[c] |= (han.get(c) ? CharTable.HAN_BIT : 0)
                    | (traditionalOnly.get(c) ? CharTable.TRADITIONAL_BIT : 0)
                    | (simplifiedOnly.get(c) ? CharTable.SIMPLIFIED_BIT : 0)
                    | (isLatinLetter(c) ? CharTable.LATIN_BIT : 0);
        }
        // ✈ stands for Telegram in Chinese recruiting chats (CharTable.AIRPLANE_WORD); script bits stay a symbol's
        packed[CharTable.AIRPLANE] = (CharTable.CJK << 16) | (packed[CharTable.AIRPLANE] & 0xFF000000);
        longer[CharTable.AIRPLANE] = CharTable.AIRPLANE_WORD;
        return new CharTable(packed, longer);
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
            return CharTable.DROP;
        }
        int c = out.codePointAt(0);
        int type = Character.getType(original);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            return CharTable.DROP;
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
            return CharTable.SEP;
        }
        if (out.length() == 1 && JOINERS.indexOf(c) >= 0) {
            return CharTable.SEP;
        }
        int outType = Character.getType(c);
        if (outType == Character.OTHER_SYMBOL || outType == Character.MODIFIER_SYMBOL
                || outType == Character.DASH_PUNCTUATION || outType == Character.CONNECTOR_PUNCTUATION) {
            return CharTable.SEP;
        }
        if (CharTable.isCjk(c)) {
            return CharTable.CJK;
        }
        if (Character.isLetterOrDigit(c)) {
            return CharTable.WORD;
        }
        return CharTable.PUNCT;
    }

    /** Latin and full-width Latin letters: what makes a word of an English message. */
    private static boolean isLatinLetter(int c) {
        return (c < 0x250 && Character.isLetter(c)) || (c >= 0xFF21 && c <= 0xFF5A);
    }
}
