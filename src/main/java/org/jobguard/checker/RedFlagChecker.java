package org.jobguard.checker;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads one message and says, with evidence, how much it looks like recruitment into a scam compound
 * (DESIGN.md section 2). Pure: no I/O. Thread-safe; the rule set can be swapped while checks run.
 *
 * <p>Scoring, by category (never by raw hit count): a weak category is worth 1 point, a medium one 2;
 * 1 point is low, 2 medium, 3 or more high. A strong category is high alone. Reassurance next to a risky
 * destination is high ("nothing illegal" about a job in Myawaddy is the classic lure). Signs of a lawful
 * employer take a point off messages that only have weak flags. A text that reads like a warning about
 * scams rather than an offer is capped at low.
 */
public final class RedFlagChecker {
    /** Negation must sit right before the phrase; English needs room for "will never ask you to". */
    private static final int NEGATION_WINDOW_CJK = 6;
    private static final int NEGATION_WINDOW_LATIN = 20;
    private static final String CLAUSE_END = "。.!?！？;；\n";
    private static final int MAX_ADVICE = 4;

    private final Normalizer normalizer;
    private final LanguageGuess languageGuess;
    private final IndicatorExtractor indicators;
    private final ConfirmedPatterns confirmed;
    private final AtomicReference<CompiledRules> compiled = new AtomicReference<>();

    public RedFlagChecker(RuleSet rules, ConfirmedPatterns confirmed) {
        this(rules, new Normalizer(), confirmed);
    }

    public RedFlagChecker(RuleSet rules, Normalizer normalizer, ConfirmedPatterns confirmed) {
        this.normalizer = normalizer;
        this.languageGuess = new LanguageGuess(normalizer.table());
        this.indicators = new IndicatorExtractor();
        this.confirmed = confirmed;
        this.compiled.set(new CompiledRules(rules, normalizer));
    }

    /** Replaces the rules, e.g. after a moderator toggled one; checks in flight finish on the old set. */
    public void reconfigure(RuleSet rules) {
        compiled.set(new CompiledRules(rules, normalizer));
    }

    public RuleSet rules() {
        return compiled.get().ruleSet();
    }

    public Normalizer normalizer() {
        return normalizer;
    }

    public Verdict check(String text) {
        return check(text, Optional.empty());
    }

