package org.jobguard.checker;

/**
 * The text as the matcher sees it, with a map from every normalized character back to the original.
 *
 * @param text    normalized text (NFKC, lower case, simplified, evasions collapsed)
 * @param source  for each UTF-16 index of {@code text}: the code point index in the original it came from
 * @param original the original text
 * @param charIndex for each code point of the original its UTF-16 index, or null when the original has no
 *                  surrogate pairs and the two are the same
 * @param language the language the original is most likely written in, counted in the same pass
 */
public record NormalizedText(String text, int[] source, String original, int[] charIndex, Language language) {

    /** Code point span {start, end} in the original for the normalized range [from, to). */
    public int[] originalSpan(int from, int to) {
        return new int[] {source[from], source[to - 1] + 1};
    }

    /** The original substring between two code point offsets. */
    public String originalSlice(int cpStart, int cpEnd) {
        return original.substring(charIndexOf(cpStart), charIndexOf(cpEnd));
    }

    /** The UTF-16 index in the original of a code point offset (its length for the end). */
    int charIndexOf(int cp) {
        if (charIndex == null) {
            return cp;
        }
        return cp < charIndex.length ? charIndex[cp] : original.length();
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
