package org.jobguard.checker;

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
    /**
     * What a phrase in the automaton stands for: a rule (by index), a context cue (with an id unique per cue
     * text, so a cue repeated in a message counts once), where a pattern (by index) may start, or one of the
     * literals a pattern's match must contain (by requirement id).
     */
    record Target(Kind kind, int index) {
        enum Kind { RULE, NEGATION, AWARENESS, RECRUITING, LEGITIMACY, PATTERN_START, PATTERN_NEED }
    }

    /** see {@link #rarity} */
    private static final int RARE_ENOUGH = 3;

    private final RuleSet ruleSet;
    private final List<Rule> rules;
    private final PhraseAutomaton automaton;
    private final Pattern[] patterns;
    private final int[] patternRule;
    /** per pattern: whether the automaton reports where it may start; if not, it is tried everywhere */
    private final boolean[] patternGated;
    /** per pattern: the ids of the requirements its match must meet after its prefix */
    private final int[][] patternNeeds;
    /** per pattern: the length of its shortest prefix, which its match has before any required literal */
    private final int[] prefixLength;
    private final int needCount;
    private final int cueCount;
    private final ThreadLocal<Matcher[]> matchers;
    /** advice keys per category ordinal: looked up for every flag of every verdict, by string they cost a hash each */
    private final List<List<String>> categoryAdvice;
    private final List<String> ransomAdvice;
    private final List<String> awarenessAdvice;
    private final List<String> defaultAdvice;
    /** results per thread, reused: a fresh set of arrays per message cost more than filling them */
    private final ThreadLocal<Matches> results;

    CompiledRules(RuleSet ruleSet, Normalizer normalizer) {
        this.ruleSet = ruleSet;
        this.rules = ruleSet.rules();
        Map<String, List<Target>> phrases = new HashMap<>();
        List<Pattern> patternList = new ArrayList<>();
        List<Integer> ruleOfPattern = new ArrayList<>();
        List<Boolean> gatedList = new ArrayList<>();
        List<int[]> needsList = new ArrayList<>();
        List<Integer> prefixLengths = new ArrayList<>();
        int[] needIds = {0};
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
                needsList.add(gated ? addNeeds(phrases, pattern, needIds) : new int[0]);
                prefixLengths.add(starts.stream().mapToInt(String::length).min().orElse(0));
            }
        }
        ContextCues cues = ruleSet.context();
        int[] cueIds = {0};
        cues.negation().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.NEGATION, cueIds));
        cues.awareness().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.AWARENESS, cueIds));
        cues.recruiting().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.RECRUITING, cueIds));
        cues.legitimacy().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.LEGITIMACY, cueIds));
        this.cueCount = cueIds[0];
        this.patternNeeds = needsList.toArray(new int[0][]);
        this.prefixLength = prefixLengths.stream().mapToInt(Integer::intValue).toArray();
        this.needCount = needIds[0];
        this.patterns = patternList.toArray(new Pattern[0]);
        this.patternRule = ruleOfPattern.stream().mapToInt(Integer::intValue).toArray();
        this.matchers = ThreadLocal.withInitial(() -> new Matcher[patterns.length]);
        this.results = ThreadLocal.withInitial(() -> new Matches(this));
        this.patternGated = new boolean[gatedList.size()];
        for (int i = 0; i < patternGated.length; i++) {
            patternGated[i] = gatedList.get(i);
        }
        this.categoryAdvice = java.util.Arrays.stream(Category.values()).map(c -> ruleSet.adviceFor(c.id())).toList();
        this.ransomAdvice = ruleSet.adviceFor("ransom");
        this.awarenessAdvice = ruleSet.adviceFor("awareness");
        this.defaultAdvice = ruleSet.adviceFor("default");
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

    /**
     * Puts the literals a match of {@code pattern} must contain after its start ({@link RegexTrigger#requirements})
     * into the automaton, one id per requirement. The regex runs on the normalized text and the automaton reports
     * every occurrence there, so unlike a prefix a literal the normalizer would change needs no special case.
     */
    private static int[] addNeeds(Map<String, List<Target>> phrases, Pattern pattern, int[] nextId) {
        List<List<String>> all = RegexTrigger.requirements(pattern.pattern());
        List<List<String>> kept = new ArrayList<>();
        List<String> rarest = null;
        for (List<String> literals : all) {
            if (rarity(literals) >= RARE_ENOUGH) {
                kept.add(literals);
            }
            if (rarest == null || rarity(literals) > rarity(rarest)) {
                rarest = literals;
            }
        }
        if (kept.isEmpty() && rarest != null) {
            kept.add(rarest);
        }
        int[] ids = new int[kept.size()];
        for (int r = 0; r < ids.length; r++) {
            Target need = new Target(Target.Kind.PATTERN_NEED, nextId[0]++);
            ids[r] = need.index();
            for (String s : kept.get(r)) {
                List<Target> targets = phrases.computeIfAbsent(s, k -> new ArrayList<>(1));
                if (!targets.contains(need)) {
                    targets.add(need);
                }
            }
        }
        return ids;
    }

    /**
     * How seldom a requirement's literals occur, by the shortest of them, a Han character counting as three letters.
     * Every occurrence of a literal is a hit the scan must handle, and a requirement such as "a" or "to" is met by
     * nearly every English message anyway: such requirements are left out unless a pattern has no better one.
     */
    private static int rarity(List<String> literals) {
        int shortest = Integer.MAX_VALUE;
        for (String literal : literals) {
            int weight = 0;
            for (int i = 0; i < literal.length(); i++) {
                weight += literal.charAt(i) < 0x2E80 ? 1 : 3;
            }
            shortest = Math.min(shortest, weight);
        }
        return shortest;
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

    List<String> advice(Category category) {
        return categoryAdvice.get(category.ordinal());
    }

    List<String> ransomAdvice() {
        return ransomAdvice;
    }

    List<String> awarenessAdvice() {
        return awarenessAdvice;
    }

    List<String> defaultAdvice() {
        return defaultAdvice;
    }

    Rule rule(int index) {
        return rules.get(index);
    }

    int ruleCount() {
        return rules.size();
    }

    int cueCount() {
        return cueCount;
    }

    int patternCount() {
        return patterns.length;
    }

    int patternRule(int pattern) {
        return patternRule[pattern];
    }

    int[] patternNeeds(int pattern) {
        return patternNeeds[pattern];
    }

    int prefixLength(int pattern) {
        return prefixLength[pattern];
    }

    int needCount() {
        return needCount;
    }

    /**
     * Every rule's best evidence, the negation cues and the distinct context cues in the text; Latin phrases only
     * at word boundaries. Valid until the calling thread's next match with these rules.
     */
    Matches match(NormalizedText normalized) {
        Matches found = results.get().start(normalized);
        try {
            automaton.scan(normalized.text(), found);
            runPatterns(normalized.text(), found);
        } finally {
            found.finish();
        }
        return found;
    }

    private void runPatterns(String text, Matches found) {
        Matcher[] reusable = matchers.get();
        for (int i = 0; i < patterns.length; i++) {
            Matcher m;
            boolean matched;
            if (!patternGated[i]) {
                m = matcher(reusable, i, text);
                matched = m.find();
            } else {
                int count = found.candidateCount(i);
                if (count == 0) {
                    continue;
                }
                m = matcher(reusable, i, text);
                matched = firstMatchAt(m, text, found, i, count);
            }
            if (matched && m.end() > m.start()) {
                found.rule(patternRule[i], m.start(), m.end());
            }
            // a message must not stay reachable from a thread after its check
            m.reset("");
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

    /** Finds the leftmost match among the candidate starts; the regex still sees the text around them. */
    private static boolean firstMatchAt(Matcher m, String text, Matches found, int pattern, int count) {
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int last = -1;
        for (int k = 0; k < count; k++) {
            int at = found.candidate(pattern, k);
            if (at == last) {
                continue;
            }
            last = at;
            m.region(at, text.length());
            if (m.lookingAt()) {
                return true;
            }
        }
        return false;
    }
}
