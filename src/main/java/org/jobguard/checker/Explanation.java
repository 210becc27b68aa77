package org.jobguard.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One explanation of a verdict with every phrase it covers: rules of one category share their explanation, and a
 * parent should read "someone is asking for money to release a person" once, with its quotes, not once per rule.
 * Quotes of one explanation that overlap or touch are one quote: two rules that each found part of "他们要四万块才放人"
 * would otherwise be quoted as "他们要四万" and "万块才放人", a phrase cut in two with a character shown twice.
 *
 * @param messageKey the explanation's key in {@code messages/}
 * @param strongest  its first flag in the verdict's order, which is strongest first
 * @param quotes     the distinct quotes, in the order their flags come
 */
public record Explanation(String messageKey, RedFlag strongest, List<String> quotes) {

    public Explanation {
        quotes = List.copyOf(quotes);
    }

    /** The verdict's explanations in the order of their first flags. */
    public static List<Explanation> of(Verdict v) {
        Map<String, List<RedFlag>> byKey = new LinkedHashMap<>();
        for (RedFlag f : v.flags()) {
            byKey.computeIfAbsent(v.explanationKey(f), k -> new ArrayList<>()).add(f);
        }
        List<Explanation> out = new ArrayList<>(byKey.size());
        byKey.forEach((key, flags) -> out.add(new Explanation(key, flags.get(0), quotes(flags))));
        return out;
    }

    private static List<String> quotes(List<RedFlag> flags) {
        List<Span> joinable = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (int order = 0; order < flags.size(); order++) {
            RedFlag f = flags.get(order);
            Span s = new Span(order, f.start(), f.end(), f.evidence());
            (s.exact() ? joinable : spans).add(s);
        }
        // one sweep in text order joins every run of overlapping or touching spans
        joinable.sort(Comparator.comparingInt(Span::start));
        Span run = null;
        for (Span s : joinable) {
            if (run != null && s.start() <= run.end()) {
                run = run.join(s);
            } else {
                if (run != null) {
                    spans.add(run);
                }
                run = s;
            }
        }
        if (run != null) {
            spans.add(run);
        }
        spans.sort(Comparator.comparingInt(Span::order));
        List<String> quotes = new ArrayList<>();
        for (Span s : spans) {
            if (!quotes.contains(s.text)) {
                quotes.add(s.text);
            }
        }
        return quotes;
    }

    /** A quote, where it stands in the original text (in code points), and the first flag it quotes. */
    private record Span(int order, int start, int end, String text) {
        /** Whether the text is exactly the original's code points from start to end, so that two can be joined. */
        boolean exact() {
            return end > start && text.codePointCount(0, text.length()) == end - start;
        }

        /** This span run on with {@code next}, which starts inside it or where it ends. */
        Span join(Span next) {
            int order = Math.min(order(), next.order());
            if (next.end <= end) {
                return new Span(order, start, end, text);
            }
            int from = next.text.offsetByCodePoints(0, end - next.start);
            return new Span(order, start, next.end, text + next.text.substring(from));
        }
    }
}
