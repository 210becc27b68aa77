package org.jobguard.contacts;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds place names and the text they are searched in to one form: NFKC, lower case, Simplified
 * Chinese, no punctuation, and no gaps inside Chinese ("妙 瓦 底" and "妙-瓦-底" become "妙瓦底") while
 * Latin words keep one space between them ("Shwe-Kokko" becomes "shwe kokko").
 */
final class PlaceText {
    private final Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");

    String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = simplified(s);
        StringBuilder out = new StringBuilder(s.length());
        boolean gap = false;
        int last = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp)) {
                gap = true;
                continue;
            }
            if (gap && isAsciiWordChar(last) && isAsciiWordChar(cp)) {
                out.append(' ');
            }
            out.appendCodePoint(cp);
            last = cp;
            gap = false;
        }
        return out.toString();
    }

    static boolean isAsciiWordChar(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
    }

    // ICU transliterators are not documented as safe for concurrent use; the bot and the web share one.
    private synchronized String simplified(String s) {
        return toSimplified.transliterate(s);
    }
}
