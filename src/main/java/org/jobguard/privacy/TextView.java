package org.jobguard.privacy;

/**
 * The text from an offset on, without a copy, counting how far a matcher read into it: RE2/J reads
 * through {@link #charAt}, so the furthest index read is the work a try did.
 */
final class TextView implements CharSequence {
    private final String text;
    private int offset;
    private int furthest;

    TextView(String text) {
        this.text = text;
    }

    void moveTo(int offset) {
        this.offset = offset;
        this.furthest = 0;
    }

    /** How many characters were read since the last move, at least one. */
    int read() {
        return furthest + 1;
    }

    @Override
    public int length() {
        return text.length() - offset;
    }

    @Override
    public char charAt(int index) {
        if (index > furthest) {
            furthest = index;
        }
        return text.charAt(offset + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(offset + start, offset + end);
    }

    @Override
    public String toString() {
        return text.substring(offset);
    }
}
