package org.jobguard.checker;

import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.Transliterator;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes the character table from the JDK's NFKC, ICU's confusables data (look-alike letters of other scripts to
 * the Latin letter they imitate) and ICU's Traditional-Simplified transliterator. Runs at build time only
 * ({@code mvn process-classes} writes {@link CharTable#RESOURCE} through {@code org.jobguard.cli.CharTableResource}):
 * ICU needs about a second and 30 MB of classes to do this, which the service would otherwise pay at every start.
 * ICU is a build-time dependency and is not in the jar; a test checks that the table in the jar equals a fresh
 * computation.
 */
public final class CharTableSource {
    private static final String JOINERS = "-_·•*~|^`・";

    /**
     * Scripts whose letters scammers borrow to spell English past a filter ("Hіring", "Μyawaddy" with a Cyrillic і
     * and a Greek Μ). Only these are folded: Myanmar, Thai, Arabic or Hebrew letters that happen to look like a
     * Latin one (ဝ, ๐, ا, ס) are people's own writing, and CJK never is a disguise for Latin. Latin itself counts
     * from U+0100 on (ı, ɑ, ɡ, ꜱ): ASCII and Latin-1, the Latin of English and of most messages, stay as they are.
     */
    private static final Set<UnicodeScript> BORROWED = EnumSet.of(UnicodeScript.CYRILLIC, UnicodeScript.GREEK,
            UnicodeScript.ARMENIAN, UnicodeScript.CHEROKEE, UnicodeScript.COPTIC, UnicodeScript.LISU,
            UnicodeScript.CANADIAN_ABORIGINAL, UnicodeScript.LATIN);

    /**
     * "ʜɪʀɪɴɢ": text generators spell a word in small capitals, of which TR #39 counts only a few as look-alikes
     * (ɪ, ᴄ, ᴏ, but not ʜ, ʀ, ɴ, ɢ); the Unicode name says which letter each one is.
     */
    private static final Pattern SMALL_CAPITAL = Pattern.compile("LATIN LETTER SMALL CAPITAL ([A-Z])");

    private CharTableSource() {
    }

    /** The table as stored in the jar. */
    public static byte[] encoded() {
        return compute().encode();
    }

    static CharTable compute() {
        return compute(latinLookAlikes());
    }

    /** @param lookAlikes per character the Latin letter it is folded to, 0 for none (see {@link #latinLookAlikes}) */
    static CharTable compute(char[] lookAlikes) {
        char[] simplified = traditionalToSimplified();
        int[] packed = new int[0x10000];
        String[] longer = new String[0x10000];
        BitSet han = new BitSet(0x10000);
        BitSet disguised = new BitSet(0x10000);
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            // a look-alike is folded as it is, before NFKC turns it into another letter of its script (ϲ → ς), and
            // before lower-casing: the capital Greek Μ imitates M, while its lower case μ would pass for u; what NFKC
            // makes of other characters is folded too (the math-style ℽ → γ → y)
            String nfkc = lookAlikes[c] != 0 ? String.valueOf((char) c)
                    : java.text.Normalizer.normalize(String.valueOf((char) c), java.text.Normalizer.Form.NFKC);
            String folded = fold(nfkc, lookAlikes);
            if (!folded.equals(nfkc)) {
                disguised.set(c);
            }
            String s = folded.toLowerCase(Locale.ROOT);
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
                    | (isLatinLetter(c) || disguised.get(c) ? CharTable.LATIN_BIT : 0);
        }
        // ✈ stands for Telegram in Chinese recruiting chats (CharTable.AIRPLANE_WORD); script bits stay a symbol's
        packed[CharTable.AIRPLANE] = (CharTable.CJK << 16) | (packed[CharTable.AIRPLANE] & 0xFF000000);
        longer[CharTable.AIRPLANE] = CharTable.AIRPLANE_WORD;
        return new CharTable(packed, longer);
    }

    /**
     * Per character of the Basic Multilingual Plane, the ASCII letter it imitates, or 0: a letter of a
     * {@link #BORROWED} script whose confusables skeleton (Unicode TR #39, ICU's data) is that of one ASCII letter,
     * or else a {@link #SMALL_CAPITAL}.
     * Skeletons say only "looks the same", and TR #39 gives I and l one skeleton; the case of the look-alike picks
     * between them, so a Cyrillic capital І reads as I and a palochka ӏ as l. A look-alike of two letters
     * (Ы for "bl", Ꜳ for "AA") is left alone: a disguise borrows letters one for one.
     *
     * <p>Every character is folded wherever it stands, also in a word entirely of its own script: deciding by
     * the neighbours would cost the one table read per character. A Russian or Greek word so turns into a mix of
     * scripts, which costs nothing: JobGuard does not support those languages, and a rule phrase written in them
     * is normalized alike, so it still matches.
     */
    static char[] latinLookAlikes() {
        SpoofChecker spoof = new SpoofChecker.Builder().build();
        Map<String, List<Character>> asciiBySkeleton = new HashMap<>();
        for (char c = 'A'; c <= 'z'; c++) {
            if (Character.isLetter(c)) {
                asciiBySkeleton.computeIfAbsent(spoof.getSkeleton(String.valueOf(c)), k -> new ArrayList<>()).add(c);
            }
        }
        char[] lookAlikes = new char[0x10000];
        for (int c = 0x100; c < 0x10000; c++) {
            if (!Character.isLetter(c) || !BORROWED.contains(UnicodeScript.of(c)) || nfkcDecides((char) c)) {
                continue;
            }
            List<Character> ascii = asciiBySkeleton.get(spoof.getSkeleton(String.valueOf((char) c)));
            Matcher smallCapital = SMALL_CAPITAL.matcher(Character.getName(c));
            if (ascii != null) {
                lookAlikes[c] = sameCase(ascii, Character.isLowerCase(c));
            } else if (smallCapital.matches()) {
                lookAlikes[c] = smallCapital.group(1).charAt(0);
            }
        }
        return lookAlikes;
    }

    /**
     * Whether NFKC's answer stands: when it makes ASCII of the letter (ſ → s, though ICU finds it looks like f) or
     * no single letter (ͺ, a mark under a letter). A look-alike that NFKC turns into another letter of its script
     * (ϲ → ς) is folded as it is, or it would lose what it imitates.
     */
    private static boolean nfkcDecides(char c) {
        String nfkc = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKC);
        if (nfkc.equals(String.valueOf(c))) {
            return false;
        }
        return nfkc.length() != 1 || nfkc.charAt(0) < 0x80 || !Character.isLetter(nfkc.charAt(0));
    }

    /** The candidate of the wanted case when there is one (scripts without case, like Lisu, imitate capitals). */
    private static char sameCase(List<Character> candidates, boolean lower) {
        for (char c : candidates) {
            if (Character.isLowerCase(c) == lower) {
                return c;
            }
        }
        return candidates.get(0);
    }

    /** Only when that makes all of {@code s} ASCII: the ligature և ("եւ") is a word of its script, not a disguise. */
    private static String fold(String s, char[] lookAlikes) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (lookAlikes[chars[i]] != 0) {
                chars[i] = lookAlikes[chars[i]];
            } else if (chars[i] >= 0x80) {
                return s;
            }
        }
        return new String(chars);
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

    /**
     * Latin and full-width Latin letters: what makes a word of an English message (so do the look-alikes folded to
     * Latin, which the caller adds: a word spelled with them is English in disguise).
     */
    private static boolean isLatinLetter(int c) {
        return (c < 0x250 && Character.isLetter(c)) || (c >= 0xFF21 && c <= 0xFF5A);
    }
}
