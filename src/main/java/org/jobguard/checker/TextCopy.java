package org.jobguard.checker;

/**
 * A thread's reusable copy of a text's characters, for the scans that read a normalized text character by character
 * (String.charAt asks the string's coding and checks the index at every character). A fresh copy per scan was a good
 * part of what a check allocates; a text longer than {@link #REUSED_CAPACITY} gets a copy of its own, so that no
 * thread keeps a pasted page's worth of characters for good.
 */
final class TextCopy {
    static final int REUSED_CAPACITY = 4096;

    private char[] chars = new char[256];

    /** The characters of {@code text} from index 0; the array may be longer than the text. */
    char[] of(String text) {
        int n = text.length();
        if (n > REUSED_CAPACITY) {
            return text.toCharArray();
        }
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        text.getChars(0, n, chars, 0);
        return chars;
    }
}
