package org.jobguard.checker;

/**
 * The text as the matcher sees it, with a map from every normalized character back to the original.
 *
 * @param text    normalized text (NFKC, lower case, simplified, evasions collapsed)
 * @param source  for each UTF-16 index of {@code text}: the code point index in the original it came from
 * @param original the original text
 */
public record NormalizedText(String text, int[] source, String original) {

    /** Code point span {start, end} in the original for the normalized range [from, to). */
    public int[] originalSpan(int from, int to) {
        return new int[] {source[from], source[to - 1] + 1};
    }

    /** The original substring between two code point offsets. */
    public String originalSlice(int cpStart, int cpEnd) {
        int s = original.offsetByCodePoints(0, cpStart);
        int e = original.offsetByCodePoints(s, cpEnd - cpStart);
        return original.substring(s, e);
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
