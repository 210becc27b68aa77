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

    static final int CHUNK = 1 << 20;
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
     * Per code point one table lookup and one addition: the Han, Traditional and Simplified counts share a long, 21
     * bits each ({@link #tally}), which the counting code empties into ints ({@link #empty}) at least every
     * {@link #CHUNK} code points, before a field could overflow. Counted where the normalizer reads each code point's
     * script anyway: a pass of its own over the scripts cost a sixth of normalizing.
     *
     * @param script the code point's script bits ({@link CharTable#packed} shifted down by {@link #SHIFT}, or
     *               {@link #supplementary})
     */
    static long tally(int script) {
        return COUNTS[script & 0xF];
    }

    /** Non-zero (the Latin bit) where a Latin word starts: a Latin code point after one that is not. */
    static int latinStart(int script, int previous) {
        return script & ~previous & LATIN;
    }

    /** Adds a long of {@link #tally tallies} to {@code totals}: Han, Traditional, Simplified. */
    static void empty(long tallies, int[] totals) {
        totals[0] += (int) (tallies & FIELD);
        totals[1] += (int) ((tallies >>> 21) & FIELD);
        totals[2] += (int) (tallies >>> 42);
    }

    /**
     * @param totals      Han, Traditional and Simplified code points ({@link #empty})
     * @param latinStarts the sum of {@link #latinStart} over the text
     */
    static Language of(int[] totals, int latinStarts) {
        int han = totals[0];
        int latinWords = latinStarts / LATIN;
        if (han == 0 || han < latinWords) {
            return Language.EN;
        }
        return totals[1] > totals[2] ? Language.ZH_HANT : Language.ZH_HANS;
    }
}
