package org.jobguard.checker;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.TreeMap;

/**
 * The library's double-array Aho-Corasick automaton, built over phrases written in a dense alphabet, with a scan
 * written for this checker.
 * <ul>
 * <li>Every character that occurs in some phrase gets a small code (1, 2, ...), in order of how often phrases
 * use it. In a double array a state's children sit at its base plus the character, so with raw CJK code points
 * (around 20,000 to 40,000) the children of one state are scattered over a megabyte; with small codes they are
 * near each other and the walk stays in cache.</li>
 * <li>A character that occurs in no phrase sends the automaton to its root at once instead of walking the
 * failure links down; most characters of a message are such characters.</li>
 * <li>Hits go straight into {@link Matches} instead of through the library's callback interface.</li>
 * </ul>
 */
final class PhraseAutomaton extends AhoCorasickDoubleArrayTrie<String> {
    /** Dense code of each character, 0 for characters that occur in no phrase. */
    private final char[] code = new char[0x10000];
    /**
     * What the phrases stand for, in flat arrays: a message has dozens of hits, and reading contiguous arrays is
     * cheaper than following a target array and its objects per hit.
     */
    private final CompiledRules.Target.Kind[] targetKind;
    private final int[] targetIndex;
    /**
     * One bit per state: whether it has outputs. The scan asks this at every character, and a few kilobytes of
     * bits stay in the nearest cache where the library's array of output arrays does not.
     */
    private final long[] hasOutput;
    /**
     * The outputs of every state in one flat array, {@code [outputFrom[state], outputFrom[state + 1])}, with what the
     * scan needs of each hit next to it: the phrase's length, its word edges (whether its first (1) and last (2)
     * characters are word characters, the only sides to check) and its targets {@code [targetFrom, targetTo)}. One
     * state's hits are then neighbours in memory instead of an array object per state and lookups per phrase.
     */
    private final int[] outputFrom;
    private final int[] outputLength;
    private final byte[] outputEdges;
    private final int[] outputTargetFrom;
    private final int[] outputTargetTo;

    PhraseAutomaton(TreeMap<String, CompiledRules.Target[]> phrases) {
        // plain arrays: this runs at start-up, mostly before the JIT has compiled anything
        int[] uses = new int[0x10000];
        for (String phrase : phrases.keySet()) {
            for (int i = 0; i < phrase.length(); i++) {
                uses[phrase.charAt(i)]++;
            }
        }
        int used = 0;
        long[] byUse = new long[0x10000];
        for (int c = 0; c < uses.length; c++) {
            if (uses[c] > 0) {
                // most used first, then by character: count in the high bits, inverted so ascending order works
                byUse[used++] = ((long) (Integer.MAX_VALUE - uses[c]) << 16) | c;
            }
        }
        java.util.Arrays.sort(byUse, 0, used);
        for (int k = 0; k < used; k++) {
            code[(int) (byUse[k] & 0xFFFF)] = (char) (k + 1);
        }
        // the library numbers phrases in the order of this map, so its values list the phrases by hit index
        TreeMap<String, String> encoded = new TreeMap<>();
        phrases.keySet().forEach(phrase -> encoded.put(encode(phrase), phrase));
        if (!encoded.isEmpty()) {
            build(encoded);
        }
        int targets = phrases.values().stream().mapToInt(t -> t.length).sum();
        // per phrase, in the library's hit order: its first target and its word edges
        int[] firstTarget = new int[encoded.size() + 1];
        targetKind = new CompiledRules.Target.Kind[targets];
        targetIndex = new int[targets];
        byte[] wordEdges = new byte[encoded.size()];
        int h = 0;
        int t = 0;
        for (String phrase : encoded.values()) {
            firstTarget[h] = t;
            for (CompiledRules.Target target : phrases.get(phrase)) {
                targetKind[t] = target.kind();
                targetIndex[t++] = target.index();
            }
            wordEdges[h++] = (byte) ((Matches.isWordChar(phrase.charAt(0)) ? 1 : 0)
                    | (Matches.isWordChar(phrase.charAt(phrase.length() - 1)) ? 2 : 0));
        }
        firstTarget[h] = t;
        int states = encoded.isEmpty() ? 0 : output.length;
        hasOutput = new long[(states + 63) / 64];
        outputFrom = new int[states + 1];
        for (int state = 0; state < states; state++) {
            int hits = output[state] == null ? 0 : output[state].length;
            if (hits > 0) {
                hasOutput[state >>> 6] |= 1L << state;
            }
            outputFrom[state + 1] = outputFrom[state] + hits;
        }
        int total = outputFrom[states];
        outputLength = new int[total];
        outputEdges = new byte[total];
        outputTargetFrom = new int[total];
        outputTargetTo = new int[total];
        for (int state = 0; state < states; state++) {
            for (int o = outputFrom[state]; o < outputFrom[state + 1]; o++) {
                int hit = output[state][o - outputFrom[state]];
                outputLength[o] = l[hit];
                outputEdges[o] = wordEdges[hit];
                outputTargetFrom[o] = firstTarget[hit];
                outputTargetTo[o] = firstTarget[hit + 1];
            }
        }
    }

    private String encode(String phrase) {
        char[] out = new char[phrase.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = code[phrase.charAt(i)];
        }
        return new String(out);
    }

    /** Every phrase occurrence in {@code text}, reported in order of its end. */
    void scan(String text, Matches found) {
        if (size() == 0) {
            return;
        }
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = code[text.charAt(i)];
            if (c == 0) {
                state = 0;
                continue;
            }
            int next;
            while ((next = transitionWithRoot(state, c)) == -1) {
                state = fail[state];
            }
            state = next;
            if ((hasOutput[state >>> 6] & (1L << state)) != 0) {
                for (int o = outputFrom[state], last = outputFrom[state + 1]; o < last; o++) {
                    int begin = i + 1 - outputLength[o];
                    boolean boundary = found.atWordBoundary(begin, i + 1, outputEdges[o]);
                    for (int k = outputTargetFrom[o], to = outputTargetTo[o]; k < to; k++) {
                        found.target(targetKind[k], targetIndex[k], begin, i + 1, boundary);
                    }
                }
            }
        }
    }
}
