package org.jobguard.checker;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule set turned into one Aho-Corasick automaton over every normalized phrase and cue, plus the
 * structural regexes. Immutable; a rule toggle builds a new one.
 */
final class CompiledRules {
    /** What a phrase in the automaton stands for: a rule (by index), a context cue, or where a pattern may start. */
    record Target(Kind kind, int rule) {
        enum Kind { RULE, NEGATION, AWARENESS, RECRUITING, LEGITIMACY, PATTERN_START }
    }

    /** One occurrence in the normalized text, [start, end) in UTF-16 units of the normalized text. */
    record Hit(Target target, int start, int end) {
    }

    private final RuleSet ruleSet;
    private final List<Rule> rules;
    private final AhoCorasickDoubleArrayTrie<Target[]> automaton;
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<Integer> patternRule = new ArrayList<>();
    /** per pattern: whether the automaton reports where it may start; if not, it is tried everywhere */
    private final List<Boolean> patternGated = new ArrayList<>();

    CompiledRules(RuleSet ruleSet, Normalizer normalizer) {
        this.ruleSet = ruleSet;
        this.rules = ruleSet.rules();
        Map<String, List<Target>> phrases = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (!r.enabled()) {
                continue;
            }
            for (String p : r.phrases()) {
                add(phrases, normalizer, p, new Target(Target.Kind.RULE, i));
            }
            for (Pattern pattern : r.patterns()) {
                int index = patterns.size();
                patterns.add(pattern);
                patternRule.add(i);
                List<String> starts = pattern.flags() == 0
                        ? RegexTrigger.prefixes(pattern.pattern()).orElse(List.of()) : List.of();
                // a prefix the normalizer would change cannot be found in normalized text: try everywhere
                boolean gated = !starts.isEmpty() && starts.stream()
                        .allMatch(s -> normalizer.normalize(s).text().equals(s));
                patternGated.add(gated);
                if (gated) {
                    starts.forEach(s -> phrases.computeIfAbsent(s, k -> new ArrayList<>(1))
                            .add(new Target(Target.Kind.PATTERN_START, index)));
                }
            }
        }
        ContextCues cues = ruleSet.context();
        cues.negation().forEach(p -> add(phrases, normalizer, p, new Target(Target.Kind.NEGATION, -1)));
        cues.awareness().forEach(p -> add(phrases, normalizer, p, new Target(Target.Kind.AWARENESS, -1)));
        cues.recruiting().forEach(p -> add(phrases, normalizer, p, new Target(Target.Kind.RECRUITING, -1)));
        cues.legitimacy().forEach(p -> add(phrases, normalizer, p, new Target(Target.Kind.LEGITIMACY, -1)));
        TreeMap<String, Target[]> sorted = new TreeMap<>();
        phrases.forEach((k, v) -> sorted.put(k, v.toArray(new Target[0])));
        automaton = new AhoCorasickDoubleArrayTrie<>();
        if (!sorted.isEmpty()) {
            automaton.build(sorted);
        }
    }

    private static void add(Map<String, List<Target>> phrases, Normalizer normalizer, String phrase, Target t) {
        String key = normalizer.normalize(phrase).text().trim();
        if (!key.isEmpty()) {
            phrases.computeIfAbsent(key, k -> new ArrayList<>(1)).add(t);
        }
    }

    RuleSet ruleSet() {
        return ruleSet;
    }

    Rule rule(int index) {
        return rules.get(index);
    }

    /** All hits in order of start; Latin phrases only at word boundaries. */
    List<Hit> match(String text) {
        List<Hit> hits = new ArrayList<>();
        List<List<Integer>> starts = new ArrayList<>(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            starts.add(null);
        }
        if (automaton.size() > 0) {
            automaton.parseText(text, (begin, end, targets) -> {
                boolean boundary = atWordBoundary(text, begin, end);
                for (Target t : targets) {
                    if (t.kind() == Target.Kind.PATTERN_START) {
                        List<Integer> at = starts.get(t.rule());
                        if (at == null) {
                            at = new ArrayList<>(2);
                            starts.set(t.rule(), at);
                        }
                        at.add(begin);
                    } else if (boundary) {
                        hits.add(new Hit(t, begin, end));
                    }
                }
            });
        }
        for (int i = 0; i < patterns.size(); i++) {
            Matcher m = null;
            if (!patternGated.get(i)) {
                m = patterns.get(i).matcher(text);
                if (!m.find()) {
                    continue;
                }
            } else if (starts.get(i) != null) {
                m = firstMatchAt(patterns.get(i), text, starts.get(i));
            }
            if (m != null && m.end() > m.start()) {
                hits.add(new Hit(new Target(Target.Kind.RULE, patternRule.get(i)), m.start(), m.end()));
            }
        }
        hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        return hits;
    }

    /** The leftmost match among the candidate starts; the regex still sees the text around them. */
    private static Matcher firstMatchAt(Pattern pattern, String text, List<Integer> candidates) {
        candidates.sort(null);
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int last = -1;
        for (int at : candidates) {
            if (at == last) {
                continue;
            }
            last = at;
            m.region(at, text.length());
            if (m.lookingAt()) {
                return m;
            }
        }
        return null;
    }

    private static boolean atWordBoundary(String text, int begin, int end) {
        return !(isWordChar(text.charAt(begin)) && begin > 0 && isWordChar(text.charAt(begin - 1)))
                && !(isWordChar(text.charAt(end - 1)) && end < text.length() && isWordChar(text.charAt(end)));
    }

    private static boolean isWordChar(char c) {
        return (c < 0x250 && Character.isLetterOrDigit(c));
    }
}
