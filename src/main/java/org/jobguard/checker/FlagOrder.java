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

    /** The orders; one sort loop asks {@link #after} with a switch the JIT inlines, not a comparator per order. */
    private enum Order { START, START_ONLY, SEVERITY }

    /** By start, of equal starts the longer (later end) first: text order, a containing flag before its parts. */
    static void byStart(List<RedFlag> flags) {
        sort(flags, Order.START);
    }

    /** By start alone, for quotes. */
    static void byStartOnly(List<RedFlag> flags) {
        sort(flags, Order.START_ONLY);
    }

    /** Strongest severity first, of equal severity in text order. */
    static void bySeverity(List<RedFlag> flags) {
        sort(flags, Order.SEVERITY);
    }

    private static void sort(List<RedFlag> flags, Order order) {
        for (int i = 1; i < flags.size(); i++) {
            RedFlag f = flags.get(i);
            int j = i;
            while (j > 0 && after(flags.get(j - 1), f, order)) {
                flags.set(j, flags.get(j - 1));
                j--;
            }
            if (j != i) {
                flags.set(j, f);
            }
        }
    }

    /** Whether {@code a} belongs after {@code b}: only then does the stable sort move it. */
    private static boolean after(RedFlag a, RedFlag b, Order order) {
        return switch (order) {
            case START -> a.start() != b.start() ? a.start() > b.start() : a.end() < b.end();
            case START_ONLY -> a.start() > b.start();
            case SEVERITY -> a.severity() != b.severity()
                    ? a.severity().compareTo(b.severity()) < 0 : a.start() > b.start();
        };
    }
}
