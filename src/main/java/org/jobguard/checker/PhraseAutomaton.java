package org.jobguard.checker;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
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
 * Building it over the shipped rules is a large part of start-up, so the build writes it into the jar
 * ({@link #write}) and the service reads it back ({@link #PhraseAutomaton(ByteBuffer)}), see
 * {@link CompiledRulesImage}.
 */
final class PhraseAutomaton extends AhoCorasickDoubleArrayTrie<String> {
    /** Dense code of each character, 0 for characters that occur in no phrase. */
    private final char[] code;
    /**
     * What each phrase stands for, in flat arrays indexed as the library's hits are: the targets of phrase
     * {@code h} are {@code [firstTarget[h], firstTarget[h + 1])}. A message has dozens of hits, and reading
     * these contiguous arrays is cheaper than following a target array and its objects per hit.
     */
    private final int[] firstTarget;
    private final CompiledRules.Target.Kind[] targetKind;
    private final int[] targetIndex;
    /** per phrase: whether its first (1) and last (2) characters are word characters, the only sides to check */
    private final byte[] wordEdges;
    /**
     * One bit per state: whether it has outputs. The scan asks this at every character, and a few kilobytes of
     * bits stay in the nearest cache where the library's array of output arrays does not.
     */
    private final long[] hasOutput;
    /** Derived from the arrays above after a build or a read. */
    private final Outputs outputs;
    /**
     * The library's base and check side by side, derived after a build or a read (see {@link #transitions}); the
     * library's own two arrays are then let go, as nothing reads them but {@link #write} and {@link #equals}, which
     * take them back from here ({@link #half}): one copy of a megabyte, not two.
     */
    private final int[] transitions;

    /**
     * The outputs of every state in one flat array: state {@code s}'s are {@code block[from[s]..from[s + 1])}, laid out
     * per state, not per phrase, so that a state's hits cost a few loops over one run of ints:
     * <ol>
     * <li>how many literals patterns need ({@code PATTERN_NEED}) and how many places patterns may start
     * ({@code PATTERN_START}) the state's phrases stand for, then those two groups as pairs (target index, phrase
     * length). Those two kinds are two thirds of a bench message's targets, and what they do does not depend on the
     * order they come in: a need keeps the latest start of a literal, and a pattern's starts are sorted before use
     * (a start recorded earlier than before, when a rule's evidence was not yet as early, lies after that evidence
     * and is never a candidate). Per phrase, three loops of zero to two turns each mispredicted their ends;</li>
     * <li>then per phrase with other targets, in the library's order of the phrases (a negation must come before
     * what it cancels): {@code length | edges << 16}, the number of targets, and the targets as
     * {@code index << 4 | kind ordinal}.</li>
     * </ol>
     * Derived when the automaton is built or read, so the stored image is as before.
     *
     * <p>Only a state with outputs has a range, and it is found by its rank among them: {@code rank[w]} states with
     * outputs come before state {@code 64w}, and the bits of {@link #hasOutput} below a state count the rest. An array
     * of ranges per state (14,877 of 118,276 have outputs) is half a megabyte read at random, one likely cache miss
     * per hit; these two arrays are 67 KB.
     */
    private record Outputs(int[] rank, int[] from, int[] block) {
        static Outputs of(int[][] output, int[] l, byte[] wordEdges, int[] firstTarget,
                          CompiledRules.Target.Kind[] targetKind, int[] targetIndex) {
            int states = output == null ? 0 : output.length;
            int[] rank = new int[(states + 63) / 64 + 1];
            int outputStates = 0;
            for (int state = 0; state < states; state++) {
                if (state % 64 == 0) {
                    rank[state / 64] = outputStates;
                }
                outputStates += output[state] == null ? 0 : 1;
            }
            int[] from = new int[outputStates + 1];
            IntList block = new IntList();
            for (int state = 0, ordinal = 0; state < states; state++) {
                int[] phrases = output[state];
                if (phrases == null) {
                    continue;
                }
                from[ordinal] = block.size;
                int counts = block.size;
                block.add(0);
                block.add(0);
                int needs = 0;
                for (int phrase : phrases) {
                    needs += pairs(targetKind, targetIndex, firstTarget[phrase], firstTarget[phrase + 1], l[phrase],
                            CompiledRules.Target.Kind.PATTERN_NEED, block);
                }
                int starts = 0;
                for (int phrase : phrases) {
                    starts += pairs(targetKind, targetIndex, firstTarget[phrase], firstTarget[phrase + 1], l[phrase],
                            CompiledRules.Target.Kind.PATTERN_START, block);
                }
                // set after the pairs are added: adding may have moved the array
                block.data[counts] = needs;
                block.data[counts + 1] = starts;
                for (int phrase : phrases) {
                    int others = 0;
                    for (int t = firstTarget[phrase]; t < firstTarget[phrase + 1]; t++) {
                        others += patternLiteral(targetKind[t]) ? 0 : 1;
                    }
                    if (others == 0) {
                        continue;
                    }
                    block.add(l[phrase] | wordEdges[phrase] << 16);
                    block.add(others);
                    for (int t = firstTarget[phrase]; t < firstTarget[phrase + 1]; t++) {
                        if (!patternLiteral(targetKind[t])) {
                            block.add(targetIndex[t] << 4 | targetKind[t].ordinal());
                        }
                    }
                }
                ordinal++;
            }
            from[outputStates] = block.size;
            return new Outputs(rank, from, java.util.Arrays.copyOf(block.data, block.size));
        }

        private static boolean patternLiteral(CompiledRules.Target.Kind kind) {
            return kind == CompiledRules.Target.Kind.PATTERN_NEED || kind == CompiledRules.Target.Kind.PATTERN_START;
        }

        /** Adds (index, length) for each target of one kind in [from, to); returns how many. */
        private static int pairs(CompiledRules.Target.Kind[] kinds, int[] indices, int from, int to, int length,
                                 CompiledRules.Target.Kind wanted, IntList block) {
            int added = 0;
            for (int t = from; t < to; t++) {
                if (kinds[t] == wanted) {
                    block.add(indices[t]);
                    block.add(length);
                    added++;
                }
            }
            return added;
        }

        /** The rank among the states with outputs of {@code state}, which has outputs ({@code bits} its word). */
        int ordinal(int state, long bits) {
            return rank[state >>> 6] + Long.bitCount(bits & ((1L << state) - 1));
        }
    }

    /** A growing array of ints, for building {@link Outputs}. */
    private static final class IntList {
        int[] data = new int[1024];
        int size;

        void add(int value) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, 2 * size);
            }
            data[size++] = value;
        }
    }

    PhraseAutomaton(TreeMap<String, CompiledRules.Target[]> phrases) {
        // plain arrays: this runs at start-up, mostly before the JIT has compiled anything
        code = new char[0x10000];
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
        firstTarget = new int[encoded.size() + 1];
        targetKind = new CompiledRules.Target.Kind[targets];
        targetIndex = new int[targets];
        wordEdges = new byte[encoded.size()];
        int h = 0;
        int t = 0;
        for (String phrase : encoded.values()) {
            firstTarget[h] = t;
            for (CompiledRules.Target target : phrases.get(phrase)) {
                targetKind[t] = target.kind();
                targetIndex[t++] = target.index();
            }
            wordEdges[h++] = Matches.wordEdges(phrase);
        }
        firstTarget[h] = t;
        int states = encoded.isEmpty() ? 0 : output.length;
        hasOutput = new long[(states + 63) / 64];
        for (int state = 0; state < states; state++) {
            if (output[state] != null) {
                hasOutput[state >>> 6] |= 1L << state;
            }
        }
        outputs = Outputs.of(output, l, wordEdges, firstTarget, targetKind, targetIndex);
        transitions = transitions(base, check);
        base = null;
        check = null;
    }

    /** Reads what {@link #write} wrote: the same arrays, so the same scan. */
    PhraseAutomaton(ByteBuffer stored) {
        code = new char[0x10000];
        char[] alphabet = ImageArrays.readChars(stored);
        for (int k = 0; k < alphabet.length; k++) {
            code[alphabet[k]] = (char) (k + 1);
        }
        base = ImageArrays.readInts(stored);
        check = ImageArrays.readInts(stored);
        fail = ImageArrays.readInts(stored);
        output = ImageArrays.readRows(stored);
        l = ImageArrays.readInts(stored);
        v = ImageArrays.readStrings(stored);
        size = stored.getInt();
        firstTarget = ImageArrays.readInts(stored);
        CompiledRules.Target.Kind[] kinds = CompiledRules.Target.Kind.values();
        byte[] kindOrdinals = ImageArrays.readBytes(stored);
        targetKind = new CompiledRules.Target.Kind[kindOrdinals.length];
        for (int t = 0; t < targetKind.length; t++) {
            targetKind[t] = kinds[kindOrdinals[t]];
        }
        targetIndex = ImageArrays.readInts(stored);
        wordEdges = ImageArrays.readBytes(stored);
        hasOutput = ImageArrays.readLongs(stored);
        int phrases = v == null ? 0 : size();
        if (firstTarget == null || firstTarget.length != phrases + 1 || wordEdges.length != phrases
                || targetIndex == null || targetIndex.length != targetKind.length
                || firstTarget[phrases] != targetKind.length || (phrases > 0 && (l == null || l.length != phrases))) {
            throw new IllegalStateException("the stored automaton's arrays do not fit together");
        }
        outputs = Outputs.of(output, l, wordEdges, firstTarget, targetKind, targetIndex);
        transitions = transitions(base, check);
        base = null;
        check = null;
    }

    /**
     * The library's {@code base} and {@code check} arrays interleaved, {@code base[s]} at {@code 2s} and
     * {@code check[s]} at {@code 2s + 1}. A step reads the parent's base, then the child's check, and the next step
     * reads that child's base: side by side, the child's check and base share a cache line, so a step waits on memory
     * once instead of twice. The automaton does not fit the nearest caches, and these waits were most of the scan.
     * Null for an automaton that was never built.
     */
    static int[] transitions(int[] base, int[] check) {
        if (base == null) {
            return null;
        }
        if (check.length != base.length) {
            throw new IllegalStateException("the automaton's base and check arrays differ in length");
        }
        int[] both = new int[2 * base.length];
        for (int s = 0; s < base.length; s++) {
            both[2 * s] = base[s];
            both[2 * s + 1] = check[s];
        }
        return both;
    }

    /**
     * Everything the scan reads. The phrases are stored in hit order, which is also what the library's values
     * are: only their number matters to it ({@link #size()}).
     */
    void write(DataOutputStream out) throws IOException {
        int used = 0;
        for (char c : code) {
            used = Math.max(used, c);
        }
        char[] alphabet = new char[used];
        for (int c = 0; c < code.length; c++) {
            if (code[c] != 0) {
                alphabet[code[c] - 1] = (char) c;
            }
        }
        ImageArrays.write(out, alphabet);
        ImageArrays.write(out, half(0));
        ImageArrays.write(out, half(1));
        ImageArrays.write(out, fail);
        ImageArrays.write(out, output);
        ImageArrays.write(out, l);
        ImageArrays.write(out, phrases());
        out.writeInt(size);
        ImageArrays.write(out, firstTarget);
        byte[] kindOrdinals = new byte[targetKind.length];
        for (int t = 0; t < kindOrdinals.length; t++) {
            kindOrdinals[t] = (byte) targetKind[t].ordinal();
        }
        ImageArrays.write(out, kindOrdinals);
        ImageArrays.write(out, targetIndex);
        ImageArrays.write(out, wordEdges);
        ImageArrays.write(out, hasOutput);
    }

    /** The library's base (0) or check (1) array, taken back from {@link #transitions}; null before a build. */
    private int[] half(int which) {
        if (transitions == null) {
            return null;
        }
        int[] out = new int[transitions.length / 2];
        for (int s = 0; s < out.length; s++) {
            out[s] = transitions[2 * s + which];
        }
        return out;
    }

    /** The phrases by hit index, null before a build; the library's values are typed by erasure, so one by one. */
    private String[] phrases() {
        if (v == null) {
            return null;
        }
        String[] phrases = new String[size()];
        for (int h = 0; h < phrases.length; h++) {
            phrases[h] = get(h);
        }
        return phrases;
    }

    private String encode(String phrase) {
        char[] out = new char[phrase.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = code[phrase.charAt(i)];
        }
        return new String(out);
    }

    /**
     * Every phrase occurrence in {@code text}, reported in order of its end; on the way, the text's n-grams read into
     * {@code grams} and the gazetteer's automaton stepped ({@code places}, may be null). The walk waits on memory at
     * nearly every character (a state's base, then its child's check); the hashing of the n-grams fills that time,
     * and the gazetteer's walk waits at the same time. Each in a pass of its own cost about a tenth of a check.
     */
    void scan(String text, Matches found, Wording wording, Wording.Grams grams, Gazetteer.Walk places) {
        if (size() == 0) {
            char[] chars = found.characters.of(text);
            wording.begin(grams);
            for (int i = 0; i < text.length(); i++) {
                wording.step(grams, chars[i], i);
                if (places != null) {
                    places.step(chars, text.length(), i);
                }
            }
            wording.end(grams, text.length());
            return;
        }
        // in locals: the library's arrays are fields the JIT would read again after every call into found
        char[] code = this.code;
        int[] transitions = this.transitions;
        int[] fail = this.fail;
        long[] hasOutput = this.hasOutput;
        Outputs outputs = this.outputs;
        int[] outputFrom = outputs.from();
        int[] block = outputs.block();
        int state = 0;
        char[] chars = found.characters.of(text);
        int n = text.length();
        wording.begin(grams);
        for (int i = 0; i < n; i++) {
            wording.step(grams, chars[i], i);
            if (places != null) {
                places.step(chars, n, i);
            }
            char c = code[chars[i]];
            if (c == 0) {
                state = 0;
                continue;
            }
            state = next(transitions, fail, state, c);
            long bits = hasOutput[state >>> 6];
            if ((bits & (1L << state)) != 0) {
                int ordinal = outputs.ordinal(state, bits);
                int o = outputFrom[ordinal];
                int last = outputFrom[ordinal + 1];
                int needs = block[o];
                int starts = block[o + 1];
                o += 2;
                for (int to = o + 2 * needs; o < to; o += 2) {
                    found.need(block[o], i + 1 - block[o + 1]);
                }
                for (int to = o + 2 * starts; o < to; o += 2) {
                    found.patternStart(block[o], i + 1 - block[o + 1]);
                }
                while (o < last) {
                    int lengthEdges = block[o];
                    int to = o + 2 + block[o + 1];
                    int begin = i + 1 - (lengthEdges & 0xFFFF);
                    boolean boundary = Matches.atWordBoundary(chars, n, begin, i + 1, lengthEdges >>> 16);
                    int from = Matches.numberStart(chars, begin, lengthEdges >>> 16);
                    for (o += 2; o < to; o++) {
                        found.target(block[o] & 0xF, block[o] >>> 4, from, i + 1, boundary);
                    }
                }
            }
        }
        wording.end(grams, n);
    }

    /**
     * The library's transition on a (dense, non-zero) code: a child sits at its parent's base plus the code, if
     * check says it is its; otherwise follow the failure links, down to the root. Shared with {@link Gazetteer}.
     *
     * @param transitions base and check side by side ({@link #transitions})
     */
    static int next(int[] transitions, int[] fail, int state, char c) {
        int base = transitions[2 * state];
        int next = base + c + 1;
        while (transitions[2 * next + 1] != base) {
            if (state == 0) {
                return 0;
            }
            state = fail[state];
            base = transitions[2 * state];
            next = base + c + 1;
        }
        return next;
    }

    /** Equal when every array the scan reads is: a stored automaton against a fresh build. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PhraseAutomaton a && Arrays.equals(code, a.code)
                && Arrays.equals(transitions, a.transitions) && Arrays.equals(fail, a.fail) && Arrays.deepEquals(output, a.output)
                && Arrays.equals(l, a.l) && Arrays.equals(phrases(), a.phrases()) && size == a.size
                && Arrays.equals(firstTarget, a.firstTarget) && Arrays.equals(targetKind, a.targetKind)
                && Arrays.equals(targetIndex, a.targetIndex) && Arrays.equals(wordEdges, a.wordEdges)
                && Arrays.equals(hasOutput, a.hasOutput);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(transitions), Arrays.hashCode(firstTarget));
    }
}
