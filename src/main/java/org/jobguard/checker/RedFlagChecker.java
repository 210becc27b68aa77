package org.jobguard.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private static final int MAX_ADVICE = 4;
    private static final int CATEGORY_COUNT = Category.values().length;

    private final Normalizer normalizer;
    private final IndicatorExtractor indicators;
    private final ConfirmedPatterns confirmed;
    private final AtomicReference<CompiledRules> compiled = new AtomicReference<>();

    public RedFlagChecker(RuleSet rules, ConfirmedPatterns confirmed) {
        this(rules, new Normalizer(), confirmed);
    }

    public RedFlagChecker(RuleSet rules, Normalizer normalizer, ConfirmedPatterns confirmed) {
        this.normalizer = normalizer;
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
        NormalizedText normalized = normalizer.normalize(original);
        Language language = forced.orElse(normalized.language());
        List<Indicator> found = indicators.extract(original);
        if (normalized.isBlank()) {
            return new Verdict(Risk.NONE, 0, language, Verdict.Kind.EMPTY, List.of(), found, List.of(), List.of(), null);
        }
        CompiledRules rules = compiled.get();
        Matches matches = rules.match(normalized);
        boolean awareness = matches.awareness >= 2 && matches.awareness > 2 * matches.recruiting;
        List<RedFlag> flags = dropContained(flags(rules, matches, normalized));
        List<String> shadow = shadowHits(rules, matches);

        // the worst severity per category, by ordinal
        Severity[] categories = new Severity[CATEGORY_COUNT];
        for (RedFlag f : flags) {
            Severity worst = categories[f.category().ordinal()];
            if (worst == null || f.severity().compareTo(worst) > 0) {
                categories[f.category().ordinal()] = f.severity();
            }
        }
        Verdict.Kind kind = awareness ? Verdict.Kind.AWARENESS
                : categories[Category.RANSOM.ordinal()] != null ? Verdict.Kind.RANSOM : Verdict.Kind.MESSAGE;

        int score = 0;
        boolean strong = false;
        boolean mediumOrStrong = false;
        for (Severity severity : categories) {
            if (severity == null) {
                continue;
            }
            switch (severity) {
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
        if (categories[Category.RISKY_DESTINATION.ordinal()] != null
                && categories[Category.REASSURANCE.ordinal()] != null) {
            strong = true;
        }
        if (!mediumOrStrong && !strong && matches.legitimacy > 0 && score > 1) {
            score -= Math.min(matches.legitimacy, score - 1);
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
        return new Verdict(risk, score, language, kind, flags, found, advice(rules, kind, risk, flags),
                shadow, known);
    }

    /** Per rule its best evidence (see {@link Matches}), in text order; shadow rules are left out. */
    private static List<RedFlag> flags(CompiledRules rules, Matches m, NormalizedText normalized) {
        List<RedFlag> flags = new ArrayList<>();
        for (int r = 0; r < rules.ruleCount(); r++) {
            Rule rule = rules.rule(r);
            if (!m.hit(r) || rule.shadow()) {
                continue;
            }
            int[] span = normalized.originalSpan(m.start(r), m.end(r));
            flags.add(new RedFlag(rule.id(), rule.category(), rule.severity(),
                    normalized.originalSlice(span[0], span[1]), span[0], span[1], rule.messageKey()));
        }
        flags.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        return flags;
    }

    /** Shadow rules that fired, in order of their evidence; most messages fire none. */
    private static List<String> shadowHits(CompiledRules rules, Matches m) {
        List<String> ids = List.of();
        int[] starts = null;
        for (int r = 0; r < rules.ruleCount(); r++) {
            if (!m.hit(r) || !rules.rule(r).shadow()) {
                continue;
            }
            if (starts == null) {
                ids = new ArrayList<>();
                starts = new int[rules.ruleCount()];
            }
            // insertion keeps rules with equal starts in rule order
            int at = ids.size();
            while (at > 0 && starts[at - 1] > m.start(r)) {
                starts[at] = starts[at - 1];
                at--;
            }
            starts[at] = m.start(r);
            ids.add(at, rules.rule(r).id());
        }
        return ids;
    }

    /**
     * "包吃包住包机票" also contains "包吃包住": keep the longer evidence of the same category only once. The flags come
     * sorted by start, longest first, so a flag that contains another comes before it.
     */
    private static List<RedFlag> dropContained(List<RedFlag> flags) {
        List<RedFlag> kept = new ArrayList<>(flags.size());
        for (int i = 0; i < flags.size(); i++) {
            RedFlag f = flags.get(i);
            boolean inside = false;
            for (int j = 0; j < i; j++) {
                RedFlag o = flags.get(j);
                if (o.category() == f.category() && o.end() >= f.end()
                        && (o.end() - o.start()) > (f.end() - f.start())) {
                    inside = true;
                    break;
                }
            }
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

    /** The advice keys of the verdict's kind and flags, most important first, each once. */
    private static List<String> advice(CompiledRules rules, Verdict.Kind kind, Risk risk, List<RedFlag> flags) {
        List<String> keys = new ArrayList<>(MAX_ADVICE);
        switch (kind) {
            case RANSOM -> addAdvice(keys, rules.ransomAdvice());
            case AWARENESS -> addAdvice(keys, rules.awarenessAdvice());
            default -> { }
        }
        if (kind != Verdict.Kind.AWARENESS) {
            for (RedFlag f : flags) {
                addAdvice(keys, rules.advice(f.category()));
            }
            if (risk.atLeast(Risk.LOW)) {
                addAdvice(keys, rules.defaultAdvice());
            }
        }
        return keys;
    }

    private static void addAdvice(List<String> keys, List<String> more) {
        for (String key : more) {
            if (keys.size() < MAX_ADVICE && !keys.contains(key)) {
                keys.add(key);
            }
        }
    }
}
