package org.jobguard.cli;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** OCR's usual figure: 1 - edit distance / length of the original, whitespace ignored (Tesseract's line breaks are not the ad's). */
final class CharacterAccuracy {
    private CharacterAccuracy() {
    }

    static double of(String original, String read) {
        String a = original.replaceAll("\\s+", "");
        String b = read.replaceAll("\\s+", "");
        if (a.isEmpty()) {
            return b.isEmpty() ? 1 : 0;
        }
        return Math.max(0, 1 - (double) LevenshteinDistance.getDefaultInstance().apply(a, b) / a.length());
    }
}
