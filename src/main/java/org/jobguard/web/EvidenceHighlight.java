package org.jobguard.web;

import org.jobguard.checker.RedFlag;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits the original text into plain and flagged pieces. Flags carry Unicode code point offsets
 * (DESIGN.md section 7) while Java strings index UTF-16 units, so every offset is converted, and
 * clamped, before slicing; overlapping flags split the text at every boundary.
 */
public final class EvidenceHighlight {

    /** One piece of the text; {@code flags} is empty for plain text, else the flags covering it, by severity. */
    public record Segment(String text, List<RedFlag> flags) {
        public boolean marked() {
            return !flags.isEmpty();
        }

        /** The strongest severity among the covering flags, for the CSS class. */
        public String severity() {
            return flags.stream().map(RedFlag::severity).max(Enum::compareTo).map(s -> s.id()).orElse("");
        }
    }

    private EvidenceHighlight() {
    }

    public static List<Segment> split(String text, List<RedFlag> flags) {
        int codePoints = text.codePointCount(0, text.length());
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, codePoints));
        List<int[]> spans = new ArrayList<>();
        for (RedFlag f : flags) {
            int s = clamp(f.start(), codePoints);
            int e = clamp(f.end(), codePoints);
            if (e > s) {
                cuts.add(s);
                cuts.add(e);
            }
            spans.add(new int[]{s, e});
        }
        List<Segment> out = new ArrayList<>();
        Integer prev = null;
        int prevChar = 0;
        for (int cut : cuts) {
            int cutChar = text.offsetByCodePoints(0, cut);
            if (prev != null && cut > prev) {
                List<RedFlag> covering = new ArrayList<>();
                for (int i = 0; i < flags.size(); i++) {
                    int[] sp = spans.get(i);
                    if (sp[0] <= prev && sp[1] >= cut && sp[1] > sp[0]) {
                        covering.add(flags.get(i));
                    }
                }
                String piece = text.substring(prevChar, cutChar);
                if (!out.isEmpty() && covering.isEmpty() && !out.get(out.size() - 1).marked()) {
                    Segment last = out.remove(out.size() - 1);
                    out.add(new Segment(last.text() + piece, List.of()));
                } else {
                    out.add(new Segment(piece, List.copyOf(covering)));
                }
            }
            prev = cut;
            prevChar = cutChar;
        }
        return out;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }
}
