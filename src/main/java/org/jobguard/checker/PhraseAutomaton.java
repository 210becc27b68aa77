package org.jobguard.checker;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.TreeMap;

/**
 * The library's double-array Aho-Corasick automaton with a scan written for this checker: hits go straight into
 * {@link CompiledRules.Matches} instead of through the library's callback interface (shared with the place
 * finder, so its call site is megamorphic), and a character that occurs in no phrase sends the automaton to
 * its root at once instead of walking the failure links down. Most characters of a message are such characters.
 */
final class PhraseAutomaton extends AhoCorasickDoubleArrayTrie<CompiledRules.Target[]> {
    private final boolean[] alphabet = new boolean[0x10000];
    /** The library keeps values in an Object[] typed V[]; read through that type, each access would fail a cast. */
    private final Object[] values;

    PhraseAutomaton(TreeMap<String, CompiledRules.Target[]> phrases) {
        if (!phrases.isEmpty()) {
            build(phrases);
        }
        values = phrases.isEmpty() ? new Object[0] : (Object[]) (Object) v;
        for (String phrase : phrases.keySet()) {
            for (int i = 0; i < phrase.length(); i++) {
                alphabet[phrase.charAt(i)] = true;
            }
        }
    }

    /** Every phrase occurrence in {@code text}, reported in order of its end. */
    void scan(String text, CompiledRules.Matches found) {
        if (size() == 0) {
            return;
        }
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!alphabet[c]) {
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
