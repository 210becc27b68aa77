package org.jobguard.patterns;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 64-bit SimHash over character 3-grams of redacted text: near-duplicate messages (a new handle, a
 * changed salary, an emoji more) differ in a few bits, unrelated ones in about 32.
 *
 * <p>Before shingling, each placeholder becomes one private-use character (so {@code <PHONE:+95>} weighs
 * like one character, not ten), spaces and punctuation are dropped (so re-spacing changes nothing) and
 * every number becomes one {@code 0} (copies of one template differ most often in amounts and dates).
 */
public final class SimHash {
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Z]+)(?::[^<>\\s]*)?>", Pattern.CASE_INSENSITIVE);
    private static final int N = 3;

    private SimHash() {
    }

    /** The fingerprint and how many distinct shingles it was made from (few shingles: unreliable). */
    public record Fingerprint(long bits, int shingles) {
        public int distance(long other) {
            return Long.bitCount(bits ^ other);
        }
    }

    public static Fingerprint of(String redactedText) {
        int[] cps = shingleText(redactedText).codePoints().toArray();
        Map<Long, Integer> grams = new HashMap<>();
        if (cps.length > 0 && cps.length < N) {
            grams.merge(hash(cps, 0, cps.length), 1, Integer::sum);
        }
        for (int i = 0; i + N <= cps.length; i++) {
            grams.merge(hash(cps, i, N), 1, Integer::sum);
        }
        int[] weights = new int[64];
        for (Map.Entry<Long, Integer> g : grams.entrySet()) {
            long h = g.getKey();
            int w = g.getValue();
            for (int b = 0; b < 64; b++) {
                weights[b] += ((h >>> b) & 1) == 1 ? w : -w;
            }
        }
        long bits = 0;
        for (int b = 0; b < 64; b++) {
            if (weights[b] > 0) {
                bits |= 1L << b;
            }
        }
        return new Fingerprint(bits, grams.size());
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    static String shingleText(String redactedText) {
        Matcher m = PLACEHOLDER.matcher(redactedText);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, String.valueOf((char) (0xE000 + Math.floorMod(m.group(1).toUpperCase(java.util.Locale.ROOT).hashCode(), 256))));
        }
        m.appendTail(sb);
        StringBuilder out = new StringBuilder(sb.length());
        boolean inNumber = false;
        for (int cp : sb.codePoints().toArray()) {
            if (Character.isDigit(cp)) {
                if (!inNumber) {
                    out.append('0');
                }
                inNumber = true;
            } else if (Character.isLetter(cp) || Character.getType(cp) == Character.PRIVATE_USE) {
                out.appendCodePoint(cp);
                inNumber = false;
            }
        }
        return out.toString();
    }

    /** FNV-1a over the code points, then a 64-bit finalizer so every bit depends on every input bit. */
    private static long hash(int[] cps, int from, int len) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < from + len; i++) {
            h ^= cps[i];
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
