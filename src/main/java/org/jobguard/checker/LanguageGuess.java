package org.jobguard.checker;

/**
 * Guesses which of the three languages a message is written in. Chinese wins when Han characters are
 * about as many as Latin words (mixed messages like "加TG，月入3万" are Chinese); Traditional wins when
 * Traditional-only characters outnumber Simplified-only ones.
 */
public final class LanguageGuess {
    private final CharTable table;

    LanguageGuess(CharTable table) {
        this.table = table;
    }

    public Language guess(String text) {
        int han = 0;
        int latinWords = 0;
        int traditional = 0;
        int simplified = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean latin = (c < 0x250 && Character.isLetter(c)) || (c >= 0xFF21 && c <= 0xFF5A);
            if (latin && !inWord) {
                latinWords++;
            }
            inWord = latin;
            if (table.isHan(c)) {
                han++;
                if (table.isTraditionalOnly(c)) {
                    traditional++;
                } else if (table.isSimplifiedOnly(c)) {
                    simplified++;
                }
            }
        }
        if (han == 0 || han < latinWords) {
            return Language.EN;
        }
        return traditional > simplified ? Language.ZH_HANT : Language.ZH_HANS;
    }
}
