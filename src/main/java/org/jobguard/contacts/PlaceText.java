package org.jobguard.contacts;

import org.jobguard.checker.Normalizer;

/**
 * Folds place names and the text they are searched in to one form. The checker's {@link Normalizer} does
 * NFKC, lower case, Traditional → Simplified and collapses evasions ("妙 瓦 底", "K K 园区"); on top of that,
 * punctuation is dropped inside Chinese and Latin words keep one space between them ("Shwe-Kokko" becomes
 * "shwe kokko"), so an alias matches however it was punctuated.
 */
final class PlaceText {
    private final Normalizer normalizer = new Normalizer();

    String fold(String text) {
        String s = normalizer.normalize(text).text();
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
}
