package org.jobguard.checker;

/**
 * Guesses which of the three languages a message is written in, from counts the normalizer takes in its one
 * pass over the text. Chinese wins when Han characters are about as many as Latin words (mixed messages like
 * "加TG，月入3万" are Chinese); Traditional wins when Traditional-only characters outnumber Simplified-only ones.
 */
final class LanguageGuess {
    private int han;
    private int latinWords;
    private int traditional;
    private int simplified;
    private boolean inWord;

    /** One code point, described by the script bits of {@link CharTable#packed}. */
    void add(int packed) {
        boolean latin = (packed & CharTable.LATIN_BIT) != 0;
        if (latin && !inWord) {
            latinWords++;
        }
        inWord = latin;
        if ((packed & CharTable.HAN_BIT) != 0) {
            han++;
            if ((packed & CharTable.TRADITIONAL_BIT) != 0) {
                traditional++;
            } else if ((packed & CharTable.SIMPLIFIED_BIT) != 0) {
                simplified++;
            }
        }
    }

    /** A code point outside the Basic Multilingual Plane: only Han extensions (planes 2 and 3) count. */
    void addSupplementary(int codePoint) {
        inWord = false;
        // the range test first: emoji are the common case and the script lookup is a binary search
        if (codePoint >= 0x20000 && codePoint < 0x40000
                && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
            han++;
        }
    }

    Language result() {
        if (han == 0 || han < latinWords) {
            return Language.EN;
        }
        return traditional > simplified ? Language.ZH_HANT : Language.ZH_HANS;
    }
}
