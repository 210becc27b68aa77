package org.jobguard.checker;

import java.util.List;

/**
 * The orders a verdict's flags are put in, by a stable insertion sort: a check sorts its few flags (eight in a bench
 * message) three or four times, and List.sort's merge sort called its comparator through a call site every sort in
 * the JVM shares, which the JIT cannot inline; a profile put it at 2 % of a check. Stable, like List.sort, so flags
 * that compare equal keep their order and verdicts stay the same.
 */
final class FlagOrder {
    private FlagOrder() {
    }

    /** By start, of equal starts the longer (later end) first: text order, a containing flag before its parts. */
    static void byStart(List<RedFlag> flags) {
        for (int i = 1; i < flags.size(); i++) {
            RedFlag f = flags.get(i);
            int j = i;
            while (j > 0 && startsAfter(flags.get(j - 1), f)) {
                flags.set(j, flags.get(j - 1));
                j--;
            }
            if (j != i) {
                flags.set(j, f);
            }
        }
    }

    /** By start alone, for quotes. */
    static void byStartOnly(List<RedFlag> flags) {
        for (int i = 1; i < flags.size(); i++) {
            RedFlag f = flags.get(i);
            int j = i;
            while (j > 0 && flags.get(j - 1).start() > f.start()) {
                flags.set(j, flags.get(j - 1));
                j--;
            }
            if (j != i) {
                flags.set(j, f);
            }
        }
    }

    /** Strongest severity first, of equal severity in text order. */
    static void bySeverity(List<RedFlag> flags) {
        for (int i = 1; i < flags.size(); i++) {
            RedFlag f = flags.get(i);
            int j = i;
            while (j > 0 && weakerOrLater(flags.get(j - 1), f)) {
                flags.set(j, flags.get(j - 1));
                j--;
            }
            if (j != i) {
                flags.set(j, f);
            }
        }
    }

    /** Whether {@code a} comes after {@code b} by start, then longer first. */
    private static boolean startsAfter(RedFlag a, RedFlag b) {
        return a.start() != b.start() ? a.start() > b.start() : a.end() < b.end();
    }

    /** Whether {@code a} comes after {@code b} by severity (stronger first), then start. */
    private static boolean weakerOrLater(RedFlag a, RedFlag b) {
        return a.severity() != b.severity() ? a.severity().compareTo(b.severity()) < 0 : a.start() > b.start();
    }
}
