package org.jobguard.checker;

import java.util.ArrayList;
import java.util.Arrays;
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
    /**
     * What a phrase in the automaton stands for: a rule (by index), a context cue (with an id unique per cue
     * text, so a cue repeated in a message counts once), or where a pattern (by index) may start.
     */
    record Target(Kind kind, int index) {
        enum Kind { RULE, NEGATION, AWARENESS, RECRUITING, LEGITIMACY, PATTERN_START }
    }

    private final RuleSet ruleSet;
    private final List<Rule> rules;
    private final PhraseAutomaton automaton;
    private final Pattern[] patterns;
    private final int[] patternRule;
    /** per pattern: whether the automaton reports where it may start; if not, it is tried everywhere */
    private final boolean[] patternGated;
    private final int cueCount;
    private final ThreadLocal<Matcher[]> matchers;

    CompiledRules(RuleSet ruleSet, Normalizer normalizer) {
        this.ruleSet = ruleSet;
        this.rules = ruleSet.rules();
        Map<String, List<Target>> phrases = new HashMap<>();
        List<Pattern> patternList = new ArrayList<>();
        List<Integer> ruleOfPattern = new ArrayList<>();
        List<Boolean> gatedList = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (!r.enabled()) {
                continue;
            }
            for (String p : r.phrases()) {
                add(phrases, normalizer, p, Target.Kind.RULE, i);
            }
            for (Pattern pattern : r.patterns()) {
                int index = patternList.size();
                patternList.add(pattern);
                ruleOfPattern.add(i);
                List<String> starts = pattern.flags() == 0
                        ? RegexTrigger.prefixes(pattern.pattern()).orElse(List.of()) : List.of();
                // a prefix the normalizer would change cannot be found in normalized text: try everywhere
                boolean gated = !starts.isEmpty() && starts.stream()
                        .allMatch(s -> normalizer.normalize(s).text().equals(s));
                gatedList.add(gated);
                if (gated) {
                    starts.forEach(s -> phrases.computeIfAbsent(s, k -> new ArrayList<>(1))
                            .add(new Target(Target.Kind.PATTERN_START, index)));
                }
            }
        }
        ContextCues cues = ruleSet.context();
        int[] cueIds = {0};
        cues.negation().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.NEGATION, cueIds));
        cues.awareness().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.AWARENESS, cueIds));
        cues.recruiting().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.RECRUITING, cueIds));
        cues.legitimacy().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.LEGITIMACY, cueIds));
        this.cueCount = cueIds[0];
        this.patterns = patternList.toArray(new Pattern[0]);
        this.patternRule = ruleOfPattern.stream().mapToInt(Integer::intValue).toArray();
        this.matchers = ThreadLocal.withInitial(() -> new Matcher[patterns.length]);
        this.patternGated = new boolean[gatedList.size()];
        for (int i = 0; i < patternGated.length; i++) {
            patternGated[i] = gatedList.get(i);
        }
        TreeMap<String, Target[]> sorted = new TreeMap<>();
        phrases.forEach((k, v) -> sorted.put(k, v.toArray(new Target[0])));
        automaton = new PhraseAutomaton(sorted);
    }

    /** A Traditional and a Simplified spelling often normalize to one key: it is reported once per rule. */
    private static void add(Map<String, List<Target>> phrases, Normalizer normalizer, String phrase, Target.Kind kind,
                            int index) {
        String key = normalizer.normalize(phrase).text().trim();
        if (!key.isEmpty()) {
            List<Target> targets = phrases.computeIfAbsent(key, k -> new ArrayList<>(1));
            Target t = new Target(kind, index);
            if (!targets.contains(t)) {
                targets.add(t);
            }
        }
    }

    private static void addCue(Map<String, List<Target>> phrases, Normalizer normalizer, String phrase,
                               Target.Kind kind, int[] nextId) {
        String key = normalizer.normalize(phrase).text().trim();
        if (key.isEmpty()) {
            return;
        }
        List<Target> targets = phrases.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (targets.stream().noneMatch(t -> t.kind() == kind)) {
            targets.add(new Target(kind, nextId[0]++));
        }
    }

    RuleSet ruleSet() {
        return ruleSet;
    }

    Rule rule(int index) {
        return rules.get(index);
    }

    int ruleCount() {
        return rules.size();
    }

    /** Every rule hit, negation cue and distinct context cue in the text; Latin phrases only at word boundaries. */
    Matches match(String text) {
        Matches found = new Matches(text, cueCount, patterns.length);
        automaton.scan(text, found);
        int[][] starts = found.patternStarts;
        int[] startCounts = found.patternStartCounts;
        Matcher[] reusable = matchers.get();
        for (int i = 0; i < patterns.length; i++) {
            Matcher m = null;
            if (!patternGated[i]) {
                m = matcher(reusable, i, text);
                if (!m.find()) {
                    continue;
                }
            } else if (starts[i] != null) {
                m = firstMatchAt(matcher(reusable, i, text), text, starts[i], startCounts[i]);
            }
            if (m != null && m.end() > m.start()) {
                found.addRule(patternRule[i], m.start(), m.end());
            }
            if (m != null) {
                // a message must not stay reachable from a thread after its check
                m.reset("");
            }
        }
        return found;
    }

    /**
     * What one text matched, kept in flat arrays because a message has dozens of hits and this runs for every
     * message. Offsets are UTF-16 indices of the normalized text, [start, end).
     */
    static final class Matches {
        int[] rule = new int[32];
        int[] ruleStart = new int[32];
        int[] ruleEnd = new int[32];
        int rules;
        int[] negationStart = new int[4];
        int[] negationEnd = new int[4];
        int negations;
        int awareness;
        int recruiting;
        int legitimacy;
        final int[][] patternStarts;
        final int[] patternStartCounts;
        private final long[] seenCues;
        private final String text;

        Matches(String text, int cueCount, int patternCount) {
            this.text = text;
            seenCues = new long[(cueCount + 63) / 64];
            patternStarts = new int[patternCount][];
            patternStartCounts = new int[patternCount];
        }

        /** A phrase of the automaton at [begin, end): Latin phrases count only at word boundaries. */
        void phrase(Target[] targets, int begin, int end) {
            boolean boundary = atWordBoundary(text, begin, end);
            for (Target t : targets) {
                if (t.kind() == Target.Kind.PATTERN_START) {
                    patternStart(t.index(), begin);
                } else if (boundary) {
                    add(t, begin, end);
                }
            }
        }

        private void patternStart(int p, int begin) {
            if (patternStarts[p] == null) {
                patternStarts[p] = new int[4];
            } else if (patternStartCounts[p] == patternStarts[p].length) {
                patternStarts[p] = Arrays.copyOf(patternStarts[p], patternStartCounts[p] * 2);
            }
            patternStarts[p][patternStartCounts[p]++] = begin;
        }

        private void add(Target t, int start, int end) {
            switch (t.kind()) {
                case RULE -> addRule(t.index(), start, end);
                case NEGATION -> addNegation(start, end);
                case AWARENESS -> awareness += firstTime(t.index());
                case RECRUITING -> recruiting += firstTime(t.index());
                case LEGITIMACY -> legitimacy += firstTime(t.index());
                default -> { }
            }
        }

        void addRule(int index, int start, int end) {
            if (rules == rule.length) {
                rule = Arrays.copyOf(rule, rules * 2);
                ruleStart = Arrays.copyOf(ruleStart, rules * 2);
                ruleEnd = Arrays.copyOf(ruleEnd, rules * 2);
            }
            rule[rules] = index;
            ruleStart[rules] = start;
            ruleEnd[rules++] = end;
        }

        private void addNegation(int start, int end) {
            if (negations == negationStart.length) {
                negationStart = Arrays.copyOf(negationStart, negations * 2);
                negationEnd = Arrays.copyOf(negationEnd, negations * 2);
            }
            negationStart[negations] = start;
            negationEnd[negations++] = end;
        }

        private int firstTime(int cue) {
            long bit = 1L << (cue & 63);
            if ((seenCues[cue >>> 6] & bit) != 0) {
                return 0;
            }
            seenCues[cue >>> 6] |= bit;
            return 1;
        }
    }

    /** A matcher per pattern and thread, reset for each text: creating one costs more than most matches. */
    private Matcher matcher(Matcher[] reusable, int pattern, String text) {
        Matcher m = reusable[pattern];
        if (m == null) {
            m = patterns[pattern].matcher(text);
            reusable[pattern] = m;
        } else {
            m.reset(text);
        }
        return m;
    }

    /** The leftmost match among the candidate starts; the regex still sees the text around them. */
    private static Matcher firstMatchAt(Matcher m, String text, int[] candidates, int count) {
        Arrays.sort(candidates, 0, count);
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int last = -1;
        for (int k = 0; k < count; k++) {
            int at = candidates[k];
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
