package org.jobguard.checker;

/**
 * The wording features of a normalized text: Han characters one and two at a time, and Latin words one and two at
 * a time, each hashed into one of {@code 2^bits} buckets. They let wording that no rule lists still count
 * ("落地红包", "build trust with clients"), at the price of being unreadable on their own: the checker maps the
 * strongest of them back to the text to quote them.
 *
 * <p>Han trigrams were tried: they cost a third more hashing and did no better in cross-validation (recall 0.874
 * with them, 0.879 without, at the same false-alarm targets). Tried again on 13,766 messages: recall 0.846 with
 * and without them at 0.6 % of jobs and chats flagged.
 *
 * <p>Digits become one shape ("月入3万" and "月入8万" are the same wording; "1500" and "2000" too), so amounts count by
 * their form, not their value. Hashes are fixed functions of the characters, so a model file stays valid for any
 * build that reads it with the same number of bits.
 */
final class Wording {
    /**
     * The n-grams of one text: bucket and span in the normalized text of each, in text order. One per thread and
     * checker, reused: it holds numbers only, never text.
     */
    static final class Grams {
        int[] bucket = new int[256];
        int[] start = new int[256];
        int[] end = new int[256];
        /** each n-gram's weight, once the checker has looked it up: quoting reads them again, in text order */
        float[] weight = new float[256];
        /** per n-gram, once quoting has asked: 1 outside every flag's evidence, 2 inside one, 0 not asked yet */
        byte[] outsideFlags = new byte[256];
        int count;
        final TextCopy characters = new TextCopy();
        /**
         * Where reading stands ({@link Wording#step}): the last Han character (or digit shape) of the current run and
         * where it starts, -1 for none; the previous Latin word's hash and start, -1 when the last token was no word;
         * the Latin word being read, its start (-1 outside one), hash so far and whether it is all digits.
         */
        private int h2;
        private int p2;
        private int prevWord;
        private int prevStart;
        private int wordStart;
        private int wordHash;
        private boolean digits;
        /**
         * The word's hash before its last one, two and three characters, and those characters, the last in the low
         * 16 bits: a suffix (-s, -ed, -ing) is left out of the word's hash, so "covered", "covers" and "cover" are one
         * wording
         */
        private int before1;
        private int before2;
        private int before3;
        private long last3;
        /** whether the word before, next to this one, was all digits */
        private boolean prevDigits;
        /** each n-gram's bucket as read abroad ({@link Wording#abroad}), filled only for a text that names a place abroad */
        int[] abroad = new int[256];
        /** scratch for quoting: indices of n-grams */
        private int[] window = new int[64];
        /** scratch for letting go of the n-grams inside flags: per code point, how far the flags before it reach */
        private int[] reach = new int[256];

        Grams clear() {
            count = 0;
            return this;
        }

        /** The scratch array, with room for at least {@code size} indices; it keeps what it held. */
        int[] window(int size) {
            if (window.length < size) {
                window = java.util.Arrays.copyOf(window, Math.max(size, 2 * window.length));
            }
            return window;
        }

        /**
         * Scratch of at least {@code size} ints, contents undefined; one beyond {@link TextCopy#REUSED_CAPACITY} is
         * the caller's own, so that no thread keeps a pasted page's worth for good.
         */
        int[] reach(int size) {
            if (size > TextCopy.REUSED_CAPACITY) {
                return new int[size];
            }
            if (reach.length < size) {
                reach = new int[Math.max(size, 2 * reach.length)];
            }
            return reach;
        }

        /** Copies n-gram {@code from} to index {@code to}, for letting go of some in place. */
        void move(int from, int to) {
            bucket[to] = bucket[from];
            start[to] = start[from];
            end[to] = end[from];
        }

        void gram(int b, int s, int e) {
            if (count == bucket.length) {
                bucket = java.util.Arrays.copyOf(bucket, 2 * count);
                start = java.util.Arrays.copyOf(start, 2 * count);
                end = java.util.Arrays.copyOf(end, 2 * count);
                weight = java.util.Arrays.copyOf(weight, 2 * count);
                outsideFlags = java.util.Arrays.copyOf(outsideFlags, 2 * count);
            }
            bucket[count] = b;
            start[count] = s;
            end[count] = e;
            count++;
        }
    }

    private static final int HAN_1 = 0x1b873593;
    private static final int HAN_2 = 0x68e31da4;
    private static final int WORD_1 = 0x5bd1e995;
    private static final int WORD_2 = 0x7feb352d;
    private static final int ABROAD = 0x5f356495;
    private static final char DIGIT = '0';

    private final int mask;

    Wording(int bits) {
        if (bits < 8 || bits > 24) {
            throw new IllegalArgumentException("n-gram bits must be 8..24, not " + bits);
        }
        this.mask = (1 << bits) - 1;
    }

    int buckets() {
        return mask + 1;
    }

    /** Every n-gram of {@code text}, in text order; linear in the text's length. */
    void read(String string, Grams sink) {
        char[] text = sink.characters.of(string);
        int n = string.length();
        begin(sink);
        for (int i = 0; i < n; i++) {
            step(sink, text[i], i);
        }
        end(sink, n);
    }

