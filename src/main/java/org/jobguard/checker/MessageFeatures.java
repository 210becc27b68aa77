package org.jobguard.checker;

import java.util.List;

/**
 * Reads what the risk model weighs from one checked message: the rules and categories that fired, the pairs of
 * categories, where the job is (zones), the context and discourse cues, the contact points, and the wording. The
 * same reading serves scoring and training, so a model is always applied to the features it was fitted on.
 */
final class MessageFeatures {
    /** Receives each named feature that is present; every named feature has the value 1. */
    interface Sink {
        void feature(int slot);
    }

    /** Regions whose phone numbers recruiters for the compounds use most (ISO 3166 codes, as libphonenumber says). */
    private static final List<String> RISKY_PHONE_REGIONS = List.of("MM", "KH", "LA", "PH");
    /** enum values() copies its array on every call, and this runs for every message */
    private static final FeatureSpace.Zone[] ZONES = FeatureSpace.Zone.values();
    private static final int ABROAD_ZONES = 1 << FeatureSpace.Zone.HUB.ordinal()
            | 1 << FeatureSpace.Zone.RISKY_COUNTRY.ordinal() | 1 << FeatureSpace.Zone.ABROAD.ordinal();
    private static final int LANGUAGE_COUNT = Language.values().length;
    private static final int CATEGORY_COUNT = Category.values().length;
    private static final int INDICATOR_TYPE_COUNT = Indicator.Type.values().length;
    private static final String OPENING_QUOTES = "\"'“‘「『《【〈«";
    private static final String CLOSING_QUOTES = "\"'”’」』》】〉»";
    /** quotation marks that open and close a quotation, pairwise; 【】 and 《》 are headings and titles */
    private static final String PAIRED_OPENING = "“‘「『\"'";
    private static final String PAIRED_CLOSING = "”’」』\"'";
    /** how far a quotation is looked for on either side of a flag: a quoted offer, not a quoted article */
    private static final int QUOTE_REACH = 200;

    private final FeatureSpace space;
    /**
     * The thread's copy of the original's characters, read for quotation marks and list items: over String.charAt,
     * which asks the string's coding and checks the index at every character, those two passes were a third of
     * reading the named features
     */
    private final ThreadLocal<TextCopy> originals = ThreadLocal.withInitial(TextCopy::new);

    MessageFeatures(FeatureSpace space) {
        this.space = space;
    }

