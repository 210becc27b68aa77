package org.jobguard.checker;

import java.util.ArrayList;
import java.util.List;
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
        enum Kind { RULE, NEGATION, AWARENESS, RECRUITING, LEGITIMACY, PATTERN_START, PATTERN_NEED, NARRATIVE, OFFER, OFFSHORE }
    }

    private final RuleSet ruleSet;
    private final List<Rule> rules;
    /**
     * per rule: whether it is a shadow rule, and whether a concept; asked of every rule several times per check, where
     * a look through the list and the rule record cost more than these arrays
     */
    private final boolean[] shadow;
    private final boolean[] concept;
    private final PhraseAutomaton automaton;
    private final Pattern[] patterns;
    private final int[] patternRule;
    /** per pattern: whether the automaton reports where it may start; if not, it is tried everywhere */
    private final boolean[] patternGated;
    /** the patterns tried everywhere, ascending */
    private final int[] ungated;
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
    private final List<String> maybeHeldAdvice;
    private final List<String> defaultAdvice;
    private final List<String> shortTextAdvice;
    /** results per thread, reused: a fresh set of arrays per message cost more than filling them */
    private final ThreadLocal<Matches> results;

    /** The shipped rules come compiled in the jar; other rules are compiled here (see {@link CompiledRulesImage}). */
    CompiledRules(RuleSet ruleSet, Normalizer normalizer) {
        this(ruleSet, CompiledRulesImage.of(ruleSet, normalizer));
    }

    /** @param image compiled from {@code ruleSet}: its patterns are those of the enabled rules, in rule order */
    CompiledRules(RuleSet ruleSet, CompiledRulesImage image) {
        this.ruleSet = ruleSet;
        this.rules = ruleSet.rules();
        this.shadow = new boolean[rules.size()];
        this.concept = new boolean[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            shadow[r] = rules.get(r).shadow();
            concept[r] = rules.get(r).concept();
        }
        List<Pattern> patternList = new ArrayList<>();
        List<Integer> ruleOfPattern = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.enabled()) {
                for (Pattern pattern : r.patterns()) {
                    patternList.add(pattern);
                    ruleOfPattern.add(i);
                }
            }
        }
        this.patterns = patternList.toArray(new Pattern[0]);
        this.patternRule = ruleOfPattern.stream().mapToInt(Integer::intValue).toArray();
        this.automaton = image.automaton;
        this.patternGated = image.patternGated;
        this.ungated = java.util.stream.IntStream.range(0, patternGated.length).filter(p -> !patternGated[p]).toArray();
        this.patternNeeds = image.patternNeeds;
        this.prefixLength = image.prefixLength;
        this.needCount = image.needCount;
        this.cueCount = image.cueCount;
        this.matchers = ThreadLocal.withInitial(() -> new Matcher[patterns.length]);
        this.results = ThreadLocal.withInitial(() -> new Matches(this));
        this.categoryAdvice = java.util.Arrays.stream(Category.values()).map(c -> ruleSet.adviceFor(c.id())).toList();
        this.ransomAdvice = ruleSet.adviceFor("ransom");
        this.awarenessAdvice = ruleSet.adviceFor("awareness");
        this.maybeHeldAdvice = ruleSet.adviceFor("maybe_held");
        this.defaultAdvice = ruleSet.adviceFor("default");
        this.shortTextAdvice = ruleSet.adviceFor("short_text");
    }

    RuleSet ruleSet() {
        return ruleSet;
    }

    List<String> advice(Category category) {
        return categoryAdvice.get(category.ordinal());
    }

    /** For a line or two that shows little risk: what was checked may be a piece cut from a longer ad or chat. */
    List<String> shortTextAdvice() {
        return shortTextAdvice;
    }

    List<String> ransomAdvice() {
        return ransomAdvice;
    }

    List<String> awarenessAdvice() {
        return awarenessAdvice;
    }

    List<String> maybeHeldAdvice() {
        return maybeHeldAdvice;
    }

    List<String> defaultAdvice() {
        return defaultAdvice;
    }

    Rule rule(int index) {
        return rules.get(index);
    }

    boolean shadow(int rule) {
        return shadow[rule];
    }

    boolean concept(int rule) {
        return concept[rule];
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

    /** {@link #match(NormalizedText, Wording, Wording.Grams, Gazetteer.Walk)} for a caller that needs no more. */
    Matches match(NormalizedText normalized) {
        return match(normalized, new Wording(8), new Wording.Grams(), null);
    }

    /**
     * Every rule's best evidence, the negation cues and the distinct context cues in the text; Latin phrases only
     * at word boundaries. Valid until the calling thread's next match with these rules. In the same pass the text's
     * n-grams are read into {@code grams} and, unless it is null, the gazetteer's walk {@code places} is stepped over
     * the text (see {@link PhraseAutomaton#scan}).
     */
    Matches match(NormalizedText normalized, Wording wording, Wording.Grams grams, Gazetteer.Walk places) {
        Matches found = results.get().start(normalized);
        try {
            automaton.scan(normalized.text(), found, wording, grams, places);
            runPatterns(normalized.text(), found);
        } finally {
            found.finish();
        }
        return found;
    }

    /**
     * Runs, in pattern order, the patterns tried everywhere and those the automaton gave a start in this text: a few of
     * them, so the work per message follows its hits, not the number of patterns.
     */
    private void runPatterns(String text, Matches found) {
        Matcher[] reusable = matchers.get();
        int[] started = found.startedPatterns();
        int startedCount = found.sortStartedPatterns();
        for (int a = 0, b = 0; a < ungated.length || b < startedCount; ) {
            int i = b == startedCount || a < ungated.length && ungated[a] < started[b] ? ungated[a++] : started[b++];
            Matcher m;
            long span;
            if (!patternGated[i]) {
                m = matcher(reusable, i, text);
                span = m.find() ? span(m.start(), m.end()) : NO_MATCH;
            } else {
                int count = found.candidateCount(i);
                if (count == 0) {
                    continue;
                }
                m = matcher(reusable, i, text);
                span = firstMatchAt(m, text, found, i, count);
            }
            found.tried(i);
            int start = (int) (span >>> 32);
            int end = (int) span;
            if (span != NO_MATCH && end > start) {
                found.rule(patternRule[i], start, end);
            }
            // a message must not stay reachable from a thread after its check
            m.reset("");
        }
    }

    private static final long NO_MATCH = -1;

    private static long span(int start, int end) {
        return ((long) start << 32) | end;
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

    /**
     * The leftmost match among the candidate starts, as {@link #span}, or {@link #NO_MATCH}; the regex still sees
     * the text around them. A later candidate inside that match, in a later clause, which matches and ends no later
     * quotes the same words without the clause before them, and is taken instead: "money. Pay 40,000 to release"
     * is better quoted from "Pay", and the normalizer drops the punctuation between Han characters that would have
     * ended a gap such as {@code 到[^，。]{0,10}?签} at the clause, so "月薪2到3万，到了再签" matches from its first 到.
     */
    private static long firstMatchAt(Matcher m, String text, Matches found, int pattern, int count) {
        m.useTransparentBounds(true).useAnchoringBounds(false);
        for (int k = 0; k < count; k++) {
            int at = found.candidate(pattern, k);
            if (k > 0 && at == found.candidate(pattern, k - 1)) {
                continue;
            }
            m.region(at, text.length());
            if (m.lookingAt()) {
                int start = at;
                int end = m.end();
                for (int j = k + 1; j < count && found.candidate(pattern, j) < end; j++) {
                    int inner = found.candidate(pattern, j);
                    if (inner == start || !found.clauseBreak(start, inner)) {
                        continue;
                    }
                    m.region(inner, text.length());
                    if (m.lookingAt() && m.end() <= end) {
                        start = inner;
                        end = m.end();
                    }
                }
                return span(start, end);
            }
        }
        return NO_MATCH;
    }
}
