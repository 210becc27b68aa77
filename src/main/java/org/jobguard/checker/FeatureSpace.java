package org.jobguard.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Every feature the risk model can weigh, each with a stable, readable name ("rule:document_control.kept",
 * "pair:all_expenses_paid+risky_destination", "zone:domestic+pay_too_good"), followed by the wording buckets
 * ({@link Wording}). Names, not positions, are what a model file stores, so a model stays valid when rules are added,
 * switched off or reordered; a feature the model has no weight for counts zero.
 *
 * <p>Slots are 0-based; slot 0 is the constant "bias" feature.
 */
public final class FeatureSpace {
    /** the places a message can name, as the model sees them */
    enum Zone { HUB, RISKY_COUNTRY, ABROAD, DOMESTIC }

    /**
     * 2^17 wording buckets. 2^16 did as well as 2^18 on the first 10,000 messages; on 17,478 fewer collisions pay: at
     * 0.6 % of jobs and chats flagged, recall 0.835 with 2^17 against 0.819 with 2^16, for a model file of 3.3 MB
     * instead of 2.2 and 4 MB more heap. Tried again once each n-gram was read a second time abroad (twice the
     * n-grams in the same table), on folds by batch: 2^18 found more on 29,523 messages (0.790 against 0.779 at 0.6 %)
     * and less on 30,495 (0.791 against 0.796; real lines 156 against 164 of 384), so the gain was noise.
     */
    public static final int DEFAULT_NGRAM_BITS = 17;
    static final String[] LENGTHS = {"len:<40", "len:<100", "len:<300", "len:<1000", "len:1000+"};
    static final int MAX_CATEGORY_COUNT = 5;

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final Wording wording;

    final int bias;
    final int[] rule;
    /** per rule: its index among the concept rules ({@link Rule#concept()}), -1 for the others */
    final int[] conceptOf;
    final int conceptTotal;
    /** [a * C + b] for concept indices a < b */
    final int[] conceptPair;
    /** the concepts ordinary talk about money shares with a demand, as bits of a message's concept set */
    final int moneyTalkMask;
    /** money asked or named: the concepts of money demanded and of an amount, as bits */
    final int moneyMask;
    final int conceptsWithoutCoercion;
    /** someone held, in the words of the held, their family or their captors, as bits: what a plea says without money */
    final int heldMask;
    private static final java.util.Set<String> HELD_CONCEPTS = java.util.Set.of("concept.held", "concept.confined",
            "concept.plea", "concept.harm", "concept.transfer");
    private static final java.util.Set<String> MONEY_TALK_CONCEPTS = java.util.Set.of("concept.money_demanded",
            "concept.amount", "concept.kin", "concept.readers_relative", "concept.own_relative");
    private static final java.util.Set<String> MONEY_CONCEPTS = java.util.Set.of("concept.money_demanded",
            "concept.amount");
    /** a demand's voice without its sum: a deadline set, a captor speaking (他们要廿万, 周五前没看到钱) */
    private static final java.util.Set<String> DEMAND_VOICE_CONCEPTS = java.util.Set.of("concept.deadline",
            "concept.captor_voice");
    /** [k - 2] for k distinct concepts, the last for k or more */
    final int[] conceptCount;
    /** the slots of every feature a concept takes part in */
    private final java.util.BitSet conceptSlots;
    final int[] category;
    /** [a * N + b] for a < b */
    final int[] pair;
    /** [k - 1] for k distinct categories, the last for k or more */
    final int[] categoryCount;
    final int[] strongest;
    /** [points - 1] of the hand-set scoring the rules started with, capped at 3; see MessageFeatures */
    final int[] rulePoints;
    final int ruleStrong;
    final int[] zone;
    final int zoneNone;
    final int domesticOnly;
    /** [zone * N + category] */
    final int[] zoneCategory;
    /** per zone: named in a text about a job with neither warning nor story cues: the place is where the job is */
    final int[] zoneUnwarned;
    /** a text about a job (a call to get in touch, or a sign other than a place) with neither warning nor story cues */
    final int flagsUnwarned;
    /** a risky place flagged where nothing else speaks of a job */
    final int placeWithoutJobTalk;
    /**
     * per zone and language: the same place means another thing to another reader (Makati is home to a Filipino
     * reading English and a gambling hub to one reading Chinese)
     */
    final int[] zoneLanguage;
    final int[] awareness;
    final int[] recruiting;
    final int[] legitimacy;
    final int[] narrative;
    final int narrativeWithFlags;
    final int[] offer;
    final int[] offshore;
    /** the wording of an offshore "company" next to a place abroad: where the job is, not whom it is for */
    final int offshoreAbroad;
    final int awarenessWithFlags;
    final int quotedFlag;
    final int mostlyQuoted;
    final int quotedUnwarned;
    final int quotedAsking;
    final int listLines;
    final int question;
    final int readersRelative;
    /** the rule indices of the concepts of the reader's and of the writer's own relative, -1 without them */
    final int readersRelativeRule;
    final int ownRelativeRule;
    /** the rule indices of the concepts of money asked and of an amount */
    private final int[] moneyRules;
    private final int[] demandVoiceRules;
    final int readersRelativeWithAwareness;
    final int ownRelative;
    final int ownRelativeAsking;
    final int[] length;
    final int[] indicator;
    final int riskyPhone;
    final int[] language;