    /**
     * Starts reading a text one character at a time ({@link #step}, then {@link #end}): the phrase scan walks the
     * text anyway, and hashing there is nearly free, as its arithmetic fills the time the walk waits for memory.
     */
    void begin(Grams sink) {
        sink.clear();
        sink.h2 = -1;
        sink.p2 = -1;
        sink.prevWord = 0;
        sink.prevStart = -1;
        sink.prevDigits = false;
        sink.wordStart = -1;
    }

    /** Character {@code c} at index {@code i}: the n-grams it ends, in text order. */
    void step(Grams sink, char c, int i) {
        if (isLatinWordChar(c)) {
            if (sink.wordStart < 0) {
                sink.wordStart = i;
                sink.wordHash = WORD_1;
                sink.digits = true;
            }
            boolean digit = c >= '0' && c <= '9';
            sink.digits &= digit;
            sink.before3 = sink.before2;
            sink.before2 = sink.before1;
            sink.before1 = sink.wordHash;
            sink.last3 = (sink.last3 << 16 | c) & 0xffff_ffff_ffffL;
            sink.wordHash = (sink.wordHash ^ (digit ? DIGIT : c)) * 0x01000193;
            return;
        }
        if (sink.wordStart >= 0) {
            endWord(sink, i);
        }
        if (isHan(c)) {
            sink.prevStart = -1;
            sink.gram(bucket(mix(HAN_1, c, 0)), i, i + 1);
            han(sink, c, i, i + 1);
        } else {
            if (c != ' ') {
                sink.prevStart = -1;
            }
            sink.h2 = -1;
        }
    }

    /** The end of the text at {@code n}: a word running up to it ends there. */
    void end(Grams sink, int n) {
        if (sink.wordStart >= 0) {
            endWord(sink, n);
        }
    }

    /** The Latin word (or number) that started at {@code wordStart} ends at {@code end}. */
    private void endWord(Grams sink, int end) {
        int start = sink.wordStart;
        int h = stem(sink, end - start);
        sink.wordStart = -1;
        // a group of digits after another (a phone number written "9 123 456 789") is the same number going on: its
        // groups are no wording of their own, or a phone number would weigh by how it is spaced
        boolean numberGoesOn = sink.digits && sink.prevDigits && sink.prevStart >= 0;
        if (!numberGoesOn) {
            sink.gram(bucket(h), start, end);
            if (sink.prevStart >= 0) {
                sink.gram(bucket(mix(WORD_2, sink.prevWord, h)), sink.prevStart, end);
            }
        }
        sink.prevWord = h;
        sink.prevStart = start;
        sink.prevDigits = sink.digits;
        if (!sink.digits || end - start > 6) {
            sink.h2 = -1;
            return;
        }
        // a short number next to Han characters is part of the Chinese wording ("月入3万")
        han(sink, DIGIT, start, end);
    }

    private static final long ING = (long) 'i' << 32 | 'n' << 16 | 'g';
    private static final long ED = 'e' << 16 | 'd';

    /** The hash of a word of {@code n} characters without a plain English suffix: -ing, -ed, or an -s that is no -ss. */
    private static int stem(Grams sink, int n) {
        long last = sink.last3;
        if (sink.digits) {
            return sink.wordHash;
        }
        if (n > 5 && last == ING) {
            return sink.before3;
        }
        if (n > 4 && (last & 0xffff_ffffL) == ED) {
            return sink.before2;
        }
        if (n > 3 && (last & 0xffff) == 's' && (last >>> 16 & 0xffff) != 's') {
            return sink.before1;
        }
        return sink.wordHash;
    }

    /**
     * Fills {@code g.abroad} with each n-gram's second bucket, its reading in a text that names a place abroad. "客服",
     * "月休4", "包食宿" and "Chinese speaker" are ordinary in a job at home and say more in one abroad, which one weight
     * per n-gram cannot tell apart; the model weighs the two readings separately. The second buckets share the table
     * of the first.
     */
    void abroad(Grams g) {
        if (g.abroad.length < g.count) {
            g.abroad = new int[g.bucket.length];
        }
        for (int i = 0; i < g.count; i++) {
            g.abroad[i] = fmix(g.bucket[i] ^ ABROAD) & mask;
        }
    }

    /** A Han character (or a number's shape) at [start, end): the bigram with the one before it. */
    private void han(Grams sink, int hanCode, int start, int end) {
        if (sink.h2 >= 0) {
            sink.gram(bucket(mix(HAN_2, sink.h2, hanCode)), sink.p2, end);
        }
        sink.h2 = hanCode;
        sink.p2 = start;
    }

    private int bucket(int h) {
        return fmix(h) & mask;
    }

    private static int mix(int seed, int a, int b) {
        int h = seed ^ (a * 0xcc9e2d51);
        h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
        return h ^ (b * 0x1b873593);
    }

    /** MurmurHash3's finalizer: spreads nearby inputs over all buckets. */
    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** Latin letters and digits, looked up in {@link Matches}' table: asked at nearly every character. */
    private static boolean isLatinWordChar(char c) {
        return Matches.isWordChar(c);
    }

    private static boolean isHan(char c) {
        return c >= 0x3400 && c <= 0x9fff || c >= 0xf900 && c <= 0xfaff;
    }
}
