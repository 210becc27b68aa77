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

    private LanguageGuess() {
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
        int han = 0;
        int latinWords = 0;
        int traditional = 0;
        int simplified = 0;
        int inWord = 0;
        // counted with bit arithmetic, not branches: in a mixed text whether the next character is Latin or Han is a
        // coin toss the processor kept losing
        for (int k = 0; k < count; k++) {
            int s = scripts[k];
            int latin = (s & LATIN) >>> 3;
            latinWords += latin & (inWord ^ 1);
            inWord = latin;
            int isHan = s & HAN;
            han += isHan;
            int isTraditional = (s >>> 1) & isHan;
            traditional += isTraditional;
            // a character with both bits counts as Traditional only
            simplified += (s >>> 2) & isHan & (isTraditional ^ 1);
        }
        if (han == 0 || han < latinWords) {
            return Language.EN;
        }
        return traditional > simplified ? Language.ZH_HANT : Language.ZH_HANS;
    }
}