    public FeatureSpace(List<Rule> rules, int ngramBits) {
        Category[] cats = Category.values();
        int n = cats.length;
        wording = new Wording(ngramBits);
        bias = add("bias");
        rule = new int[rules.size()];
        conceptOf = new int[rules.size()];
        List<String> concepts = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            rule[r] = add("rule:" + rules.get(r).id());
            conceptOf[r] = rules.get(r).concept() ? concepts.size() : -1;
            if (rules.get(r).concept()) {
                concepts.add(rules.get(r).id());
            }
        }
        int cc = concepts.size();
        if (cc > 30) {
            // a message's concepts are one int's bits
            throw new IllegalArgumentException("at most 30 concept rules, not " + cc);
        }
        conceptTotal = cc;
        conceptPair = new int[cc * cc];
        for (int a = 0; a < cc; a++) {
            for (int b = a + 1; b < cc; b++) {
                conceptPair[a * cc + b] = add("concepts:" + concepts.get(a) + "+" + concepts.get(b));
            }
        }
        conceptCount = new int[] {add("concepts:2"), add("concepts:3"), add("concepts:4+")};
        // family money talk (a hospital bill split between siblings, a cousin's visa fee) names kin, money and an
        // amount as a demand does; a demand also holds, hurts, sets a deadline, promises a release or speaks for a
        // captor. A linear model cannot say "these and none of those", so that is a feature of its own
        moneyTalkMask = bits(concepts, MONEY_TALK_CONCEPTS);
        moneyMask = bits(concepts, MONEY_CONCEPTS);
        heldMask = bits(concepts, HELD_CONCEPTS);
        readersRelativeRule = ruleIndex(rules, "concept.readers_relative");
        ownRelativeRule = ruleIndex(rules, "concept.own_relative");
        moneyRules = MONEY_CONCEPTS.stream().mapToInt(id -> ruleIndex(rules, id)).filter(r -> r >= 0).sorted().toArray();
        demandVoiceRules = DEMAND_VOICE_CONCEPTS.stream().mapToInt(id -> ruleIndex(rules, id)).filter(r -> r >= 0)
                .sorted().toArray();
        conceptsWithoutCoercion = add("concepts:money_talk_only");
        conceptSlots = new java.util.BitSet();
        for (int r = 0; r < rules.size(); r++) {
            if (conceptOf[r] >= 0) {
                conceptSlots.set(rule[r]);
            }
        }
        for (int slot : conceptCount) {
            conceptSlots.set(slot);
        }
        conceptSlots.set(conceptsWithoutCoercion);
        for (int a = 0; a < cc; a++) {
            for (int b = a + 1; b < cc; b++) {
                conceptSlots.set(conceptPair[a * cc + b]);
            }
        }
        category = new int[n];
        for (Category c : cats) {
            category[c.ordinal()] = add("cat:" + c.id());
        }
        pair = new int[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                pair[a * n + b] = add("pair:" + cats[a].id() + "+" + cats[b].id());
            }
        }
        categoryCount = new int[MAX_CATEGORY_COUNT];
        for (int k = 1; k <= MAX_CATEGORY_COUNT; k++) {
            categoryCount[k - 1] = add("categories:" + k + (k == MAX_CATEGORY_COUNT ? "+" : ""));
        }
        strongest = new int[Severity.values().length];
        for (Severity s : Severity.values()) {
            strongest[s.ordinal()] = add("strongest:" + s.id());
        }
        rulePoints = new int[] {add("rules:points:1"), add("rules:points:2"), add("rules:points:3+")};
        ruleStrong = add("rules:strong");
        Zone[] zones = Zone.values();
        zone = new int[zones.length];
        zoneCategory = new int[zones.length * n];
        zoneUnwarned = new int[zones.length];
        Language[] languages = Language.values();
        zoneLanguage = new int[zones.length * languages.length];
        for (Zone z : zones) {
            String id = z.name().toLowerCase(java.util.Locale.ROOT);
            zone[z.ordinal()] = add("zone:" + id);
            zoneUnwarned[z.ordinal()] = add("zone:" + id + "+unwarned");
            for (Language l : languages) {
                zoneLanguage[z.ordinal() * languages.length + l.ordinal()] = add("zone:" + id + "+lang:" + l.tag());
            }
            for (Category c : cats) {
                zoneCategory[z.ordinal() * n + c.ordinal()] = add("zone:" + id + "+" + c.id());
            }
        }
        zoneNone = add("zone:none");
        flagsUnwarned = add("flags+unwarned");
        placeWithoutJobTalk = add("discourse:place_without_job_talk");
        domesticOnly = add("zone:domestic_only");
        awareness = new int[] {add("cue:awareness:1"), add("cue:awareness:2"), add("cue:awareness:3+")};
        recruiting = new int[] {add("cue:recruiting:1"), add("cue:recruiting:2+")};
        legitimacy = new int[] {add("cue:legitimacy:1"), add("cue:legitimacy:2+")};
        narrative = new int[] {add("cue:narrative:1"), add("cue:narrative:2"), add("cue:narrative:3+")};
        narrativeWithFlags = add("cue:narrative+flags");
        offer = new int[] {add("cue:offer:1"), add("cue:offer:2"), add("cue:offer:3+")};
        offshore = new int[] {add("cue:offshore:1"), add("cue:offshore:2+")};
        offshoreAbroad = add("cue:offshore+abroad");
        awarenessWithFlags = add("cue:awareness+flags");
        quotedFlag = add("discourse:quoted_flag");
        mostlyQuoted = add("discourse:mostly_quoted");
        quotedUnwarned = add("discourse:quoted_flag+unwarned");
        quotedAsking = add("discourse:quoted_flag+asking");
        listLines = add("discourse:list");
        question = add("discourse:question");
        readersRelative = add("discourse:readers_relative");
        readersRelativeWithAwareness = add("discourse:readers_relative+awareness");
        ownRelative = add("discourse:own_relative");
        ownRelativeAsking = add("discourse:own_relative+question");
        length = new int[LENGTHS.length];
        for (int i = 0; i < LENGTHS.length; i++) {
            length[i] = add(LENGTHS[i]);
        }
        indicator = new int[Indicator.Type.values().length];
        for (Indicator.Type t : Indicator.Type.values()) {
            indicator[t.ordinal()] = add("indicator:" + t.id());
        }
        riskyPhone = add("indicator:phone_in_risky_country");
        language = new int[Language.values().length];
        for (Language l : Language.values()) {
            language[l.ordinal()] = add("lang:" + l.tag());
        }
    }

    /** The bits, among the concepts in order, of those named. */
    private static int bits(List<String> concepts, java.util.Set<String> named) {
        int bits = 0;
        for (int a = 0; a < concepts.size(); a++) {
            if (named.contains(concepts.get(a))) {
                bits |= 1 << a;
            }
        }
        return bits;
    }

    private static int ruleIndex(List<Rule> rules, String id) {
        for (int r = 0; r < rules.size(); r++) {
            if (rules.get(r).id().equals(id)) {
                return r;
            }
        }
        return -1;
    }

    /** Whether the text names the reader's own relative (您的家属, 你儿子, "your son"). */
    boolean readersRelative(Matches m) {
        return readersRelativeRule >= 0 && m.hit(readersRelativeRule);
    }

    /** Whether the text names money asked or an amount (缴纳, 五万, "pay"), as concepts. */
    boolean moneyNamed(Matches m) {
        return anyHit(m, moneyRules);
    }

    /** Whether the text sets a deadline or speaks for a captor, as concepts. */
    boolean demandVoiced(Matches m) {
        return anyHit(m, demandVoiceRules);
    }

    private static boolean anyHit(Matches m, int[] rules) {
        for (int r : rules) {
            if (m.hit(r)) {
                return true;
            }
        }
        return false;
    }

    boolean ownRelative(Matches m) {
        return ownRelativeRule >= 0 && m.hit(ownRelativeRule);
    }

    private int add(String name) {
        int slot = names.size();
        if (byName.putIfAbsent(name, slot) != null) {
            throw new IllegalArgumentException("feature named twice: " + name);
        }
        names.add(name);
        return slot;
    }

    boolean isConcept(int slot) {
        return conceptSlots.get(slot);
    }

    /** Named slots, then one per wording bucket. */
    public int size() {
        return names.size() + wording.buckets();
    }

    public int namedCount() {
        return names.size();
    }

    public int ngramBits() {
        return Integer.numberOfTrailingZeros(wording.buckets());
    }

    /** The readable name of a named slot, or {@code ngram:<bucket>}. */
    public String name(int slot) {
        return slot < names.size() ? names.get(slot) : "ngram:" + (slot - names.size());
    }

    public OptionalInt slot(String name) {
        Integer s = byName.get(name);
        return s == null ? OptionalInt.empty() : OptionalInt.of(s);
    }

    int ngramSlot(int bucket) {
        return names.size() + bucket;
    }

    Wording wording() {
        return wording;
    }
}