    /**
     * @param ruleHits  per rule index of the rule set, whether it gave evidence (shadow rules already left out)
     * @param zones     bit set of {@link FeatureSpace.Zone} ordinals the text names
     */
    void named(NormalizedText normalized, boolean[] ruleHits, List<RedFlag> flags, Matches cues, int zones,
               List<Indicator> indicators, Language language, Sink sink) {
        int n = CATEGORY_COUNT;
        sink.feature(space.bias);
        int concepts = 0;
        for (int r = 0; r < ruleHits.length; r++) {
            if (ruleHits[r]) {
                sink.feature(space.rule[r]);
                if (space.conceptOf[r] >= 0) {
                    concepts |= 1 << space.conceptOf[r];
                }
            }
        }
        conceptPairs(concepts, sink);
        boolean[] present = new boolean[n];
        Severity worst = null;
        int quoted = 0;
        String original = normalized.original();
        int facts = facts(originals.get().of(original), original.length());
        boolean marks = !flags.isEmpty() && (facts & QUOTATION_MARK) != 0;
        for (RedFlag f : flags) {
            present[f.category().ordinal()] = true;
            if (worst == null || f.severity().compareTo(worst) > 0) {
                worst = f.severity();
            }
            if (quoted(normalized, f, marks)) {
                quoted++;
            }
        }
        rulePoints(flags, present, cues, sink);
        int count = 0;
        for (int a = 0; a < n; a++) {
            if (!present[a]) {
                continue;
            }
            count++;
            sink.feature(space.category[a]);
            for (int b = a + 1; b < n; b++) {
                if (present[b]) {
                    sink.feature(space.pair[a * n + b]);
                }
            }
        }
        if (count > 0) {
            sink.feature(space.categoryCount[Math.min(count, FeatureSpace.MAX_CATEGORY_COUNT) - 1]);
            sink.feature(space.strongest[worst.ordinal()]);
        }
        if (zones == 0) {
            sink.feature(space.zoneNone);
        }
        // what a place or a flag means depends on who speaks: a warning or a story names the same hubs and lures,
        // and a holiday the same towns; so these count only where something besides the place speaks of a job
        // (leaving tomorrow is a traveller's talk as much as a recruiter's)
        boolean jobTalk = cues.offer > 0;
        for (int c = 0; c < n && !jobTalk; c++) {
            jobTalk = present[c] && c != Category.RISKY_DESTINATION.ordinal() && c != Category.URGENCY.ordinal();
        }
        // an offer quoted whole is a report of it, the way a warning or a story passes it on, unless the text asks about
        // it: a worker forwarding the ad ("這個可以去嗎？在IG看到的「泰國 遊戲客服 月入8萬 包機票」"), who was read as
        // passing a warning on
        boolean question = (facts & QUESTION_MARK) != 0;
        boolean asks = question || cues.recruiting > 0;
        boolean unwarned = cues.awareness == 0 && cues.narrative == 0 && jobTalk
                && (2 * quoted <= flags.size() || asks);
        if (unwarned) {
            sink.feature(space.flagsUnwarned);
        }
        if (!jobTalk && present[Category.RISKY_DESTINATION.ordinal()]) {
            // a hub named where nothing speaks of a job: a holiday, the news, a relative's whereabouts
            sink.feature(space.placeWithoutJobTalk);
        }
        for (FeatureSpace.Zone z : ZONES) {
            if ((zones & (1 << z.ordinal())) == 0) {
                continue;
            }
            sink.feature(space.zone[z.ordinal()]);
            if (jobTalk) {
                // who reads a place changes what it means only where the text speaks of a job: "去西港" in a holiday
                // memory is a trip in any language
                sink.feature(space.zoneLanguage[z.ordinal() * LANGUAGE_COUNT + language.ordinal()]);
            }
            if (unwarned) {
                sink.feature(space.zoneUnwarned[z.ordinal()]);
            }
            for (int c = 0; c < n; c++) {
                if (present[c]) {
                    sink.feature(space.zoneCategory[z.ordinal() * n + c]);
                }
            }
        }
        if (zones == 1 << FeatureSpace.Zone.DOMESTIC.ordinal()) {
            sink.feature(space.domesticOnly);
        }
        if (cues.awareness > 0) {
            sink.feature(space.awareness[Math.min(cues.awareness, 3) - 1]);
            if (count > 0) {
                sink.feature(space.awarenessWithFlags);
            }
        }
        if (cues.recruiting > 0) {
            sink.feature(space.recruiting[Math.min(cues.recruiting, 2) - 1]);
        }
        if (cues.offer > 0) {
            sink.feature(space.offer[Math.min(cues.offer, 3) - 1]);
        }
        if (cues.offshore > 0) {
            sink.feature(space.offshore[Math.min(cues.offshore, 2) - 1]);
            if ((zones & ABROAD_ZONES) != 0) {
                sink.feature(space.offshoreAbroad);
            }
        }
        if (cues.legitimacy > 0) {
            sink.feature(space.legitimacy[Math.min(cues.legitimacy, 2) - 1]);
        }
        if (cues.narrative > 0) {
            sink.feature(space.narrative[Math.min(cues.narrative, 3) - 1]);
            if (count > 0) {
                sink.feature(space.narrativeWithFlags);
            }
        }
        if (quoted > 0) {
            sink.feature(space.quotedFlag);
            if (2 * quoted > flags.size()) {
                sink.feature(space.mostlyQuoted);
            }
        }
        if (facts >>> LIST_LINES_SHIFT >= 3) {
            sink.feature(space.listLines);
        }
        if (question) {
            sink.feature(space.question);
        }
        if (quoted > 0 && cues.awareness == 0) {
            // a worker forwards the ad in quotation marks ("转自群：「…」", "my friend sent me this: '…'") the way a
            // warning quotes it, but without a warning's words; and asks about it ("靠谱吗", "is this legit?")
            sink.feature(space.quotedUnwarned);
            if (asks) {
                sink.feature(space.quotedAsking);
            }
        }
        // money asked for the reader's own relative (您的家属…缴纳, "your son … pay"), as a captor or a fake official
        // asks it; a warning speaks of "families" and "victims"
        boolean moneyAsked = present[Category.RANSOM.ordinal()] || (concepts & space.moneyMask) != 0;
        if (moneyAsked && space.readersRelative(cues)) {
            sink.feature(space.readersRelative);
            if (cues.awareness > 0) {
                // an impostor speaks a warning's words on purpose: 使馆, 解救, 民警 next to a fee for your son
                sink.feature(space.readersRelativeWithAwareness);
            }
        } else if (moneyAsked && space.ownRelative(cues)) {
            sink.feature(space.ownRelative);
            if (question) {
                // a family asking what to do about a demand: 有人处理过吗？该不该报警？
                sink.feature(space.ownRelativeAsking);
            }
        }
        int length = original.length();
        sink.feature(space.length[length < 40 ? 0 : length < 100 ? 1 : length < 300 ? 2 : length < 1000 ? 3 : 4]);
        boolean[] types = new boolean[INDICATOR_TYPE_COUNT];
        boolean riskyPhone = false;
        for (Indicator i : indicators) {
            types[i.type().ordinal()] = true;
            riskyPhone |= i.type() == Indicator.Type.PHONE && RISKY_PHONE_REGIONS.contains(i.detail());
        }
        for (int t = 0; t < types.length; t++) {
            if (types[t]) {
                sink.feature(space.indicator[t]);
            }
        }
        if (riskyPhone) {
            sink.feature(space.riskyPhone);
        }
        sink.feature(space.language[language.ordinal()]);
    }

