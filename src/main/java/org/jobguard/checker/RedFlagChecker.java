package org.jobguard.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads one message and says, with evidence, how likely it is recruitment into a scam compound or a ransom demand
 * (DESIGN.md section 2). Pure: no I/O. Thread-safe; the rule set can be swapped while checks run.
 *
 * <p>The rules find and quote evidence; how evidence becomes a risk is learned ({@link RiskModel}, fitted by
 * {@code train} on the labelled corpora): a logistic model over the rules and categories that fired, pairs of
 * categories, the places named, context and discourse cues, contact points and hashed wording. Its calibrated
 * probability is cut into the risk bands. So the same weak signs (包住, 急招, 高薪) can mean little in a factory in
 * 深圳 and a lot next to 西港, as the labelled messages say.
 *
 * <p>Every risk above none stays explained: a verdict carries its rule flags, and when the wording weighed in, the
 * spans whose n-grams weighed most are quoted as {@link Category#WORDING} flags. A text that reads like a warning
 * (police, NGO, news, a survivor's story) gets the awareness reply and at most low risk, unless the model is sure;
 * a near-duplicate of a moderator-confirmed scam is high risk whatever the model says. Two floors stay from the
 * rules: a strong sign of control or irregular travel is at least medium (high when the model also says medium or
 * more; not where a phone handed in is all a chat at home says, nor where the model reads the text as ordinary), and
 * a ransom demand is high.
 */
public final class RedFlagChecker {
    /**
     * Below this probability a job in a compound hub with a lure is no floor: the model reads the whole text as
     * ordinary, and the floor would only repeat a phrase's alarm over it. In 5-fold cross-validation on 20,313 texts, 27
     * floored false alarms had less (8 chats such as a joke "你弟在我手上，拿两杯奶茶来赎人", a crime drama's recap, "HR
     * took our passports for the visa renewal, back Friday"; a job, 14 warnings, 4 other scams), against 4 offers and
     * demands; the medium threshold those false alarms had pushed up fell from 0.936 to 0.895. Raised from 0.4 once
     * short chats that share a strong sign's words were learned: on 21,231 texts, the floors between 0.4 and 0.5
     * flagged more jobs and chats than offers and demands, and recall at the same false alarms on jobs and chats went
     * 0.763 -> 0.777 (0.5 and 0.6 alike).
     */
    public static final double FLOOR_OVERRULED = 0.5;
    /**
     * {@link #FLOOR_OVERRULED} for a strong sign (a kept passport, a border crossed with someone to meet you, a ransom
     * demand). Its words are few and unambiguous, and the model's reading of a bare one drifts with each retraining:
     * "公司统一保管护照" read 0.69, then 0.6, 0.518 and, after 1,300 lines of recruiters' chat and held persons were
     * learned, 0.467, where it would have been low. On folds by batch of 31,245 messages, the floored texts the model
     * reads between 0.4 and 0.5 are 8 offers and demands against 2 jobs and no chat (and 6 warnings); between 0.3 and
     * 0.4, 2 against 3. Next to a lure (pay too good, a paid ticket) it was 0.4 already.
     */
    public static final double STRONG_SIGN_OVERRULED = 0.4;
    /** letters outside the flags from which a text has a context of its own ({@link #nothingButFlags}) */
    private static final int CONTEXT_LETTERS = 4;
    /**
     * The probability from which a text with a warning's cues is taken for what the model reads in it, not for a
     * warning. Recruiters borrow the warnings' voice ("唔好信網上啲園區新聞，我哋係泰國正規公司，包機票", "提醒大家小心假仲介！
     * 本公司合法立案…機票公司負擔，這週出發"), and the blind batch of such lines had two at 0.98 and 0.99 held at low. In
     * cross-validation on 18,031 lines, 1,291 texts are so cued; four reach 0.95: three offers or demands, one warning.
     */
    public static final double WARNING_OVERRULED = 0.95;
    /**
     * The words of a job ad (岗位, 薪资, 月休, salary, apply: the context's {@code offer} cues), at least this many
     * different ones, make a text a job ad, weighed against lawful ads ({@link RiskModel.Thresholds#adMedium}). One is
     * not enough: chat speaks of 工资 and "salary" too, and with one word chat false alarms rose in cross-validation.
     */
    private static final int AD_WORDS = 2;
    private static final int MAX_ADVICE = 4;
    /** code points under which a text with little risk is taken for a piece of something longer */
    private static final int SHORT_TEXT = 40;
    private static final int CATEGORY_COUNT = Category.values().length;
    private static final int MAX_CONTRIBUTIONS = 6;
    private static final java.util.Set<String> FLAGGED_COUNTRIES = java.util.Set.of("MM", "KH", "LA");
    private static final int MAX_WORDING_QUOTES = 2;
    private static final String FUNCTION_CHARACTERS = "的了是在有我你他她它们就都也还这那个么吗呢吧啊和与及或而但被把给对从到为以于之其所很会要来去人";
    /**
     * Per UTF-16 unit, whether it is an ideograph other than a function character: asked for every character of
     * every quote attempt, where {@link Character#isIdeographic} and a search of the function characters were a good
     * part of quoting's time (8 KB of bits).
     */
    private static final long[] READABLE_HAN = readableHan();
    private static final int MAX_WORDING_ATTEMPTS = 6;
    private static final int MAX_WORDING_QUOTE_LENGTH = 24;
    /** a clause longer than this (in code points) is no quick read: the quote stays the n-grams' span */
    private static final int MAX_CLAUSE_QUOTE = 12;
    /** marks that end a clause wherever they stand (a point, comma or colon only where no word goes on after it) */
    private static final String CLAUSE_MARKS = "，。、；;！!？?…“”「」『』【】《》()（）\"|｜：";
    /** how many of a message's strongest n-grams quoting keeps in order; taking more than this is rare */
    private static final int STRONGEST_GRAMS = 16;
    /** wording that moved the sum by less than this (in log-odds) is not worth a quote next to the rules' flags */
    private static final double WORDING_WORTH_QUOTING = 0.5;
    /**
     * concepts (money demanded, a release, a relative) that moved the sum by at least this (in log-odds) made the
     * risk, so they are quoted: otherwise a demand in words no rule lists would be "high" with nothing to show
     */
    private static final double CONCEPTS_WORTH_QUOTING = 0.75;
    private static final int MAX_CONCEPT_QUOTES = 3;
    /** how much the wording counts against the named features before regularisation; 0.3 and 3 did worse in CV */
    static final double WORDING_SCALE = 1.0;
    private static final String OFFSHORE_KEY = "flag.wording.offshore";
    private static final String HELD_KEY = "flag.ransom.held";
    private static final String MAYBE_HELD_KEY = "flag.ransom.maybe_held";
    /** How much the words of someone held must have added to the log-odds to be quoted below medium. */
    private static final double HELD_HINT_WORTH = 0.5;
    /** a compound hub (妙瓦底, KK园区, 西港) among the places a text names, as a bit of its zones */
    private static final int HUB = 1 << FeatureSpace.Zone.HUB.ordinal();
    private static final int AWAY = HUB | 1 << FeatureSpace.Zone.RISKY_COUNTRY.ordinal()
            | 1 << FeatureSpace.Zone.ABROAD.ordinal();

    /** Rules, their feature space and the model's weights on it: replaced together when a moderator toggles a rule. */
    private record Setup(CompiledRules rules, FeatureSpace space, MessageFeatures features, float[] weights,
                         boolean[] danger, int offerPart, int demandPart) {
        int parts() {
            return danger.length;
        }
    }

    /**
     * A message's weights toward danger: per part of the model, how much the log-odds move per unit of that part's
     * sum ({@link RiskModel#logOdds}), times the part's weight. For a model of one part, its weights as they are.
     *
     * @param slots the message's named features, {@code count} of them
     * @param named the weight of each of them ({@link #at}), worked out once: the verdict's steps that explain it
     *              (the strongest one, the offshore wording's, the concepts', the contributions) each went over them
     *              all again, at a multiplication per part
     */
    private record Local(float[] w, int parts, double[] slope, int[] slots, int count, double[] named) {
        static Local of(float[] w, double[] slope, int[] slots, int count) {
            Local local = new Local(w, slope.length, slope, slots, count, new double[count]);
            for (int i = 0; i < count; i++) {
                local.named[i] = local.at(slots[i]);
            }
            return local;
        }

        double at(int slot) {
            int base = slot * parts;
            double sum = 0;
            for (int k = 0; k < parts; k++) {
                sum += slope[k] * w[base + k];
            }
            return sum;
        }
    }

    private final Normalizer normalizer;
    private final IndicatorExtractor indicators;
    private final ConfirmedPatterns confirmed;
    private final RiskModel model;
    private final Places places;
    private final AtomicReference<Setup> setup = new AtomicReference<>();
    private final ThreadLocal<Wording.Grams> grams = ThreadLocal.withInitial(Wording.Grams::new);

    public RedFlagChecker(RuleSet rules, RiskModel model, ConfirmedPatterns confirmed) {
        this(rules, new Normalizer(), model, Places.NONE, confirmed);
    }

    public RedFlagChecker(RuleSet rules, Normalizer normalizer, RiskModel model, Places places,
                          ConfirmedPatterns confirmed) {
        this.normalizer = normalizer;
        this.indicators = new IndicatorExtractor();
        this.confirmed = confirmed;
        this.model = model;
        this.places = places;
        this.setup.set(setup(new CompiledRules(rules, normalizer)));
    }

    private Setup setup(CompiledRules rules) {
        FeatureSpace space = new FeatureSpace(rules.ruleSet().rules(), model.ngramBits());
        return new Setup(rules, space, new MessageFeatures(space), model.bind(space), model.danger(),
                partNamed("scam_recruit"), partNamed("ransom"));
    }

    /** The index of the model's part of that name, -1 where the model has none (a model of one sum). */
    private int partNamed(String name) {
        for (int k = 0; k < model.parts().size(); k++) {
            if (model.parts().get(k).name().equals(name)) {
                return k;
            }
        }
        return -1;
    }

    /** Replaces the rules, e.g. after a moderator toggled one; checks in flight finish on the old set. */
    public void reconfigure(RuleSet rules) {
        setup.set(setup(new CompiledRules(rules, normalizer)));
    }

    public RuleSet rules() {
        return setup.get().rules().ruleSet();
    }

    public Normalizer normalizer() {
        return normalizer;
    }

    public RiskModel model() {
        return model;
    }

    /** The feature space of the current rules: what a model fitted for them must name. */
    public FeatureSpace featureSpace() {
        return setup.get().space();
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
            return new Verdict(Risk.NONE, 0, 0, language, Verdict.Kind.EMPTY, List.of(), found, List.of(), List.of(),
                    null, List.of(), List.of());
        }
        Setup s = setup.get();
        CompiledRules rules = s.rules();
        Wording.Grams g = grams.get();
        Evidence e = evidence(s, normalized, g);
        dropInsideIndicators(g, normalized, found);
        Matches matches = e.matches();
        List<RedFlag> flags = e.flags();
        List<String> shadow = shadowHits(rules, matches);

        // the named features, each with its weight; few per message (a flagged one often has more than 32)
        float[] w = s.weights();
        int[][] slots = {new int[64]};
        int[] slotCount = {0};
        s.features().named(normalized, e.ruleHits(), flags, matches, e.zones(), found, language, slot -> {
            if (slotCount[0] == slots[0].length) {
                slots[0] = java.util.Arrays.copyOf(slots[0], 2 * slotCount[0]);
            }
            slots[0][slotCount[0]++] = slot;
        });
        int parts = s.parts();
        double[] z = sumWeights(w, parts, slots[0], slotCount[0], 0);
        boolean abroad = readAbroad(s, g, e.zones());
        double[] wordingByPart = wordingSums(s, g, abroad);
        for (int k = 0; k < parts; k++) {
            z[k] += wordingByPart[k];
        }
        double[] slope = new double[parts];
        double probability = model.probability(RiskModel.logOdds(s.danger(), z, slope));
        boolean cuedAwareness = probability < WARNING_OVERRULED && cuedAwareness(matches, flags, s.space());
        Local local = Local.of(w, slope, slots[0], slotCount[0]);
        double wording = 0;
        for (int k = 0; k < parts; k++) {
            wording += slope[k] * wordingByPart[k];
        }

        Risk risk = model.thresholds().band(probability, writtenAsAd(matches));
        if (risk == Risk.NONE && !flags.isEmpty()) {
            risk = Risk.LOW;
        }
        // a strong sign's floor is for what the model may underrate, not for what it reads as ordinary; a contract signed
        // on arrival in an offer (the seed story's recruiter) stays a floor whatever the model makes of its few words
        boolean strongSign = strongSignFloor(normalized, flags, matches, e.zones(), s.space())
                && (probability >= STRONG_SIGN_OVERRULED || nothingButFlags(normalized, flags));
        boolean ransom = false;
        for (RedFlag f : flags) {
            ransom |= f.category() == Category.RANSOM;
        }
        if (strongSign) {
            // a strong sign is medium on its own, and high once the rest of the message also reads as an offer, or
            // next to a lure (护照统一保管，月入3万: DESIGN.md's strong flag is high alone) or a contract signed only on
            // arrival: two signs of being taken, each already a floor of its own
            risk = risk.atLeast(Risk.MEDIUM) || lures(flags) || contractOnArrivalInAnOffer(normalized, flags, matches)
                    ? Risk.HIGH : Risk.MEDIUM;
        } else if (contractOnArrivalInAnOffer(normalized, flags, matches)) {
            // a contract signed only on arrival is medium on its own; where the job is a compound hub (妙瓦底, KK园区,
            // 西港) it is the seed story's offer, high whatever the model makes of its few words
            risk = (e.zones() & HUB) != 0 ? Risk.HIGH : risk.atLeast(Risk.MEDIUM) ? risk : Risk.MEDIUM;
        } else if (probability >= FLOOR_OVERRULED && lureInAHub(normalized, flags, matches, e.zones())) {
            // a job in a compound hub with a free ticket or pay too good ("Customer service job in Myawaddy, high pay,
            // free flight") is the textbook lure, medium at least however few its words
            risk = risk.atLeast(Risk.MEDIUM) ? risk : Risk.MEDIUM;
        } else if (risk.atLeast(Risk.MEDIUM) && onlyAPlace(flags, matches, e.ruleHits(), s.space())
                && !(risk == Risk.HIGH && wording >= WORDING_WORTH_QUOTING)) {
            risk = Risk.LOW;
        }
        if (risk == Risk.MEDIUM && (e.zones() & HUB) != 0 && luresOfThreeKinds(normalized, flags, matches)) {
            risk = Risk.HIGH;
        }
        // a demand is one where a ransom rule says so, or where the model reads it more as a demand than as an offer:
        // a go-between's "原价30个，降到18个，跑腿费另算" names no rule's words but is no job ad, and its reply must say
        // "do not pay", not "check the company". Only where the model itself sees some risk: below its low band both
        // parts are far below zero, and a lawful offer a floor made medium ("到了那边不会再签别的合同", 0.02) was told
        // that someone is held
        boolean demandLeads = model.thresholds().band(probability).atLeast(Risk.LOW)
                && s.demandPart() >= 0 && s.offerPart() >= 0 && z[s.demandPart()] > z[s.offerPart()];
        if (risk.atLeast(Risk.MEDIUM) && matches.offer == 0 && !lures(flags)) {
            List<RedFlag> concepts = conceptQuotes(s, local, normalized, flags, e.ruleHits(), matches, false,
                    demandLeads);
            if (!concepts.isEmpty()) {
                flags = new ArrayList<>(flags);
                flags.addAll(concepts);
                for (RedFlag f : concepts) {
                    ransom |= f.category() == Category.RANSOM;
                }
            }
        }
        // a warning quotes the lures but does not ask anyone to apply: below medium, its warning cues outnumber
        // the calls to get in touch
        Verdict.Kind kind = cuedAwareness
                || !risk.atLeast(Risk.MEDIUM) && matches.awareness > matches.recruiting && !flags.isEmpty()
                ? Verdict.Kind.AWARENESS
                : risk.atLeast(Risk.MEDIUM) && (ransom || demandLeads)
                ? Verdict.Kind.RANSOM : Verdict.Kind.MESSAGE;
        if (kind == Verdict.Kind.RANSOM) {
            // someone is being held now: there is no "medium" ransom demand
            risk = Risk.HIGH;
            if (!demandNamed(flags, matches, s.space())) {
                kind = Verdict.Kind.HELD;
            }
        }
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
        if (risk.atLeast(Risk.MEDIUM) && (flags.isEmpty() || wording >= WORDING_WORTH_QUOTING
                && wording >= strongestNamed(local))) {
            flags = new ArrayList<>(flags);
            weighGrams(s, local, g, abroad);
            flags.addAll(wordingQuotes(normalized, g, flags));
        }
        if (risk.atLeast(Risk.MEDIUM) && matches.offshore > 0
                && offshoreWeight(s.space(), local) >= WORDING_WORTH_QUOTING) {
            flags = offshoreQuotes(normalized, matches, flags);
        }
        if (risk.atLeast(Risk.MEDIUM) && flags.isEmpty() && known == null) {
            flags = conceptQuotes(s, local, normalized, flags, e.ruleHits(), matches, true, true);
            if (flags.isEmpty()) {
                // nothing a reader could check (a confirmed pattern is its own evidence): never medium without a quote
                risk = Risk.LOW;
            }
        }
        // only in the model's own low band: below it, "new number", "有保安" and "my fingers hurt" are what chats say
        if (model.thresholds().band(probability) == Risk.LOW && !risk.atLeast(Risk.MEDIUM)
                && kind == Verdict.Kind.MESSAGE && known == null && matches.offer == 0 && !lures(flags)) {
            List<RedFlag> hint = heldHint(s, local, normalized, e.ruleHits(), matches);
            if (!hint.isEmpty()) {
                flags = new ArrayList<>(flags);
                flags.addAll(hint);
                risk = Risk.LOW;
                kind = Verdict.Kind.MAYBE_HELD;
            }
        }
        if (risk == Risk.LOW && flags.isEmpty() && known == null) {
            // "low" tells a reader there are weak signs; with none to show, a score just above the line is no risk
            risk = Risk.NONE;
        }
        FlagOrder.bySeverity(flags);
        return new Verdict(risk, (int) Math.round(probability * 100), probability, language, kind, flags, found,
                advice(rules, kind, risk, flags, normalized.original()), shadow, known, contributions(s, local, wording),
                countriesNamed(e.named()));
    }

    /**
     * The features of one message as the model reads them, for fitting a model: the named ones at 1, the wording
     * buckets at their count over the square root of the message's n-gram count (so a long text does not outweigh
     * a short one by its length alone).
     */
    public FeatureVector features(String text) {
        NormalizedText normalized = normalizer.normalize(text == null ? "" : text);
        Setup s = setup.get();
        java.util.TreeMap<Integer, Double> values = new java.util.TreeMap<>();
        boolean atLeastMedium = false;
        boolean atMostLow = false;
        boolean warningCued = false;
        double overruledBelow = 0;
        boolean ad = false;
        if (!normalized.isBlank()) {
            Wording.Grams g = new Wording.Grams();
            Evidence e = evidence(s, normalized, g);
            List<Indicator> found = indicators.extract(normalized.original());
            dropInsideIndicators(g, normalized, found);
            boolean strongSign = strongSignFloor(normalized, e.flags(), e.matches(), e.zones(), s.space());
            boolean hub = lureInAHub(normalized, e.flags(), e.matches(), e.zones());
            boolean contract = contractOnArrivalInAnOffer(normalized, e.flags(), e.matches());
            atLeastMedium = strongSign || hub || contract;
            overruledBelow = contract || strongSign && nothingButFlags(normalized, e.flags()) ? 0
                    : strongSign ? STRONG_SIGN_OVERRULED : hub ? FLOOR_OVERRULED : 0;
            warningCued = cuedAwareness(e.matches(), e.flags(), s.space());
            atMostLow = onlyAPlace(e.flags(), e.matches(), e.ruleHits(), s.space());
            ad = writtenAsAd(e.matches());
            s.features().named(normalized, e.ruleHits(), e.flags(), e.matches(), e.zones(),
                    found, normalized.language(), slot -> values.put(slot, 1.0));
            boolean abroad = readAbroad(s, g, e.zones());
            double each = g.count == 0 ? 0 : WORDING_SCALE / Math.sqrt(readings(g, abroad));
            for (int i = 0; i < g.count; i++) {
                values.merge(s.space().ngramSlot(g.bucket[i]), each, Double::sum);
                if (abroad) {
                    values.merge(s.space().ngramSlot(g.abroad[i]), each, Double::sum);
                }
            }
        } else {
            values.put(s.space().bias, 1.0);
        }
        int[] slots = new int[values.size()];
        double[] v = new double[values.size()];
        int i = 0;
        for (var e : values.entrySet()) {
            slots[i] = e.getKey();
            v[i++] = e.getValue();
        }
        return new FeatureVector(slots, v, atLeastMedium, atMostLow, warningCued, overruledBelow, ad);
    }

    /**
     * A compound hub or a risky country the rules did not name ("缅 KK 项目", "Bavet") is evidence too: quoted as a
     * risky destination, so that a verdict resting on the place says which place. Only in Myanmar, Cambodia and Laos
     * (DESIGN.md), and in the Philippines for a message in Chinese: Manila, Makati or "the Philippines" are where a
     * Filipino works at home, so in English there the place is a feature the model weighs, not a flag.
     */
    private static List<RedFlag> withPlaces(List<RedFlag> flags, List<PlaceMention> mentions, NormalizedText normalized) {
        List<RedFlag> out = null;
        boolean chinese = normalized.language() != Language.EN;
        // one flag per place, like a rule's one best hit: a text that names a hub 5,000 times is not 5,000 reasons,
        // and every later step goes over the flags
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (PlaceMention m : mentions) {
            boolean flagged = FLAGGED_COUNTRIES.contains(m.country())
                    || chinese && Places.RISKY_ONLY_FOR_CHINESE.contains(m.country());
            if (!flagged || m.kind() != PlaceKind.HUB && m.kind() != PlaceKind.RISKY_COUNTRY || placed.contains(m.id())) {
                continue;
            }
            int[] span = normalized.originalSpan(m.start(), m.end());
            boolean known = false;
            for (RedFlag f : flags) {
                if (f.category() == Category.RISKY_DESTINATION && f.start() < span[1] && span[0] < f.end()) {
                    known = true;
                    break;
                }
            }
            if (known) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(flags);
            }
            placed.add(m.id());
            out.add(new RedFlag("place." + m.id(), Category.RISKY_DESTINATION, Severity.WEAK,
                    normalized.originalSlice(span[0], span[1]), span[0], span[1], Category.RISKY_DESTINATION.messageKey()));
        }
        if (out == null) {
            return flags;
        }
        FlagOrder.byStart(out);
        return out;
    }

    /**
     * What the rules and the gazetteer found in a message: the part of a check that scoring and training share.
     * {@code matches} is the thread's reused one, valid until its next check.
     */
    private record Evidence(Matches matches, List<RedFlag> flags, boolean[] ruleHits, int zones,
                            List<PlaceMention> named) {
    }

    /** The foreign countries named, hubs and risky countries first, each once. */
    private static List<String> countriesNamed(List<PlaceMention> named) {
        List<String> out = new ArrayList<>(2);
        for (int pass = 0; pass < 2; pass++) {
            for (PlaceMention m : named) {
                boolean risky = m.kind() == PlaceKind.HUB || m.kind() == PlaceKind.RISKY_COUNTRY;
                boolean wanted = pass == 0 ? risky : m.kind() == PlaceKind.ABROAD_OTHER;
                if (wanted && m.country() != null && !out.contains(m.country())) {
                    out.add(m.country());
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The rules' and the gazetteer's findings; the text's n-grams are read into {@code grams} on the way, and those
     * inside a flag's evidence let go of ({@link #dropInsideFlags}). The
     * gazetteer's automaton walks the text in the rules' scan, where the two walks wait on memory together (see
     * {@link PhraseAutomaton#scan}); other places (none, a test's) are asked afterwards.
     */
    private Evidence evidence(Setup s, NormalizedText normalized, Wording.Grams grams) {
        CompiledRules rules = s.rules();
        Gazetteer gazetteer = places instanceof Gazetteer g ? g : null;
        Gazetteer.Walk walk = gazetteer == null ? null : gazetteer.walk(normalized.text().length());
        Matches matches = rules.match(normalized, s.space().wording(), grams, walk);
        List<PlaceMention> named = walk != null ? gazetteer.find(normalized, walk) : places.find(normalized);
        List<RedFlag> flags = withPlaces(dropContained(flags(rules, matches, normalized)), named, normalized);
        dropInsideFlags(grams, normalized.source(), flags);
        return new Evidence(matches, flags, ruleHits(rules, matches),
                Places.zones(named, normalized.language() != Language.EN), named);
    }

    /**
     * Per rule whether it gave evidence; shadow rules are left out, and so is a concept inside another rule's evidence
     * ("pay" in "high pay" is the lure, not a demand).
     */
    private static boolean[] ruleHits(CompiledRules rules, Matches m) {
        boolean[] hits = new boolean[rules.ruleCount()];
        boolean concepts = false;
        for (int r = 0; r < hits.length; r++) {
            hits[r] = m.hit(r) && !rules.shadow(r);
            concepts |= hits[r] && rules.concept(r);
        }
        if (!concepts) {
            return hits;
        }
        // the rules other than concepts that gave evidence, listed once: a concept is looked for only inside them, not
        // in a pass over every rule per concept found
        int[] evidence = new int[hits.length];
        int evidenceCount = 0;
        for (int r = 0; r < hits.length; r++) {
            if (hits[r] && !rules.concept(r)) {
                evidence[evidenceCount++] = r;
            }
        }
        for (int r = 0; r < hits.length; r++) {
            if (!hits[r] || !rules.concept(r)) {
                continue;
            }
            for (int j = 0; j < evidenceCount && hits[r]; j++) {
                int q = evidence[j];
                hits[r] = !(m.start(q) <= m.start(r) && m.end(r) <= m.end(q));
            }
        }
        return hits;
    }

    /**
     * Lets go of the n-grams that stand wholly inside a flag's evidence ("包机票" inside 包机票, "到了再" inside
     * 到了再签合同): the flag already counts those words, and counted again as wording they learned where the lure is
     * most often written, which is in the warnings that quote it, so the seed offer's own words pulled it toward the
     * warnings. The wording is then what no rule lists, as it was meant to be.
     */
    private static void dropInsideFlags(Wording.Grams g, int[] source, List<RedFlag> flags) {
        if (flags.isEmpty() || g.count == 0) {
            return;
        }
        // an n-gram over [from, to) is inside some flag's evidence when the flags that start at or before from reach
        // to or beyond: per code point up to the last flag's start, how far those flags reach. One pass over the
        // n-grams, where asking every flag about every n-gram (hundreds of n-grams, a few flags) was a twelfth of a check
        int last = 0;
        for (int f = 0; f < flags.size(); f++) {
            last = Math.max(last, flags.get(f).start());
        }
        int[] reach = g.reach(last + 1);
        java.util.Arrays.fill(reach, 0, last + 1, Integer.MIN_VALUE);
        for (int f = 0; f < flags.size(); f++) {
            RedFlag flag = flags.get(f);
            reach[flag.start()] = Math.max(reach[flag.start()], flag.end());
        }
        for (int p = 1; p <= last; p++) {
            reach[p] = Math.max(reach[p], reach[p - 1]);
        }
        int kept = 0;
        for (int k = 0; k < g.count; k++) {
            int from = source[g.start[k]];
            int to = source[g.end[k] - 1] + 1;
            // past the last flag's start every flag starts at or before from
            boolean inside = reach[Math.min(from, last)] >= to;
            if (!inside) {
                g.move(k, kept++);
            }
        }
        g.count = kept;
    }

    /**
     * Lets go of the n-grams in a contact point, wholly or in part ("DM @hr": the pair of words reaches into it): a
     * handle, a link, a phone number, an e-mail address or a wallet names someone, it says nothing. Counted as wording, the corpora's stand-ins for them were learned: 1,052 offers in
     * the training corpus write a recruiter's handle as "@hr_kh_fake" and 17 lawful jobs do, so "fake" and "kh" weighed
     * towards an offer and were quoted to a worker as the words that made the risk ("kh_fake"). A real message's
     * handle carries no such word, and the model should not lean on one.
     */
    private static void dropInsideIndicators(Wording.Grams g, NormalizedText normalized, List<Indicator> found) {
        if (found.isEmpty() || g.count == 0) {
            return;
        }
        // covered[x]: how many characters of the original before x lie in a contact point, so that an n-gram touches one
        // when its span has any. A pasted page of handles has thousands of them: asking each about every n-gram was
        // quadratic in the text
        int n = normalized.original().length();
        int[] covered = g.reach(n + 1);
        java.util.Arrays.fill(covered, 0, n + 1, 0);
        for (Indicator indicator : found) {
            covered[indicator.start()]++;
            covered[indicator.end()]--;
        }
        int depth = 0;
        int before = 0;
        for (int p = 0; p < n; p++) {
            depth += covered[p];
            covered[p] = before;
            before += depth > 0 ? 1 : 0;
        }
        covered[n] = before;
        int[] source = normalized.source();
        int kept = 0;
        for (int k = 0; k < g.count; k++) {
            int from = normalized.charIndexOf(source[g.start[k]]);
            int to = normalized.charIndexOf(source[g.end[k] - 1] + 1);
            if (covered[to] == covered[from]) {
                g.move(k, kept++);
            }
        }
        g.count = kept;
    }

    /**
     * Whether the text names a place abroad (its {@code zones}), and if so its n-grams' second readings filled in
     * ({@link Wording#abroad}): the one decision checking and training share.
     */
    private static boolean readAbroad(Setup s, Wording.Grams g, int zones) {
        boolean abroad = (zones & AWAY) != 0;
        if (abroad) {
            s.space().wording().abroad(g);
        }
        return abroad;
    }

    /**
     * How many wording features a message's n-grams are: each once, and in a text that names a place abroad twice
     * ({@link Wording#abroad}).
     */
    private static int readings(Wording.Grams g, boolean abroad) {
        return abroad ? 2 * g.count : g.count;
    }

    /** Per part of the model, what the message's n-grams add to its sum. */
    private static double[] wordingSums(Setup s, Wording.Grams g, boolean abroad) {
        int parts = s.parts();
        double[] sum = sumWeights(s.weights(), parts, g.bucket, g.count, s.space().ngramSlot(0));
        if (abroad) {
            double[] again = sumWeights(s.weights(), parts, g.abroad, g.count, s.space().ngramSlot(0));
            for (int k = 0; k < parts; k++) {
                sum[k] += again[k];
            }
        }
        if (g.count > 0) {
            double scale = WORDING_SCALE / Math.sqrt(readings(g, abroad));
            for (int k = 0; k < parts; k++) {
                sum[k] *= scale;
            }
        }
        return sum;
    }

    /**
     * Per part, the sum of the weights of slots {@code offset + slots[i]} for the first {@code count} of {@code slots},
     * added in their order.
     */
    private static double[] sumWeights(float[] w, int parts, int[] slots, int count, int offset) {
        double[] sum = new double[parts];
        if (parts == 4) {
            // the model's four parts summed in locals: in an array each addition waited for the one before it to be
            // stored and read back, a wait per n-gram (hundreds in a message) and part; each sum still adds its
            // weights in the same order, so it is the same double
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < count; i++) {
                int base = (offset + slots[i]) * 4;
                s0 += w[base];
                s1 += w[base + 1];
                s2 += w[base + 2];
                s3 += w[base + 3];
            }
            sum[0] = s0;
            sum[1] = s1;
            sum[2] = s2;
            sum[3] = s3;
            return sum;
        }
        for (int i = 0; i < count; i++) {
            int base = (offset + slots[i]) * parts;
            for (int k = 0; k < parts; k++) {
                sum[k] += w[base + k];
            }
        }
        return sum;
    }

    /**
     * Each n-gram's weight toward danger in this message (both its readings in a text that names a place abroad), kept
     * with it for {@link #wordingQuotes}.
     */
    private static void weighGrams(Setup s, Local local, Wording.Grams g, boolean abroad) {
        int offset = s.space().ngramSlot(0);
        weighGrams(local, g, g.bucket, offset, false);
        if (abroad) {
            weighGrams(local, g, g.abroad, offset, true);
        }
    }

    /** The weights of {@code buckets}, kept as the n-grams' weights or, with {@code add}, added to them. */
    private static void weighGrams(Local local, Wording.Grams g, int[] buckets, int offset, boolean add) {
        if (local.parts() == 4) {
            // Local.at's sum for four parts, with the slopes in locals: a flagged message has hundreds of n-grams,
            // and the loop over the parts read the slopes again for each of them. The same additions in the same
            // order (from 0, which turns a product of -0 into 0 as Local.at does), so the same weights
            float[] w = local.w();
            double[] slope = local.slope();
            double s0 = slope[0];
            double s1 = slope[1];
            double s2 = slope[2];
            double s3 = slope[3];
            for (int i = 0; i < g.count; i++) {
                int base = (offset + buckets[i]) * 4;
                double sum = 0;
                sum += s0 * w[base];
                sum += s1 * w[base + 1];
                sum += s2 * w[base + 2];
                sum += s3 * w[base + 3];
                g.weight[i] = add ? g.weight[i] + (float) sum : (float) sum;
            }
            return;
        }
        for (int i = 0; i < g.count; i++) {
            float weight = (float) local.at(offset + buckets[i]);
            g.weight[i] = add ? g.weight[i] + weight : weight;
        }
    }

    /**
     * Quotes the wording that weighed most: the n-gram with the highest weight outside the rules' evidence, grown
     * over the n-grams that touch it and weigh at least a third as much; then the next best elsewhere. Works on the
     * message's n-grams, not per character, so a quote costs a pass over them. Reads the weights {@link #weighGrams}
     * kept with the n-grams.
     */
    private static List<RedFlag> wordingQuotes(NormalizedText normalized, Wording.Grams g, List<RedFlag> flags) {
        String text = normalized.text();
        int[] source = normalized.source();
        List<RedFlag> quotes = new ArrayList<>(MAX_WORDING_QUOTES);
        // a span too short to read ("卡", "2万") is passed over, not quoted: its place is taken and the next tried
        int[] taken = new int[2 * MAX_WORDING_ATTEMPTS];
        java.util.Arrays.fill(g.outsideFlags, 0, g.count, (byte) 0);
        int[] strongest = new int[STRONGEST_GRAMS];
        int strongestCount = strongest(g, strongest);
        for (int q = 0; q < MAX_WORDING_ATTEMPTS && quotes.size() < MAX_WORDING_QUOTES; q++) {
            int best = -1;
            for (int t = 0; t < strongestCount && best < 0; t++) {
                if (free(g, strongest[t], source, flags, taken, q)) {
                    best = strongest[t];
                }
            }
            if (best < 0 && strongestCount == STRONGEST_GRAMS) {
                // every one of the strongest is taken: look through them all
                float bestWeight = 0;
                for (int k = 0; k < g.count; k++) {
                    float c = g.weight[k];
                    if (c > bestWeight && free(g, k, source, flags, taken, q)) {
                        best = k;
                        bestWeight = c;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            float bestWeight = g.weight[best];
            int start = g.start[best];
            int end = g.end[best];
            float floor = bestWeight / 3;
            // the quote grows pass after pass; an n-gram joins only if it weighs at least the floor and the quote stays
            // within MAX_WORDING_QUOTE_LENGTH, and the quote always holds the best n-gram, so only n-grams ending
            // within that length of it can: n-grams come in the order of their ends, so those are a few dozen
            // neighbours of the best, picked out once, in order
            int[] heavy = g.window(4 * MAX_WORDING_QUOTE_LENGTH);
            int heavyCount = 0;
            int first = best;
            while (first > 0 && g.end[first - 1] > end - MAX_WORDING_QUOTE_LENGTH) {
                first--;
            }
            for (int k = first; k < g.count && g.end[k] <= start + MAX_WORDING_QUOTE_LENGTH; k++) {
                if (g.weight[k] >= floor) {
                    if (heavyCount == heavy.length) {
                        heavy = g.window(2 * heavyCount);
                    }
                    heavy[heavyCount++] = k;
                }
            }
            for (boolean grew = true; grew; ) {
                grew = false;
                for (int h = 0; h < heavyCount; h++) {
                    int k = heavy[h];
                    int gs = g.start[k];
                    int ge = g.end[k];
                    if ((gs < start || ge > end) && gs <= end && ge >= start
                            && Math.max(end, ge) - Math.min(start, gs) <= MAX_WORDING_QUOTE_LENGTH
                            && joinable(text, start, end, gs, ge) && free(g, k, source, flags, taken, q)) {
                        start = Math.min(start, gs);
                        end = Math.max(end, ge);
                        grew = true;
                    }
                }
            }
            if (oneLatinWord(text, start, end)) {
                // one English word says nothing a reader can check ("they", "police"), and its pairs may weigh under
                // the floor: the heaviest pair that holds it does ("they need", "tell police")
                int pair = -1;
                for (int h = first; h < g.count && g.end[h] <= start + MAX_WORDING_QUOTE_LENGTH; h++) {
                    if (g.start[h] <= start && g.end[h] >= end && g.end[h] - g.start[h] > end - start
                            && (pair < 0 || g.weight[h] > g.weight[pair]) && free(g, h, source, flags, taken, q)) {
                        pair = h;
                    }
                }
                if (pair >= 0) {
                    start = g.start[pair];
                    end = g.end[pair];
                }
            }
            taken[2 * q] = start;
            taken[2 * q + 1] = end;
            // whole words and numbers: "5,000 USD", not "000 USD"
            while (start > 0 && isWordChar(text.charAt(start - 1)) && isWordChar(text.charAt(start))) {
                start--;
            }
            while (end < text.length() && isWordChar(text.charAt(end - 1)) && isWordChar(text.charAt(end))) {
                end++;
            }
            int[] piece = piece(normalized, normalized.originalSpan(start, end), normalized.originalSpan(g.start[best],
                    g.end[best]));
            if (piece == null) {
                continue;
            }
            // judged readable once widened to its clause: "招人" or "来就行" alone says little, "搬砖 招人 懂的来" and
            // "东南亚 来钱快 年轻人 敢来就行" are what the reader is asked about; a short slangy offer whose every n-gram
            // is a common word had nothing to quote and, however sure the model, was shown as no risk
            int[] span = clause(normalized, piece, flags, quotes);
            int spanFrom = firstAtOrAfter(source, 0, text.length(), span[0]);
            if (!meaningful(text, spanFrom, firstAtOrAfter(source, spanFrom, text.length(), span[1]))) {
                continue;
            }
            quotes.add(new RedFlag("wording", Category.WORDING, Severity.WEAK,
                    normalized.originalSlice(span[0], span[1]), span[0], span[1], Category.WORDING.messageKey()));
        }
        FlagOrder.byStartOnly(quotes);
        return quotes;
    }

    /**
     * A quote cut at the clause breaks inside it, keeping the piece that holds the best n-gram (the longer side when
     * that n-gram itself spans the break), without spaces or marks at its edges: "工作\n月入" and "泰国，主" join what
     * the writer kept apart. Null when nothing readable is left.
     *
     * @param span code point offsets in the original, as is {@code best}
     */
    private static int[] piece(NormalizedText normalized, int[] span, int[] best) {
        String o = normalized.original();
        int from = normalized.charIndexOf(span[0]);
        int to = normalized.charIndexOf(span[1]);
        int bestFrom = normalized.charIndexOf(best[0]);
        int bestTo = normalized.charIndexOf(best[1]);
        int start = from;
        int end = to;
        for (int i = from; i < to; i++) {
            if (!pieceBreak(o, i)) {
                continue;
            }
            if (i < bestFrom) {
                start = i + 1;
            } else if (i >= bestTo || i - start >= to - i - 1) {
                end = i;
                break;
            } else {
                start = i + 1;
            }
        }
        start = wordStart(o, start, end);
        end = wordEnd(o, end, start);
        if (start >= end) {
            return null;
        }
        int cpStart = codePointCount(normalized, 0, start);
        return new int[] {cpStart, cpStart + codePointCount(normalized, start, end)};
    }

    /** The first index in [from, to) of the normalized text that comes from code point {@code cp} or later. */
    private static int firstAtOrAfter(int[] source, int from, int to, int cp) {
        int i = from;
        while (i < to && source[i] < cp) {
            i++;
        }
        return i;
    }

    /**
     * Whether the original's character at {@code i} ends a clause inside a quote: a line or item break
     * ({@link #itemBreak}), a sentence or clause mark (not a point or comma inside a number or a name such as "3.5" or
     * "example.com"), or an emoji.
     */
    private static boolean pieceBreak(String o, int i) {
        char c = o.charAt(i);
        if (itemBreak(o, i)) {
            return true;
        }
        if (Character.isWhitespace(c) || c == '\u3000') {
            return false;
        }
        if (c == '.' || c == ',' || c == ':') {
            boolean inside = i > 0 && i + 1 < o.length() && Character.isLetterOrDigit(o.charAt(i - 1))
                    && Character.isLetterOrDigit(o.charAt(i + 1));
            return !inside;
        }
        if (CLAUSE_MARKS.indexOf(c) >= 0) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.OTHER_SYMBOL || type == Character.SURROGATE;
    }

    /** A line break, or a space next to Chinese, which sets off items where a comma would. */
    private static boolean itemBreak(String o, int i) {
        char c = o.charAt(i);
        if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
            return true;
        }
        return (Character.isWhitespace(c) || c == '\u3000')
                && (i > 0 && Character.isIdeographic(o.codePointBefore(i))
                || i + 1 < o.length() && Character.isIdeographic(o.codePointAt(i + 1)));
    }

    /** {@code start} moved past spaces and marks, not beyond {@code limit}. */
    private static int wordStart(String o, int start, int limit) {
        while (start < limit && edgeMark(o.charAt(start))) {
            start++;
        }
        return start;
    }

    /**
     * {@code end} moved back over spaces and marks, not below {@code limit}; a currency sign may end a quote only after
     * its amount ("1000$"), as it may start one only before it.
     */
    private static int wordEnd(String o, int end, int limit) {
        while (end > limit && (edgeMark(o.charAt(end - 1)) || Character.getType(o.charAt(end - 1))
                == Character.CURRENCY_SYMBOL && !(end - 2 >= limit && Character.isDigit(o.charAt(end - 2))))) {
            end--;
        }
        return end;
    }

    /** Spaces and marks a quote need not start or end with; a currency sign or a per cent stays. */
    private static boolean edgeMark(char c) {
        if (Character.isLetterOrDigit(c) || c == '%') {
            return false;
        }
        return Character.getType(c) != Character.CURRENCY_SYMBOL;
    }

    /**
     * A Chinese quote widened to its clause when the clause is short: "平了账就能放", not "账就能". Han text has no
     * spaces to show where a word ends, and an n-gram cut from the middle of two words means nothing to a reader; the
     * punctuation of the original marks the clause. A clause that runs long, or that reaches another quote, keeps the
     * n-grams' span.
     *
     * @param span code point offsets in {@code original}
     */
    private static int[] clause(NormalizedText normalized, int[] span, List<RedFlag> flags, List<RedFlag> quotes) {
        String original = normalized.original();
        int from = offsetByCodePoints(normalized, 0, span[0]);
        int to = offsetByCodePoints(normalized, from, span[1] - span[0]);
        if (from >= to || !Character.isIdeographic(original.codePointAt(from))) {
            return span;
        }
        int start = from;
        while (start > 0 && from - start < MAX_CLAUSE_QUOTE && !clauseBreak(original.charAt(start - 1))) {
            start--;
        }
        int end = to;
        while (end < original.length() && end - to < MAX_CLAUSE_QUOTE && !clauseBreak(original.charAt(end))) {
            end++;
        }
        boolean bounded = (start == 0 || clauseBreak(original.charAt(start - 1)))
                && (end == original.length() || clauseBreak(original.charAt(end)));
        int cpStart = codePointCount(normalized, 0, start);
        int cpEnd = cpStart + codePointCount(normalized, start, end);
        if (!bounded || cpEnd - cpStart > MAX_CLAUSE_QUOTE) {
            return span;
        }
        for (List<RedFlag> others : List.of(flags, quotes)) {
            for (RedFlag f : others) {
                if (f.start() < cpEnd && cpStart < f.end()) {
                    return span;
                }
            }
        }
        // the clause may run up to a sign that is no break ("$代付$"): the quote still starts and ends on a word
        start = wordStart(original, start, from);
        end = wordEnd(original, end, to);
        cpStart = codePointCount(normalized, 0, start);
        cpEnd = cpStart + codePointCount(normalized, start, end);
        return new int[] {cpStart, cpEnd};
    }

    /**
     * {@code original.codePointCount(from, to)} of the normalized text's original. Quoting converts between code points
     * and UTF-16 indices several times per quote, and for a text in Chinese each conversion was a pass over the text
     * from its start (a tenth of a flagged message's check); a text without surrogate pairs (the normalizer keeps no
     * index of them then) has one code point per index.
     */
    private static int codePointCount(NormalizedText normalized, int from, int to) {
        return normalized.charIndex() == null ? to - from : normalized.original().codePointCount(from, to);
    }

    /** {@code original.offsetByCodePoints(index, offset)}, as {@link #codePointCount} without a pass where it can. */
    private static int offsetByCodePoints(NormalizedText normalized, int index, int offset) {
        return normalized.charIndex() == null ? index + offset
                : normalized.original().offsetByCodePoints(index, offset);
    }

    private static boolean clauseBreak(char c) {
        if (Character.isWhitespace(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.OTHER_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.DASH_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.OTHER_SYMBOL, Character.SURROGATE,
                 // the variation selector and joiner of an emoji (✈️) belong to the emoji
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT -> true;
            default -> false;
        };
    }

    /**
     * The strongest n-grams of positive weight, strongest first and of equal ones the first in the text: the order in
     * which quoting tries them. One pass keeps the first few of that order, so a quote takes the first of them that is
     * free instead of looking through every n-gram of the message again for each quote; returns how many there are
     * (all of them when fewer than {@code into} weigh anything).
     */
    private static int strongest(Wording.Grams g, int[] into) {
        int count = 0;
        // one comparison per n-gram, which soon fails nearly always: the processor predicts it (about half the
        // weights are positive, so a test for that alone was a coin toss it kept losing)
        float weakestKept = 0;
        for (int k = 0; k < g.count; k++) {
            float w = g.weight[k];
            if (!(w > weakestKept)) {
                continue;
            }
            int at = Math.min(count, into.length - 1);
            while (at > 0 && w > g.weight[into[at - 1]]) {
                into[at] = into[at - 1];
                at--;
            }
            into[at] = k;
            count = Math.min(count + 1, into.length);
            if (count == into.length) {
                weakestKept = g.weight[into[count - 1]];
            }
        }
        return count;
    }

    /**
     * Whether n-gram {@code k} is outside the rules' evidence and the quotes taken so far. Quoting asks again and again
     * about the same n-grams; whether one lies in a flag's evidence is worked out once.
     */
    private static boolean free(Wording.Grams g, int k, int[] source, List<RedFlag> flags, int[] taken, int quotes) {
        int start = g.start[k];
        int end = g.end[k];
        for (int q = 0; q < quotes; q++) {
            if (taken[2 * q] < end && start < taken[2 * q + 1]) {
                return false;
            }
        }
        if (g.outsideFlags[k] == 0) {
            int from = source[start];
            int to = source[end - 1] + 1;
            boolean outside = true;
            for (int f = 0; f < flags.size() && outside; f++) {
                RedFlag flag = flags.get(f);
                outside = !(flag.start() < to && from < flag.end());
            }
            g.outsideFlags[k] = (byte) (outside ? 1 : 2);
        }
        return g.outsideFlags[k] == 1;
    }

    /** A quote goes on across the space between two Latin words, never across a gap between Chinese items. */
    private static boolean joinable(String text, int start, int end, int gs, int ge) {
        int gapFrom = ge <= start ? ge : end;
        int gapTo = ge <= start ? start : gs;
        for (int i = gapFrom; i < gapTo; i++) {
            if (text.charAt(i) != ' ' || i == 0 || i + 1 >= text.length()
                    || !isLatin(text.charAt(i - 1)) || !isLatin(text.charAt(i + 1))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a text says nothing but its flags: fewer than {@link #CONTEXT_LETTERS} letters stand outside every flag's
     * evidence. The model then reads the signs' own words and its prior, not a context that could show them to be a
     * joke or a drama's recap, so it cannot overrule a strong sign: "公司统一保管护照，月入3万" read 0.39 after a
     * retraining, where DESIGN.md's strong flag is high alone.
     */
    private static boolean nothingButFlags(NormalizedText normalized, List<RedFlag> flags) {
        String original = normalized.original();
        int letters = 0;
        int cp = 0;
        for (int i = 0; i < original.length(); cp++) {
            int c = original.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c) && !insideAFlag(flags, cp) && ++letters >= CONTEXT_LETTERS) {
                return false;
            }
        }
        return true;
    }

    private static boolean insideAFlag(List<RedFlag> flags, int cp) {
        for (RedFlag f : flags) {
            if (cp >= f.start() && cp < f.end()) {
                return true;
            }
        }
        return false;
    }

    /** A strong sign that keeps the verdict at medium at least: said as an offer, or a family's demand told now. */
    private static boolean strongSignFloor(NormalizedText normalized, List<RedFlag> flags, Matches m, int zones,
                                           FeatureSpace space) {
        return strongSignOfAnOffer(normalized, flags, m, zones, space) || demandReportedNow(flags, m, space);
    }

    /**
     * A strong sign is medium on its own in an offer or a demand; in a text with more warning cues than calls to get
     * in touch (a survivor's story, a news report: "护照被收走") the model alone decides, and so it does for a sign
     * that stands in quotes or after a ❌: the way a warning lists the lures ("❌ 护照要交俾公司保管").
     */
    private static boolean strongSignOfAnOffer(NormalizedText normalized, List<RedFlag> flags, Matches m, int zones,
                                               FeatureSpace space) {
        return signOfAnOffer(normalized, flags, m, RedFlagChecker::controlOrIrregular)
                && !aloneAtHome(flags, m, zones, space);
    }

    /**
     * A family telling of a demand for their own relative now ("My brother is locked in a compound in Myawaddy … The
     * company is asking $4,000 to let him go. The embassy told us to report it."), with no story told afterwards: the
     * embassy's and the police's words in it are what the family was told, not a warning, so the demand is a floor as
     * an offer's strong sign is. A survivor's story (我哥当时被关，家里交了8万才回来) has its story cues and is left to
     * the model.
     */
    private static boolean demandReportedNow(List<RedFlag> flags, Matches m, FeatureSpace space) {
        return m.narrative == 0 && space.ownRelative(m) && strongRansomSign(flags);
    }

    /** Whether a ransom rule of strong severity fired: a demand in the rules' own words. */
    private static boolean strongRansomSign(List<RedFlag> flags) {
        for (RedFlag f : flags) {
            if (f.category() == Category.RANSOM && f.severity() == Severity.STRONG) {
                return true;
            }
        }
        return false;
    }

    /**
     * The strong sign is all there is, and it is not a passport: no other flag, no place away from home, no job ad's
     * form and no call to apply.
     * Pupils hand in their phones for exams, recruits in basic training and boarders too ("段考期間學校手機統一收走",
     * "they took his phone in basic training"); floored to medium, such chats were false alarms no threshold could
     * prevent. The model weighs the sign with the rest of the words instead, as it does for a relative who tells of a
     * phone taken in a compound.
     */
    private static boolean aloneAtHome(List<RedFlag> flags, Matches m, int zones, FeatureSpace space) {
        if ((zones & AWAY) != 0 || m.offer > 0 || m.recruiting > 0) {
            return false;
        }
        boolean toTheReadersRelative = space.readersRelative(m);
        for (RedFlag f : flags) {
            // a ransom rule's threat to the reader's own child (你儿子在我们手里，交钱放人) is no school's phone rule
            if (!controlOrIrregular(f) || aboutPassports(f)
                    || f.category() == Category.RANSOM && toTheReadersRelative) {
                return false;
            }
        }
        return true;
    }

    /**
     * A contract signed only on arrival (到了再签合同) in an offer: no lawful employer abroad offers it, and the seed
     * story's recruiter did. A medium sign, so it keeps the verdict at medium at least, without raising it further.
     */
    private static boolean contractOnArrivalInAnOffer(NormalizedText normalized, List<RedFlag> flags, Matches m) {
        return signOfAnOffer(normalized, flags, m, f -> f.category() == Category.CONTRACT_AFTER_ARRIVAL);
    }

    /**
     * A job (an ad's form, a call to apply, or the trade's vague work) in a compound hub, with a free ticket or pay too
     * good, or three kinds of lure said as an offer: the textbook lure.
     */
    private static boolean lureInAHub(NormalizedText normalized, List<RedFlag> flags, Matches m, int zones) {
        if ((zones & HUB) == 0) {
            return false;
        }
        if (luresOfThreeKinds(normalized, flags, m)) {
            // three kinds of lure are an offer without an ad's words: the seed story's "Teach Chinese cooking in
            // Myawaddy, double pay, nothing illegal, we pay the ticket"
            return true;
        }
        boolean job = m.offer > 0 || m.recruiting > 0;
        for (RedFlag f : flags) {
            job |= f.category() == Category.VAGUE_JOB || f.category() == Category.SCAM_WORK;
        }
        // a hub's work said to be legal ("Teach cooking in Myawaddy, nothing illegal") answers a fear no lawful job
        // there has to answer, and is an offer without an ad's words; the model's reading of that line swung from 0.98
        // to 0.65 between two retrainings
        boolean hasJob = job;
        return signOfAnOffer(normalized, flags, m, f -> f.category() == Category.REASSURANCE
                || hasJob && (f.category() == Category.ALL_EXPENSES_PAID || f.category() == Category.PAY_TOO_GOOD));
    }

    /**
     * Three kinds of lure, said as an offer, for a job in a compound hub: the seed story's recruiter ("Teach Chinese
     * cooking in Myawaddy, double pay, nothing illegal, we pay the ticket"). The model put it just under high after
     * batches of warnings that quote the same lures; what the hub adds to three lures is not a matter of degree.
     * Such an offer is also a lure in a hub ({@link #lureInAHub}), medium at least unless the model reads it as
     * ordinary; this raises it to high.
     */
    private static boolean luresOfThreeKinds(NormalizedText normalized, List<RedFlag> flags, Matches m) {
        return Integer.bitCount(kindsSaidAsAnOffer(normalized, flags, m, f -> LURE_KINDS.contains(f.category()), false))
                >= 3;
    }

    private static final java.util.Set<Category> LURE_KINDS = java.util.EnumSet.of(Category.PAY_TOO_GOOD,
            Category.ALL_EXPENSES_PAID, Category.REASSURANCE, Category.CONTRACT_AFTER_ARRIVAL, Category.VAGUE_JOB,
            Category.SCAM_WORK, Category.URGENCY);

    /**
     * A sign in quotes is a warning's list of lures, unless the text has no warning's words and asks about what it
     * quotes: "这个靠谱吗？朋友发我的：“缅甸妙瓦底科技园招打字员，月薪3万，包机票，到了再签合同”" is the bot's
     * own use, a worker forwarding the ad. Read as a warning, it was low.
     */
    private static boolean signOfAnOffer(NormalizedText normalized, List<RedFlag> flags, Matches m,
                                         java.util.function.Predicate<RedFlag> sign) {
        return kindsSaidAsAnOffer(normalized, flags, m, sign, true) != 0;
    }

    /**
     * The categories (a bit each) of the signs {@code sign} picks that the text says as an offer, as {@link
     * #signOfAnOffer} reads them; with {@code firstOnly}, only the first such sign's.
     */
    private static int kindsSaidAsAnOffer(NormalizedText normalized, List<RedFlag> flags, Matches m,
                                          java.util.function.Predicate<RedFlag> sign, boolean firstOnly) {
        if (m.awareness > m.recruiting || m.narrative > m.recruiting) {
            return 0;
        }
        int kinds = 0;
        int forwarded = -1;
        for (RedFlag f : flags) {
            if (!sign.test(f) || givenBack(normalized, f)) {
                continue;
            }
            if (MessageFeatures.quoted(normalized, f)) {
                if (forwarded < 0) {
                    forwarded = forwardedAndAsked(normalized, flags, m) ? 1 : 0;
                }
                if (forwarded == 0) {
                    continue;
                }
            }
            kinds |= 1 << f.category().ordinal();
            if (firstOnly) {
                return kinds;
            }
        }
        return kinds;
    }

    /**
     * No warning's words, a question or a worker's asking words ("靠谱吗", "is this legit"), and an ad in the quotes:
     * three flags of two categories or more. A single lure in quotes is how warnings and reports cite one
     * ("“交了违约金就放人”？", 被要求支付"赎金"), and no forwarded ad.
     */
    private static boolean forwardedAndAsked(NormalizedText normalized, List<RedFlag> flags, Matches m) {
        if (m.awareness > 0) {
            return false;
        }
        String o = normalized.original();
        if (m.recruiting == 0 && o.indexOf('?') < 0 && o.indexOf('？') < 0) {
            return false;
        }
        int quoted = 0;
        int categories = 0;
        for (RedFlag f : flags) {
            if (MessageFeatures.quoted(normalized, f)) {
                quoted++;
                categories |= 1 << f.category().ordinal();
            }
        }
        return quoted >= 3 && Integer.bitCount(categories) >= 2;
    }

    private static boolean aboutPassports(RedFlag f) {
        return f.ruleId().contains("passport");
    }

    /** How far after a kept passport its return is looked for: the rest of the sentence that keeps it. */
    private static final int GIVEN_BACK_REACH = 80;
    private static final List<String> GIVEN_BACK = List.of("归还", "歸還", "返还", "返還", "还回", "還回", "还给本人", "還給本人",
            "发还", "發還", "交还", "交還", "returned", "return it", "return them", "given back", "give it back",
            "gives it back", "handed back", "hand it back");

    /**
     * A passport taken for a visa stamp and given back on a date ("办签期间由项目部保管，签发后当场返还本人", "submitted to
     * HR only for the visa stamping … returned within 10 working days") is a lawful employer's paperwork, not a sign
     * of being taken: no floor for it, and the model weighs the flag with the rest. Lawful postings like these were
     * floored to medium and, as false alarms no threshold could prevent, used up the jobs' and chats' allowance.
     */
    private static boolean givenBack(NormalizedText normalized, RedFlag f) {
        if (!aboutPassports(f)) {
            return false;
        }
        String o = normalized.original();
        int from = Math.min(normalized.charIndexOf(f.end()), o.length());
        int to = Math.min(o.length(), from + GIVEN_BACK_REACH);
        int line = o.indexOf('\n', from);
        if (line >= 0 && line < to) {
            to = line;
        }
        String after = o.substring(from, to).toLowerCase(java.util.Locale.ROOT);
        for (String w : GIVEN_BACK) {
            if (after.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A risky place is the only sign and nothing speaks of a job, an offer, a recruiter or a demand: a holiday memory
     * of 西港, the news from Myawaddy. Weak signs, shown as low, unless the model is sure (high) and its wording weighs
     * toward danger as much as a quote is worth (明天中午前不到账，就把他转到妙瓦底那边去; 曼谷中转 实际工作地在湄索对面
     * 招运营 落地接机): then the check quotes it next to the place. Only when sure: a travel memory's wording
     * (滿街中文招牌，賭場一個接一個) can reach medium. Fitting keeps the cap, as the wording's weight is only known after
     * the fit. (A demand's concepts, 人在西港 20万拿人, are no flags yet here, so they are looked at themselves.)
     */
    private static boolean onlyAPlace(List<RedFlag> flags, Matches m, boolean[] ruleHits, FeatureSpace space) {
        if (flags.isEmpty() || m.offer > 0 || m.recruiting > 0) {
            return false;
        }
        for (int r = 0; r < ruleHits.length; r++) {
            if (ruleHits[r] && space.conceptOf[r] >= 0) {
                return false;
            }
        }
        for (RedFlag f : flags) {
            if (f.category() != Category.RISKY_DESTINATION) {
                return false;
            }
        }
        return true;
    }

    /**
     * Warning cues at least twice as many as the calls to get in touch: a published warning, not an offer, at most
     * low; unless it asks the reader for money for their own relative: a fake embassy officer, policeman or rescuer
     * ("您的家属已列入解救名单，请缴纳遣返手续费") speaks a warning's words (解救, 使馆, 遣返, 民警) on purpose. There
     * the model decides, as it does for a warning that quotes such a demand.
     */
    private static boolean cuedAwareness(Matches m, List<RedFlag> flags, FeatureSpace space) {
        if (m.awareness < 2 || m.awareness <= 2 * m.recruiting || strongRansomSign(flags)) {
            return false;
        }
        return !(space.readersRelative(m) && space.moneyNamed(m));
    }

    /**
     * A kept passport, a border crossed "with someone to meet you", a ransom: the strong signs of being taken, never
     * below medium whatever the rest of the message says. Scam work is strong too, but "rent your bank account" is
     * also ordinary spam, which the model tells apart.
     */
    private static boolean controlOrIrregular(RedFlag f) {
        return f.severity() == Severity.STRONG && f.category() != Category.SCAM_WORK;
    }

    private static boolean isLatin(char c) {
        return c < 0x250 && Character.isLetterOrDigit(c);
    }

    private static boolean isWordChar(char c) {
        return c < 0x250 && Character.isLetterOrDigit(c) || c == ',' || c == '.';
    }

    /** Whether [start, end) of the normalized text is one Latin word or number, nothing else. */
    private static boolean oneLatinWord(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isLatin(text.charAt(i))) {
                return false;
            }
        }
        return end > start;
    }

    /**
     * Two Han characters, or two Latin words of which one says something: a quote a person can read. One English word
     * ("company", "month") is no reason a reader can check, and "is in" is none either.
     */
    private static boolean meaningful(String text, int start, int end) {
        // "你的", "的人", "钱，你": a weighty n-gram of function characters is a voice, not a reason a reader can check
        int han = 0;
        int words = 0;
        boolean saysSomething = false;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if ((READABLE_HAN[c >>> 6] & (1L << c)) != 0) {
                han++;
            }
            if (c < 0x250 && Character.isLetter(c)) {
                int wordStart = i;
                while (i < end && text.charAt(i) < 0x250 && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                words++;
                saysSomething |= !FUNCTION_WORDS.contains(text.substring(wordStart, i));
                continue;
            }
            i++;
        }
        return han >= 2 || words >= 2 && saysSomething;
    }

    /** English words that say nothing on their own (the text is lower case) */
    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("a", "an", "the", "is", "are", "was",
            "were", "be", "been", "in", "on", "at", "to", "of", "for", "and", "or", "it", "its", "you", "your", "we",
            "our", "us", "i", "me", "my", "he", "she", "they", "them", "this", "that", "with", "as", "by", "from",
            "will", "can", "do", "so", "if", "not", "no", "just", "all", "up", "there", "here", "s", "t", "ll", "re");

    private static long[] readableHan() {
        long[] bits = new long[0x10000 / 64];
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isIdeographic(c) && FUNCTION_CHARACTERS.indexOf(c) < 0) {
                bits[c >>> 6] |= 1L << c;
            }
        }
        return bits;
    }

    /**
     * The strongest few features, for or against, strongest first and of equal ones the first named, without
     * sorting (or making objects for) all of them: one pass keeps the best few in order, as picking the strongest
     * again and again did at several times the cost.
     */
    private static List<Contribution> contributions(Setup s, Local local, double wording) {
        int[] named = local.slots();
        int count = local.count();
        int[] best = new int[MAX_CONTRIBUTIONS];
        double[] bestStrength = new double[MAX_CONTRIBUTIONS];
        int kept = 0;
        // index count stands for the wording, which has no slot of its own
        for (int i = 0; i <= count; i++) {
            double strength = i == count ? Math.abs(wording) : named[i] == s.space().bias ? 0 : Math.abs(local.named()[i]);
            if (!(strength > 0)) {
                continue;
            }
            int at = kept;
            while (at > 0 && strength > bestStrength[at - 1]) {
                at--;
            }
            if (at == MAX_CONTRIBUTIONS) {
                continue;
            }
            // a shift of at most five by hand: System.arraycopy's call cost more than it moves
            for (int k = Math.min(kept, MAX_CONTRIBUTIONS - 1); k > at; k--) {
                best[k] = best[k - 1];
                bestStrength[k] = bestStrength[k - 1];
            }
            best[at] = i;
            bestStrength[at] = strength;
            kept = Math.min(kept + 1, MAX_CONTRIBUTIONS);
        }
        List<Contribution> out = new ArrayList<>(kept);
        for (int k = 0; k < kept; k++) {
            out.add(best[k] < count ? new Contribution(s.space().name(named[best[k]]), local.named()[best[k]])
                    : new Contribution("wording", wording));
        }
        return out;
    }

    /** What the wording of an offshore "company" (国籍不限, 1500U, 落地接机) added to the sum, in log-odds. */
    private static double offshoreWeight(FeatureSpace space, Local local) {
        double sum = 0;
        for (int i = 0; i < local.count(); i++) {
            int slot = local.slots()[i];
            if (slot == space.offshore[0] || slot == space.offshore[1] || slot == space.offshoreAbroad) {
                sum += local.named()[i];
            }
        }
        return sum;
    }

    /**
     * The offshore cues that made the risk, quoted as wording with their own explanation: a post that reads like
     * an HR notice of a gambling firm in Manila has few lures, and "1500-2000U, 国籍不限" is what a reader can check.
     * Cues that overlap evidence already quoted are left out.
     */
    private static List<RedFlag> offshoreQuotes(NormalizedText normalized, Matches m, List<RedFlag> flags) {
        List<RedFlag> out = new ArrayList<>(flags);
        for (int k = 0; k < Math.min(m.offshore, Matches.MAX_OFFSHORE_QUOTES); k++) {
            int[] span = normalized.originalSpan(m.offshoreStart(k), m.offshoreEnd(k));
            boolean quoted = false;
            for (RedFlag f : flags) {
                quoted |= f.start() < span[1] && span[0] < f.end();
            }
            String slice = normalized.originalSlice(span[0], span[1]);
            if (!quoted && !splitAcrossSpace(slice)) {
                out.add(new RedFlag("wording.offshore", Category.WORDING, Severity.WEAK,
                        slice, span[0], span[1], OFFSHORE_KEY));
            }
        }
        return out;
    }

    /**
     * Whether a quote runs across an item break ({@link #itemBreak}): the normalizer reads "落地 接机" as one phrase,
     * but quoted whole it joins two items of a list.
     */
    private static boolean splitAcrossSpace(String slice) {
        for (int i = 0; i < slice.length(); i++) {
            if (itemBreak(slice, i)) {
                return true;
            }
        }
        return false;
    }

    /** Per rule its best evidence (see {@link Matches}), in text order; shadow rules are left out. */
    private static List<RedFlag> flags(CompiledRules rules, Matches m, NormalizedText normalized) {
        List<RedFlag> flags = new ArrayList<>();
        for (int r = 0; r < rules.ruleCount(); r++) {
            if (!m.hit(r) || rules.shadow(r) || rules.concept(r)) {
                continue;
            }
            flags.add(ruleFlag(rules.rule(r), r, m, normalized, rules.rule(r).messageKey()));
        }
        FlagOrder.byStart(flags);
        return flags;
    }

    /** Rule {@code r}'s best evidence, quoted from the original text and explained by {@code messageKey}. */
    private static RedFlag ruleFlag(Rule rule, int r, Matches m, NormalizedText normalized, String messageKey) {
        int[] span = normalized.originalSpan(m.start(r), m.end(r));
        return new RedFlag(rule.id(), rule.category(), rule.severity(),
                normalized.originalSlice(span[0], span[1]), span[0], span[1], messageKey);
    }

    /** Shadow rules that fired, in order of their evidence; most messages fire none. */
    private static List<String> shadowHits(CompiledRules rules, Matches m) {
        List<String> ids = List.of();
        int[] starts = null;
        for (int r = 0; r < rules.ruleCount(); r++) {
            if (!m.hit(r) || !rules.shadow(r)) {
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
     * The largest weight of one named feature: next to the rules' quotes, the wording is quoted only where it weighed
     * more than any one of them, since a fragment such as "前過" or "意私" tells a reader less than a rule's phrase.
     */
    private static double strongestNamed(Local local) {
        double max = 0;
        for (int i = 0; i < local.count(); i++) {
            max = Math.max(max, local.named()[i]);
        }
        return max;
    }

    /**
     * Whether an offer's lures or its work are flagged: there, money and leaving are the offer's terms ("high pay", "go
     * home once a year"), and quoting them as a ransom demand would answer a job seeker as if a relative were held.
     */
    private static boolean lures(List<RedFlag> flags) {
        for (RedFlag f : flags) {
            switch (f.category()) {
                case PAY_TOO_GOOD, ALL_EXPENSES_PAID, VAGUE_JOB, CONTRACT_AFTER_ARRIVAL, REASSURANCE, URGENCY,
                     SCAM_WORK -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /**
     * The concepts that made the risk, quoted under their rule's category: each concept weighs its own feature and
     * half of every pair it is in; the strongest few with a positive weight are quoted, and only when the concepts
     * together moved the sum enough to matter, or as the last resort of a verdict nothing else quotes.
     */
    private static List<RedFlag> conceptQuotes(Setup s, Local local, NormalizedText normalized, List<RedFlag> flags,
                                               boolean[] ruleHits, Matches m, boolean lastResort,
                                               boolean demandLeads) {
        FeatureSpace space = s.space();
        double total = 0;
        for (int i = 0; i < local.count(); i++) {
            if (space.isConcept(local.slots()[i])) {
                total += local.named()[i];
            }
        }
        if (total < CONCEPTS_WORTH_QUOTING && !lastResort) {
            return List.of();
        }
        for (RedFlag f : flags) {
            if (f.category() == Category.RANSOM) {
                // a ransom rule already quotes the demand
                return List.of();
            }
        }
        int[] rules = conceptRules(space, ruleHits);
        double[] weight = conceptWeights(space, local, rules);
        boolean money = false;
        int quotable = 0;
        boolean allHeld = true;
        boolean anyHeld = false;
        for (int a = 0; a < rules.length; a++) {
            money |= rules[a] >= 0 && (space.moneyMask & (1 << a)) != 0;
            if (rules[a] >= 0 && weight[a] > 0) {
                quotable++;
                boolean held = (space.heldMask & (1 << a)) != 0;
                allHeld &= held;
                anyHeld |= held;
            }
        }
        // one idea alone ("USD", "离职") is no demand to quote; being held ("我出不去了") is
        if (quotable < 2 && !lastResort && !(quotable == 1 && allHeld)) {
            return List.of();
        }
        // money and a boss in an offer ("no agent fee", "1 lakh+", "my boss in Myawaddy ... good pay") are the job's
        // terms: quoted as a demand they would tell a worker not to pay a ransom. Only someone held, or a text the
        // model reads more as a demand than as an offer, makes them one
        if (!demandLeads && !anyHeld) {
            return List.of();
        }
        // a plea from someone held ("妈 救救我 手机被收了") asks for no money: saying someone wants money would be
        // wrong, and what a parent must hear is that the person is held
        return strongestConcepts(s, m, normalized, rules, weight, money ? null : HELD_KEY);
    }

    /**
     * Below medium, the words of someone held ("人在我手上，你自己掂量", "妈 我出不去了"), quoted with a hedged
     * explanation when the model counted them towards the risk: a parent who forwards a plea the model is unsure of
     * must not read "no risk". Only the concepts of being held, confined, hurt, sold on or pleading are quoted, never
     * kin, money or a deadline, which ordinary family talk is full of.
     */
    private static List<RedFlag> heldHint(Setup s, Local local, NormalizedText normalized, boolean[] ruleHits,
                                          Matches m) {
        FeatureSpace space = s.space();
        int[] rules = conceptRules(space, ruleHits);
        // weighed with every concept that hit, pairs included, then only the held ones kept for quoting
        double[] weight = conceptWeights(space, local, rules);
        double total = 0;
        for (int a = 0; a < rules.length; a++) {
            if ((space.heldMask & (1 << a)) == 0) {
                rules[a] = -1;
            } else if (rules[a] >= 0 && weight[a] > 0) {
                total += weight[a];
            }
        }
        if (total < HELD_HINT_WORTH) {
            return List.of();
        }
        return strongestConcepts(s, m, normalized, rules, weight, MAYBE_HELD_KEY);
    }

    /** Per concept, the rule that hit it, or -1. */
    private static int[] conceptRules(FeatureSpace space, boolean[] ruleHits) {
        int[] rules = new int[space.conceptTotal];
        java.util.Arrays.fill(rules, -1);
        for (int r = 0; r < ruleHits.length; r++) {
            int a = space.conceptOf[r];
            if (ruleHits[r] && a >= 0) {
                rules[a] = r;
            }
        }
        return rules;
    }

    /** What each concept hit added to the log-odds: its own feature and half of every pair it is in. */
    private static double[] conceptWeights(FeatureSpace space, Local local, int[] rules) {
        int c = space.conceptTotal;
        double[] weight = new double[c];
        for (int a = 0; a < c; a++) {
            if (rules[a] < 0) {
                continue;
            }
            weight[a] += local.at(space.rule[rules[a]]);
            for (int b = a + 1; b < c; b++) {
                if (rules[b] >= 0) {
                    double half = local.at(space.conceptPair[a * c + b]) / 2;
                    weight[a] += half;
                    weight[b] += half;
                }
            }
        }
        return weight;
    }

    /**
     * The strongest few concepts with a positive weight, each quoted by its rule's best evidence, explained by
     * {@code messageKey} or, when null, by the rule's own message.
     */
    private static List<RedFlag> strongestConcepts(Setup s, Matches m, NormalizedText normalized, int[] rules,
                                                   double[] weight, String messageKey) {
        rules = rules.clone();
        int c = rules.length;
        List<RedFlag> out = new ArrayList<>(MAX_CONCEPT_QUOTES);
        for (int k = 0; k < MAX_CONCEPT_QUOTES; k++) {
            int best = -1;
            for (int a = 0; a < c; a++) {
                if (rules[a] >= 0 && weight[a] > 0 && (best < 0 || weight[a] > weight[best])) {
                    best = a;
                }
            }
            if (best < 0) {
                break;
            }
            int r = rules[best];
            rules[best] = -1;
            Rule rule = s.rules().rule(r);
            out.add(ruleFlag(rule, r, m, normalized, messageKey == null ? rule.messageKey() : messageKey));
        }
        return out;
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

    /**
     * Whether a demand is spelt out: money or an amount named, a deadline or a captor's voice, or a ransom rule's
     * own words (pay to release, a threat, a private rescuer). Without one, what made the text read as someone held
     * is their plea or the relative's account of it.
     */
    private static boolean demandNamed(List<RedFlag> flags, Matches matches, FeatureSpace space) {
        if (space.moneyNamed(matches) || space.demandVoiced(matches)) {
            return true;
        }
        for (RedFlag f : flags) {
            // a concept is quoted with the held explanation exactly where no money was named
            if (f.category() == Category.RANSOM && !f.messageKey().equals(HELD_KEY)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text is written as a job ad: the verdict and the training's bounds must agree on it. */
    private static boolean writtenAsAd(Matches matches) {
        return matches.offer >= AD_WORDS;
    }

    /** The advice keys of the verdict's kind and flags, most important first, each once. */
    private static List<String> advice(CompiledRules rules, Verdict.Kind kind, Risk risk, List<RedFlag> flags,
                                       String original) {
        List<String> keys = new ArrayList<>(MAX_ADVICE);
        // a pasted page is no line: its code points are not counted
        if (kind == Verdict.Kind.MESSAGE && !risk.atLeast(Risk.MEDIUM) && original.length() < 2 * SHORT_TEXT
                && original.codePointCount(0, original.length()) < SHORT_TEXT) {
            // a worker forwards the one line that worried them ("到了再说", "you can resign anytime"); the ad or chat
            // around it is what tells an offer from a lure, so a quiet verdict on a line asks for the rest
            addAdvice(keys, rules.shortTextAdvice());
        }
        switch (kind) {
            case RANSOM, HELD -> addAdvice(keys, rules.ransomAdvice());
            case AWARENESS -> addAdvice(keys, rules.awarenessAdvice());
            case MAYBE_HELD -> addAdvice(keys, rules.maybeHeldAdvice());
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
