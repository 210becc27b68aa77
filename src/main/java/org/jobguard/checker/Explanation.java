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
        List<Span> spans = new ArrayList<>();
        for (int order = 0; order < flags.size(); order++) {
            RedFlag f = flags.get(order);
            Span s = new Span(order, f.start(), f.end(), f.evidence());
            // a joined span can reach one that neither part reached, so join until nothing more joins
            for (int i = 0; i < spans.size(); ) {
                Span joined = spans.get(i).join(s);
                if (joined == null) {
                    i++;
                } else {
                    spans.remove(i);
                    s = joined;
                    i = 0;
                }
            }
            spans.add(s);
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

        /** One span covering both, or null when they neither overlap nor touch or cannot be joined letter for letter. */
        Span join(Span o) {
            if (o.start > end || start > o.end || !exact() || !o.exact()) {
                return null;
            }
            Span first = start <= o.start ? this : o;
            Span second = first == this ? o : this;
            int order = Math.min(order(), o.order());
            if (second.end <= first.end) {
                return new Span(order, first.start, first.end, first.text);
            }
            int from = second.text.offsetByCodePoints(0, first.end - second.start);
            return new Span(order, first.start, second.end, first.text + second.text.substring(from));
        }
    }
}