    /** Each pair of concepts the text names (money demanded + a release), and how many concepts it names. */
    private void conceptPairs(int concepts, Sink sink) {
        int c = space.conceptTotal;
        for (int a = 0; a < c; a++) {
            if ((concepts & (1 << a)) == 0) {
                continue;
            }
            for (int b = a + 1; b < c; b++) {
                if ((concepts & (1 << b)) != 0) {
                    sink.feature(space.conceptPair[a * c + b]);
                }
            }
        }
        int k = Integer.bitCount(concepts);
        if (k >= 2) {
            sink.feature(space.conceptCount[Math.min(k, 4) - 2]);
            if ((concepts & ~space.moneyTalkMask) == 0) {
                sink.feature(space.conceptsWithoutCoercion);
            }
        }
    }

    /**
     * The hand-set scoring the rules were written for (DESIGN.md section 2: weak 1 point, medium 2, a strong flag or
     * reassurance about a risky place is high alone, signs of a lawful employer take a point off weak-only messages),
     * as features: the rules' own judgement, which the model can trust, correct or override with the rest.
     */
    private void rulePoints(List<RedFlag> flags, boolean[] present, Matches cues, Sink sink) {
        Severity[] worst = new Severity[present.length];
        for (RedFlag f : flags) {
            Severity w = worst[f.category().ordinal()];
            if (w == null || f.severity().compareTo(w) > 0) {
                worst[f.category().ordinal()] = f.severity();
            }
        }
        int points = 0;
        boolean strong = present[Category.RISKY_DESTINATION.ordinal()] && present[Category.REASSURANCE.ordinal()];
        boolean heavy = false;
        for (Severity w : worst) {
            if (w != null) {
                points += w.ordinal() + 1;
                heavy |= w != Severity.WEAK;
                strong |= w == Severity.STRONG;
            }
        }
        if (!heavy && cues.legitimacy > 0 && points > 1) {
            points -= Math.min(cues.legitimacy, points - 1);
        }
        if (points > 0) {
            sink.feature(space.rulePoints[Math.min(points, 3) - 1]);
        }
        if (strong) {
            sink.feature(space.ruleStrong);
        }
    }

    /**
     * Whether a flag's evidence is quoted or listed as a lure (“包机票”, ❌ free ticket): how warnings use the same
     * phrases as offers.
     */
    static boolean quoted(NormalizedText normalized, RedFlag f) {
        return quoted(normalized, f, true);
    }

    /**
     * {@link #quoted(NormalizedText, RedFlag)}, told whether the original has a quotation mark at all
     * ({@link #facts}): most messages have none, and then no flag's line is read for one.
     */
    private static boolean quoted(NormalizedText normalized, RedFlag f, boolean marks) {
        String o = normalized.original();
        int from = normalized.charIndexOf(f.start());
        int to = normalized.charIndexOf(f.end());
        int before = from - 1;
        while (before >= 0 && before >= from - 3 && o.charAt(before) == ' ') {
            before--;
        }
        if (before >= 0 && (OPENING_QUOTES.indexOf(o.charAt(before)) >= 0 || isCross(o, before))) {
            return true;
        }
        return to < o.length() && CLOSING_QUOTES.indexOf(o.charAt(to)) >= 0 || marks && insideQuotes(o, from, to);
    }

    /** {@link #facts}: a quotation mark {@link #insideQuotes} looks for, a question mark, the list lines (shifted) */
    private static final int QUOTATION_MARK = 1;
    private static final int QUESTION_MARK = 2;
    private static final int LIST_LINES_SHIFT = 2;