    public Verdict check(String text, Optional<Language> forced) {
        String original = text == null ? "" : text;
        Language language = forced.orElseGet(() -> languageGuess.guess(original));
        NormalizedText normalized = normalizer.normalize(original);
        List<Indicator> found = indicators.extract(original);
        if (normalized.isBlank()) {
            return new Verdict(Risk.NONE, 0, language, Verdict.Kind.EMPTY, List.of(), found, List.of(), List.of(), null);
        }
        CompiledRules rules = compiled.get();
        List<CompiledRules.Hit> hits = rules.match(normalized.text());

        Context context = context(hits, normalized.text());
        Map<String, RedFlag> flagsByRule = new LinkedHashMap<>();
        Set<String> shadow = new LinkedHashSet<>();
        List<CompiledRules.Hit> negations = hits.stream()
                .filter(h -> h.target().kind() == CompiledRules.Target.Kind.NEGATION).toList();
        for (CompiledRules.Hit h : hits) {
            if (h.target().kind() != CompiledRules.Target.Kind.RULE) {
                continue;
            }
            Rule rule = rules.rule(h.target().rule());
            if (flagsByRule.containsKey(rule.id()) || shadow.contains(rule.id())
                    || negated(h, negations, normalized)) {
                continue;
            }
            if (rule.shadow()) {
                shadow.add(rule.id());
                continue;
            }
            int[] span = normalized.originalSpan(h.start(), h.end());
            flagsByRule.put(rule.id(), new RedFlag(rule.id(), rule.category(), rule.severity(),
                    normalized.originalSlice(span[0], span[1]), span[0], span[1], rule.messageKey()));
        }
        List<RedFlag> flags = dropContained(new ArrayList<>(flagsByRule.values()));

        Map<Category, Severity> categories = new EnumMap<>(Category.class);
        for (RedFlag f : flags) {
            categories.merge(f.category(), f.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        Verdict.Kind kind = context.awareness() ? Verdict.Kind.AWARENESS
                : categories.containsKey(Category.RANSOM) ? Verdict.Kind.RANSOM : Verdict.Kind.MESSAGE;

        int score = 0;
        boolean strong = false;
        boolean mediumOrStrong = false;
        for (Map.Entry<Category, Severity> e : categories.entrySet()) {
            switch (e.getValue()) {
                case WEAK -> score += 1;
                case MEDIUM -> {
                    score += 2;
                    mediumOrStrong = true;
                }
                case STRONG -> {
                    score += 3;
                    strong = true;
                    mediumOrStrong = true;
                }
            }
        }
        if (categories.containsKey(Category.RISKY_DESTINATION) && categories.containsKey(Category.REASSURANCE)) {
            strong = true;
        }
        if (!mediumOrStrong && !strong && context.legitimacy() > 0 && score > 1) {
            score -= Math.min(context.legitimacy(), score - 1);
        }
        Risk risk = strong || score >= 3 ? Risk.HIGH : score == 2 ? Risk.MEDIUM : score == 1 ? Risk.LOW : Risk.NONE;

        PatternMatch known = null;
        if (kind != Verdict.Kind.AWARENESS) {
            known = confirmed.nearest(normalized.text()).orElse(null);
            if (known != null) {
                risk = Risk.HIGH;
            }
        }
        if (kind == Verdict.Kind.AWARENESS && risk.atLeast(Risk.LOW)) {
            risk = Risk.LOW;
        }
        sortBySeverity(flags);
        return new Verdict(risk, score, language, kind, flags, found, advice(rules.ruleSet(), kind, risk, flags),
                List.copyOf(shadow), known);
    }

    private record Context(boolean awareness, int legitimacy) {
    }

    private static Context context(List<CompiledRules.Hit> hits, String text) {
        // distinct cues by their text, so one cue repeated counts once
        Set<String> awareness = new LinkedHashSet<>();
        Set<String> recruiting = new LinkedHashSet<>();
        Set<String> legitimacy = new LinkedHashSet<>();
        for (CompiledRules.Hit h : hits) {
            String cue = text.substring(h.start(), h.end());
            switch (h.target().kind()) {
                case AWARENESS -> awareness.add(cue);
                case RECRUITING -> recruiting.add(cue);
                case LEGITIMACY -> legitimacy.add(cue);
                default -> { }
            }
        }
        // a recruiter may say "beware of scams" too; only a text mostly about scams counts as a warning
        boolean isWarning = awareness.size() >= 2 && awareness.size() > 2 * recruiting.size();
        return new Context(isWarning, legitimacy.size());
    }

    private static boolean negated(CompiledRules.Hit phrase, List<CompiledRules.Hit> negations, NormalizedText text) {
        for (CompiledRules.Hit n : negations) {
            if (n.end() > phrase.start() || n.start() >= phrase.start()) {
                continue;
            }
            int gap = phrase.start() - n.end();
            boolean latin = phrase.start() < text.text().length() && text.text().charAt(phrase.start()) < 0x250;
            if (gap > (latin ? NEGATION_WINDOW_LATIN : NEGATION_WINDOW_CJK)) {
                continue;
            }
            String between = text.text().substring(n.end(), phrase.start());
            if (between.chars().noneMatch(c -> CLAUSE_END.indexOf(c) >= 0)
                    && !clauseBreakInOriginal(text, n.end(), phrase.start())) {
                return true;
            }
        }
        return false;
    }

    /** Punctuation between two CJK characters is dropped by the normalizer, so look at the original. */
    private static boolean clauseBreakInOriginal(NormalizedText text, int from, int to) {
        if (from <= 0 || to <= from) {
            return false;
        }
        int cpFrom = text.source()[from - 1] + 1;
        int cpTo = text.source()[to];
        if (cpTo <= cpFrom) {
            return false;
        }
        String original = text.originalSlice(cpFrom, cpTo);
        return original.chars().anyMatch(c -> CLAUSE_END.indexOf(c) >= 0 || c == '，' || c == ',');
    }

    /** "包吃包住包机票" also contains "包吃包住": keep the longer evidence of the same category only once. */
    private static List<RedFlag> dropContained(List<RedFlag> flags) {
        List<RedFlag> kept = new ArrayList<>();
        for (RedFlag f : flags) {
            boolean inside = flags.stream().anyMatch(o -> o != f && o.category() == f.category()
                    && o.start() <= f.start() && o.end() >= f.end() && (o.end() - o.start()) > (f.end() - f.start()));
            if (!inside) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static void sortBySeverity(List<RedFlag> flags) {
        flags.sort((a, b) -> a.severity() != b.severity() ? b.severity().compareTo(a.severity())
                : Integer.compare(a.start(), b.start()));
    }

    private static List<String> advice(RuleSet rules, Verdict.Kind kind, Risk risk, List<RedFlag> flags) {
        Set<String> keys = new LinkedHashSet<>();
        switch (kind) {
            case RANSOM -> keys.addAll(rules.adviceFor("ransom"));
            case AWARENESS -> keys.addAll(rules.adviceFor("awareness"));
            default -> { }
        }
        if (kind != Verdict.Kind.AWARENESS) {
            for (RedFlag f : flags) {
                keys.addAll(rules.adviceFor(f.category().id()));
            }
            if (risk.atLeast(Risk.LOW)) {
                keys.addAll(rules.adviceFor("default"));
            }
        }
        return keys.stream().limit(MAX_ADVICE).toList();
    }
}
