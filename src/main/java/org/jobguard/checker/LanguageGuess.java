package org.jobguard.checker;

/**
 * Guesses which of the three languages a message is written in, from the script of each of its code points, which
 * the normalizer notes in its one pass over the text. Chinese wins when Han characters are about as many as Latin
 * words (mixed messages like "加TG，月入3万" are Chinese); Traditional wins when Traditional-only characters outnumber
 * Simplified-only ones.
 */
final class LanguageGuess {
    /** The script bits of {@link CharTable#packed}, moved down to a byte per code point. */
    static final int SHIFT = 24;
    static final byte HAN = (byte) (CharTable.HAN_BIT >>> SHIFT);
    /** Traditional and Simplified are the next two bits, Latin the one above: the counting shifts by them */
    private static final int LATIN = CharTable.LATIN_BIT >>> SHIFT;

    private static final int CHUNK = 1 << 20;
    private static final long FIELD = (1L << 21) - 1;
    /** per script nibble: 1 in the Han field, and in the Traditional or Simplified one (both bits: Traditional only) */
    private static final long[] COUNTS = counts();

    private LanguageGuess() {
    }

    private static long[] counts() {
        long[] counts = new long[16];
        for (int s = 0; s < counts.length; s++) {
            int isHan = s & HAN;
            int isTraditional = (s >>> 1) & isHan;
            int isSimplified = (s >>> 2) & isHan & (isTraditional ^ 1);
            counts[s] = isHan | (long) isTraditional << 21 | (long) isSimplified << 42;
        }
        return counts;
    }

    /** The script byte of a code point outside the Basic Multilingual Plane: only Han extensions (planes 2, 3) count. */
    static byte supplementary(int codePoint) {
        // the range test first: emoji are the common case and the script lookup is a binary search
        return codePoint >= 0x20000 && codePoint < 0x40000
                && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN ? HAN : 0;
    }

    /**
     * @param scripts per code point its script bits ({@link CharTable#packed} shifted down by {@link #SHIFT}, or
     *                {@link #supplementary})
     */
    static Language of(byte[] scripts, int count) {
        // one table lookup and one addition per code point: the Han, Traditional and Simplified counts share a long,
        // 21 bits each, emptied into ints every CHUNK code points before a field could overflow (it took a dozen
        // operations per code point, a good part of normalizing, when each count was worked out apart)
        int han = 0;
        int traditional = 0;
        int simplified = 0;
        int latinStarts = 0;
        int previous = 0;
        for (int from = 0; from < count; from += CHUNK) {
            long counts = 0;
            for (int k = from, to = Math.min(count, from + CHUNK); k < to; k++) {
                int s = scripts[k];
                counts += COUNTS[s & 0xF];
                // a Latin word starts where a Latin code point follows one that is not
                latinStarts += s & ~previous & LATIN;
                previous = s;
            }
            han += (int) (counts & FIELD);
            traditional += (int) ((counts >>> 21) & FIELD);
            simplified += (int) (counts >>> 42);
        }
        int latinWords = latinStarts / LATIN;
        if (han == 0 || han < latinWords) {
            return Language.EN;
        }
        return traditional > simplified ? Language.ZH_HANT : Language.ZH_HANS;
    }
}