    /**
     * What the checker asks of the first {@code n} characters of the original, in one pass over them: whether one of
     * them is a quotation mark {@link #insideQuotes} looks for ({@link #QUOTATION_MARK}), whether one is a question
     * mark ({@link #QUESTION_MARK}), and how many lines start as items of a list, above {@link #LIST_LINES_SHIFT}: a
     * line that after spaces and tabs opens with a bullet, a check mark, a circled number or a number followed by
     * ".", "、", ")" or ":". These were three passes over the text and two searches.
     */
    private static int facts(char[] o, int n) {
        int facts = 0;
        int lines = 0;
        // still in the spaces and tabs a line starts with
        boolean lineStart = true;
        for (int i = 0; i < n; i++) {
            char c = o[i];
            if (quotationMark(c)) {
                facts |= QUOTATION_MARK;
            }
            if (c == '?' || c == '？') {
                facts |= QUESTION_MARK;
            }
            if (c == '\n') {
                lineStart = true;
            } else if (lineStart && c != ' ' && c != '\t') {
                lineStart = false;
                if (listItem(o, n, i)) {
                    lines++;
                }
            }
        }
        return facts | lines << LIST_LINES_SHIFT;
    }

    /**
     * Whether [from, to) of the original stands between an opening quotation mark and its closing one on the same
     * line: 'typist job, $1500, Myawaddy', “金三角特区 月薪2万 过境有人接”. A report or a warning quotes the offer whole;
     * an apostrophe (they're, don’t) is no quotation mark.
     */
    static boolean insideQuotes(String o, int from, int to) {
        // one pass each way over at most QUOTE_REACH characters of the line, for all the marks at once: a flag is
        // asked about for every rule it came from, and a 100 KB text without a line break must not be read per flag
        int kinds = PAIRED_OPENING.length();
        int opened = 0;
        int blocked = 0;
        // per kind whose two marks are one character ("), whether an odd number of them stands before: a bit each
        int oddBefore = 0;
        for (int i = from - 1; i >= 0 && from - i <= QUOTE_REACH && o.charAt(i) != '\n'; i--) {
            char c = o.charAt(i);
            if (!quotationMark(c)) {
                continue;
            }
            for (int k = 0; k < kinds; k++) {
                char open = PAIRED_OPENING.charAt(k);
                char close = PAIRED_CLOSING.charAt(k);
                if (open == close) {
                    if (c == open && quoteMark(o, i)) {
                        oddBefore ^= 1 << k;
                    }
                } else if ((blocked & (1 << k)) == 0 && (opened & (1 << k)) == 0) {
                    if (c == close && quoteMark(o, i)) {
                        blocked |= 1 << k;
                    } else if (c == open) {
                        opened |= 1 << k;
                    }
                }
            }
        }
        int candidates = opened | oddBefore;
        for (int i = to; candidates != 0 && i < o.length() && i - to < QUOTE_REACH && o.charAt(i) != '\n'; i++) {
            char c = o.charAt(i);
            if (!quotationMark(c)) {
                continue;
            }
            for (int k = 0; k < kinds; k++) {
                if ((candidates & (1 << k)) == 0) {
                    continue;
                }
                char open = PAIRED_OPENING.charAt(k);
                char close = PAIRED_CLOSING.charAt(k);
                if (c == close && quoteMark(o, i)) {
                    return true;
                }
                if (c == open && open != close) {
                    candidates &= ~(1 << k);
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code c} is one of the paired quotation marks, in either role: two range tests that nearly every
     * character fails, where the loops over the six kinds compared each character of a flag's line twelve times.
     */
    private static boolean quotationMark(char c) {
        return c == '"' || c == '\'' || c >= '\u2018' && c <= '\u201D' || c >= '\u300C' && c <= '\u300F';
    }

    /** A mark between two letters or digits (they're, don’t, 5'11) is an apostrophe, not a quotation mark. */
    private static boolean quoteMark(String o, int i) {
        char c = o.charAt(i);
        if (c != '\'' && c != '\u2019') {
            return true;
        }
        return !(i > 0 && i + 1 < o.length() && Character.isLetterOrDigit(o.charAt(i - 1))
                && Character.isLetterOrDigit(o.charAt(i + 1)));
    }

    private static boolean isCross(String o, int at) {
        char c = o.charAt(at);
        // ❌ is U+274C; ✗ ✘ × 🚫 (a surrogate pair ending in U+DEAB)
        return c == '\u274C' || c == '\u2717' || c == '\u2718' || c == '\u00D7' || c == '\uDEAB';
    }

    /** Whether the line whose first character (after spaces and tabs) is {@code o[i]} is an item of a list. */
    private static boolean listItem(char[] o, int n, int i) {
        char c = o[i];
        return "•·-*●▪◆■►➤✅✔❌✗✘①②③④⑤⑥⑦⑧⑨⑩".indexOf(c) >= 0
                || c >= '0' && c <= '9' && i + 1 < n && ".、)）:".indexOf(o[i + 1]) >= 0;
    }
}
