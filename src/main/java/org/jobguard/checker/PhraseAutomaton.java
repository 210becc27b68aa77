package org.jobguard.checker;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.Map;
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
final class PhraseAutomaton extends AhoCorasickDoubleArrayTrie<CompiledRules.Target[]> {
    /** Dense code of each character, 0 for characters that occur in no phrase. */
    private final char[] code = new char[0x10000];
    /** The library keeps values in an Object[] typed V[]; read through that type, each access would fail a cast. */
    private final Object[] values;

    PhraseAutomaton(TreeMap<String, CompiledRules.Target[]> phrases) {
        Map<Character, Integer> uses = new TreeMap<>();
        for (String phrase : phrases.keySet()) {
            for (int i = 0; i < phrase.length(); i++) {
                uses.merge(phrase.charAt(i), 1, Integer::sum);
            }
        }
        char next = 1;
        for (Map.Entry<Character, Integer> e : uses.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).toList()) {
            code[e.getKey()] = next++;
        }
        TreeMap<String, CompiledRules.Target[]> encoded = new TreeMap<>();
        phrases.forEach((phrase, targets) -> encoded.put(encode(phrase), targets));
        if (!encoded.isEmpty()) {
            build(encoded);
        }
        values = encoded.isEmpty() ? new Object[0] : (Object[]) (Object) v;
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
            int[] hits = output[state];
            if (hits != null) {
                for (int hit : hits) {
                    found.phrase((CompiledRules.Target[]) values[hit], i + 1 - l[hit], i + 1);
                }
            }
        }
    }
}
