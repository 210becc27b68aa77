package org.jobguard.checker;

/**
 * The text as the matcher sees it, with a map from every normalized character back to the original.
 *
 * @param text    normalized text (NFKC, lower case, simplified, evasions collapsed)
 * @param source  for each UTF-16 index of {@code text}: the code point index in the original it came from
 * @param original the original text
 * @param bmpOnly  whether the original has no surrogate pairs, so code point offsets are UTF-16 offsets
 * @param language the language the original is most likely written in, counted in the same pass
 */
public record NormalizedText(String text, int[] source, String original, boolean bmpOnly, Language language) {

    /** Code point span {start, end} in the original for the normalized range [from, to). */
    public int[] originalSpan(int from, int to) {
        return new int[] {source[from], source[to - 1] + 1};
    }

    /** The original substring between two code point offsets. */
    public String originalSlice(int cpStart, int cpEnd) {
        if (bmpOnly) {
            return original.substring(cpStart, cpEnd);
        }
        int s = original.offsetByCodePoints(0, cpStart);
        int e = original.offsetByCodePoints(s, cpEnd - cpStart);
        return original.substring(s, e);
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
