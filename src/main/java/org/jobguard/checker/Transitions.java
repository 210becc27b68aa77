package org.jobguard.checker;

/**
 * The goto and failure functions of the library's double-array Aho-Corasick trie, laid out for the scan: each
 * state's base and check side by side in one array, so that the base a step reads sits in the cache line of the
 * check the step before read for the same state. Kept as three arrays, as the library does, a step cost one more
 * miss into the second level cache: the arrays are about a megabyte, and most characters of a message take a step.
 * Derived from the library's arrays after a build or a read; nothing of it is stored.
 */
final class Transitions {
    /** base of state s at [2s], check of slot s at [2s + 1] */
    private final int[] baseCheck;
    private final int[] fail;

    Transitions(int[] base, int[] check, int[] fail) {
        int n = base == null ? 0 : base.length;
        baseCheck = new int[2 * n];
        for (int s = 0; s < n; s++) {
            baseCheck[2 * s] = base[s];
            baseCheck[2 * s + 1] = check[s];
        }
        this.fail = fail;
    }

    /**
     * The library's transition on a (dense, non-zero) code: a child sits at its parent's base plus the code, if
     * check says it is its; otherwise follow the failure links, down to the root.
     */
    int next(int state, char c) {
        int[] bc = baseCheck;
        int base = bc[2 * state];
        int next = base + c + 1;
        while (bc[2 * next + 1] != base) {
            if (state == 0) {
                return 0;
            }
            state = fail[state];
            base = bc[2 * state];
            next = base + c + 1;
        }
        return next;
    }
}
