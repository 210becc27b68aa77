package org.jobguard.checker;

import java.util.Arrays;

/**
 * What one normalized text matched. Offsets are UTF-16 indices of the normalized text, [start, end).
 *
 * <p>Per rule only its best evidence is kept: the earliest hit that no negation cue cancels, the longest when two
 * start together. A cue cancels a phrase only if it ends before the phrase starts, and the automaton reports hits
 * in order of their end, so every cue that can cancel a hit is already known when the hit arrives: each hit is
 * settled on the spot and a message's dozens of hits need no storing.
 *
 * <p>One per thread and rule set, reused for every text: the results are valid until the thread's next match.
 * Between matches it holds no text, only offsets.
 */
final class Matches {
    /** Negation must sit right before the phrase; English needs room for "will never ask you to". */
    private static final int NEGATION_WINDOW_CJK = 6;
    private static final int NEGATION_WINDOW_LATIN = 20;
    private static final String CLAUSE_END = "。.!?！？;；\n";
    private static final String FIELD_SEPARATORS = "/|｜·•";
    /** characters that open negated wording in Chinese (after Traditional -> Simplified) */
    private static final String NEGATING_HAN = "不没无未别勿非莫";
    private static final String[] NEGATING_WORDS = {"not", "no", "never", "cannot", "can't", "don't", "won't",
            "nothing", "nobody"};
    private static final int NONE = Integer.MAX_VALUE;
    private static final int DENIAL_WINDOW_CJK = 6;
    /** how far after a warning's word a question mark makes it a question ("scam ba ito?") */
    private static final int ASKED_WINDOW = 8;
    /** how far before it 哪 or "which" makes the question a quiz */
    private static final int QUIZ_WINDOW = 24;
    /** 别 and 勿 give orders ("别被骗"), which warnings do */
    private static final String ORDERING_HAN = "别勿";
    /** after 不 these make an order or a passive (不要, 不能, 不可, 不被), not a denial */
    private static final String ORDER_AFTER_NOT = "要能可许被用";
    private static final java.util.Set<String> DENYING_WORDS = java.util.Set.of("not", "no", "nothing", "isn't",
            "aren't", "never", "zero");
    private static final int LONGEST_DENYING_WORD = 16;
    private static final java.util.Set<String> FILLER_WORDS = java.util.Set.of("a", "an", "any", "the");
    /** "do not", "never" in "never pay": orders to the reader */
    private static final java.util.Set<String> ORDERING_WORDS = java.util.Set.of("do", "please", "should", "must");

    private NormalizedText normalized;
    private String text;
    /** per rule: start of its best hit, {@link #NONE} without one */
    private final int[] bestStart;
    private final int[] bestEnd;
    /** per rule: whether it is a concept, which no negation cancels */
    private final boolean[] concept;
    private int[] negationStart = new int[4];
    private int[] negationEnd = new int[4];
    private int negations;
    private final long[] seenCues;
    int awareness;
    int recruiting;
    int legitimacy;
    int narrative;
    int offer;
    int offshore;
    static final int MAX_OFFSHORE_QUOTES = 3;
    /** where the first offshore cues stand, [begin, end) pairs in the normalized text: quoted where they made the risk */
    private final int[] offshoreSpans = new int[2 * MAX_OFFSHORE_QUOTES];
    private final CompiledRules rules;
    /** per pattern: where the automaton saw one of its prefixes, in order of the prefixes' ends */
    private final int[][] patternStarts;
    private final int[] patternStartCounts;
    /**
     * the patterns with at least one start in this text, [0, startedCount): a message gives a few of the hundred
     * patterns a start, and the patterns are run, and the counts emptied, by this list, not by a pass over all
     */
    private int[] started = new int[16];
    private int startedCount;
    /** per requirement of a pattern: the last start of one of its literals, -1 while none was seen */
    private final int[] needLastStart;
    /**
     * one bit per pattern: whether its regex ran on this text. A pattern that runs on most messages costs the checker a
     * good part of its speed (PatternGatingTest counts them)
     */
    private final long[] tried;
    /** the scan's copy of the text's characters */
    final TextCopy characters = new TextCopy();

    Matches(CompiledRules rules) {
        this.rules = rules;
        this.bestStart = new int[rules.ruleCount()];
        this.bestEnd = new int[rules.ruleCount()];
        this.concept = new boolean[rules.ruleCount()];
        for (int r = 0; r < concept.length; r++) {
            concept[r] = rules.rule(r).concept();
        }
        this.seenCues = new long[(rules.cueCount() + 63) / 64];
        this.patternStarts = new int[rules.patternCount()][];
        this.patternStartCounts = new int[rules.patternCount()];
        this.needLastStart = new int[rules.needCount()];
        this.tried = new long[(rules.patternCount() + 63) / 64];
    }

    /** Forgets the previous text's results and takes {@code next} as the text the coming hits are in. */
    Matches start(NormalizedText next) {
        normalized = next;
        text = next.text();
        Arrays.fill(bestStart, NONE);
        Arrays.fill(seenCues, 0);
        for (int k = 0; k < startedCount; k++) {
            patternStartCounts[started[k]] = 0;
        }
        startedCount = 0;
        Arrays.fill(needLastStart, -1);
        Arrays.fill(tried, 0);
        negations = 0;
        awareness = 0;
        recruiting = 0;
        legitimacy = 0;
        narrative = 0;
        offer = 0;
        offshore = 0;
        return this;
    }

    private void offshore(int counted, int begin, int end) {
        if (counted > 0 && offshore < MAX_OFFSHORE_QUOTES) {
            offshoreSpans[2 * offshore] = begin;
            offshoreSpans[2 * offshore + 1] = end;
        }
        offshore += counted;
    }

    /** The normalized span of the k-th offshore cue counted, k below {@code min(offshore, MAX_OFFSHORE_QUOTES)}. */
    int offshoreStart(int k) {
        return offshoreSpans[2 * k];
    }

    int offshoreEnd(int k) {
        return offshoreSpans[2 * k + 1];
    }

    /** Lets go of the text: a message must not stay reachable from a thread after its check. */
    void finish() {
        normalized = null;
        text = null;
    }

    boolean hit(int rule) {
        return bestStart[rule] != NONE;
    }

    int start(int rule) {
        return bestStart[rule];
    }

    int end(int rule) {
        return bestEnd[rule];
    }

    /** Target kinds by ordinal: {@link #target} gets the ordinal, packed with the target's index in an int. */
    private static final CompiledRules.Target.Kind[] KINDS = CompiledRules.Target.Kind.values();

    /**
     * One target of a phrase the automaton found at [begin, end); {@code boundary} says whether the phrase stands
     * at word boundaries, without which it counts only as a place where a pattern may start or must go through.
     *
     * @param kind the target's {@link CompiledRules.Target.Kind} ordinal
     */
    void target(int kind, int index, int begin, int end, boolean boundary) {
        switch (KINDS[kind]) {
            case PATTERN_START -> patternStart(index, begin);
            case PATTERN_NEED -> need(index, begin);
            case RULE -> {
                if (boundary) {
                    rule(index, begin, end);
                }
            }
            case NEGATION -> {
                if (boundary) {
                    negation(begin, end);
                }
            }
            // a cue already counted, or one inside a word, is not looked at again: a text of one cue repeated must
            // not have its words read back once per hit
            case AWARENESS -> {
                if (boundary && !seen(index) && asked(begin, end)) {
                    // "is this a scam?", "这是骗子吗": the worker asking about what they were sent, not a warning
                    recruiting += cue(index, begin, end, true);
                } else {
                    awareness += !boundary || seen(index) || denied(begin) ? 0 : cue(index, begin, end, true);
                }
            }
            case RECRUITING -> recruiting += cue(index, begin, end, boundary);
            case LEGITIMACY -> legitimacy += cue(index, begin, end, boundary);
            case NARRATIVE -> narrative += cue(index, begin, end, boundary);
            case OFFER -> offer += cue(index, begin, end, boundary);
            case OFFSHORE -> offshore(cue(index, begin, end, boundary), begin, end);
        }
    }

    /**
     * A hit of a rule; kept if it beats the rule's best so far and no negation cue before it cancels it. A concept is
     * a topic, not a claim: "if we don't pay" still speaks of paying, so no negation cancels it.
     */
    void rule(int rule, int start, int end) {
        int b = bestStart[rule];
        boolean better = start < b || (start == b && end > bestEnd[rule]);
        if (better && (concept[rule] || !negated(start))) {
            bestStart[rule] = start;
            bestEnd[rule] = end;
        }
    }

    /**
     * How many places pattern {@code p} may match at, sorted in place, counting only those up to its rule's best
     * start (a match starting later cannot beat the evidence the rule already has) and early enough that each
     * literal the match must contain still occurs after the pattern's prefix.
     */
    int candidateCount(int p) {
        int count = patternStartCounts[p];
        if (count == 0) {
            return 0;
        }
        int[] starts = patternStarts[p];
        sort(starts, count);
        int limit = bestStart[rules.patternRule(p)];
        for (int need : rules.patternNeeds(p)) {
            limit = Math.min(limit, needLastStart[need] - rules.prefixLength(p));
        }
        int n = 0;
        while (n < count && starts[n] <= limit) {
            n++;
        }
        return n;
    }

    /**
     * Sorts the first {@code count} starts. They come nearly in order (the automaton reports prefixes by their end)
     * and are few, where Arrays.sort's set-up cost more than the sorting: an insertion sort, unless there are many.
     */
    private static void sort(int[] starts, int count) {
        if (count > 32) {
            Arrays.sort(starts, 0, count);
            return;
        }
        for (int i = 1; i < count; i++) {
            int s = starts[i];
            int j = i;
            while (j > 0 && starts[j - 1] > s) {
                starts[j] = starts[j - 1];
                j--;
            }
            starts[j] = s;
        }
    }

    /** Pattern {@code p}'s regex runs on this text. */
    void tried(int p) {
        tried[p >>> 6] |= 1L << p;
    }

    /** Whether pattern {@code p}'s regex ran on the last text. */
    boolean wasTried(int p) {
        return (tried[p >>> 6] & (1L << p)) != 0;
    }

    /**
     * The patterns that have a start in this text, in ascending order (the order they run in, as a pattern's evidence
     * can narrow the candidates of a later one of its rule), in {@code [0, return)} of the returned array's first
     * elements: see {@link #startedPatterns()}.
     */
    int sortStartedPatterns() {
        sort(started, startedCount);
        return startedCount;
    }

    /** The array {@link #sortStartedPatterns} sorted; valid until the next text. */
    int[] startedPatterns() {
        return started;
    }

    /** The {@code k}-th place pattern {@code p} may match at, after {@link #candidateCount}. */
    int candidate(int p, int k) {
        return patternStarts[p][k];
    }

    /** A literal of requirement {@code need} found at {@code begin}. */
    void need(int need, int begin) {
        needLastStart[need] = Math.max(needLastStart[need], begin);
    }

    /** A place at {@code begin} where pattern {@code p} may start. */
    void patternStart(int p, int begin) {
        if (begin > bestStart[rules.patternRule(p)]) {
            return;
        }
        if (patternStartCounts[p] == 0) {
            if (startedCount == started.length) {
                started = Arrays.copyOf(started, 2 * startedCount);
            }
            started[startedCount++] = p;
        }
        if (patternStarts[p] == null) {
            patternStarts[p] = new int[4];
        } else if (patternStartCounts[p] == patternStarts[p].length) {
            patternStarts[p] = Arrays.copyOf(patternStarts[p], patternStartCounts[p] * 2);
        }
        patternStarts[p][patternStartCounts[p]++] = begin;
    }

    private void negation(int start, int end) {
        if (negations == negationStart.length) {
            negationStart = Arrays.copyOf(negationStart, negations * 2);
            negationEnd = Arrays.copyOf(negationEnd, negations * 2);
        }
        negationStart[negations] = start;
        negationEnd[negations++] = end;
    }

    /**
     * 1 for a cue's first whole-word hit outside an address: "victim" in planted.victim@example.com or "scam" in
     * @no_scam_jobs names an account, not a warning.
     */
    private int cue(int index, int begin, int end, boolean boundary) {
        // a cue already counted counts nothing again, wherever it stands: asked first, it spares reading the
        // characters around each repetition
        return boundary && !seen(index) && !inAddress(begin, end) ? firstTime(index) : 0;
    }

    /**
     * Whether [begin, end) of the normalized text lies, in the original, in a run of ASCII without spaces that holds
     * an '@' or a '/': an e-mail, handle or link (the original, because the normalizer reads "_" as a space).
     */
    private boolean inAddress(int begin, int end) {
        if (text.charAt(begin) >= 0x80) {
            return false;
        }
        String o = normalized.original();
        int[] span = normalized.originalSpan(begin, end);
        int from = normalized.charIndexOf(span[0]);
        int to = normalized.charIndexOf(span[1]);
        int limit = 80;
        for (int i = from - 1; i >= 0 && i >= from - limit && addressChar(o.charAt(i)); i--) {
            if (o.charAt(i) == '@' || o.charAt(i) == '/') {
                return true;
            }
        }
        for (int i = to; i < o.length() && i < to + limit && addressChar(o.charAt(i)); i++) {
            if (o.charAt(i) == '@' || o.charAt(i) == '/') {
                return true;
            }
        }
        return false;
    }

    private static boolean addressChar(char c) {
        return c > ' ' && c < 0x7f;
    }

    private boolean seen(int cue) {
        return (seenCues[cue >>> 6] & (1L << (cue & 63))) != 0;
    }

    private int firstTime(int cue) {
        long bit = 1L << (cue & 63);
        if ((seenCues[cue >>> 6] & bit) != 0) {
            return 0;
        }
        seenCues[cue >>> 6] |= bit;
        return 1;
    }

    /**
     * Whether a warning's word is asked about: a question mark or 吗 follows it within a few characters of its clause
     * ("is this a scam?", "这是骗子吗？", "scam ba ito?"). Read in the original, where the normalizer has dropped
     * the question mark between two Han characters. A quiz asks too ("下面哪条是陷阱？", "which of these is a
     * trap?"): a warning's, so not when 哪 or "which" opens the clause.
     */
    private boolean asked(int cueBegin, int cueEnd) {
        String o = normalized.original();
        int from = normalized.charIndexOf(normalized.originalSpan(cueEnd - 1, cueEnd)[1]);
        boolean question = false;
        for (int i = from; i < o.length() && i < from + ASKED_WINDOW && !question; i++) {
            char c = o.charAt(i);
            question = c == '?' || c == '？' || c == '吗' || c == '嗎';
            if (!question && endsAskedClause(c)) {
                return false;
            }
        }
        if (!question) {
            return false;
        }
        int start = normalized.charIndexOf(normalized.originalSpan(cueBegin, cueBegin + 1)[0]);
        for (int i = start - 1; i >= 0 && i >= start - QUIZ_WINDOW && !endsAskedClause(o.charAt(i)); i--) {
            if (o.charAt(i) == '哪' || o.regionMatches(true, i, "which", 0, 5)) {
                return false;
            }
        }
        return true;
    }

    /** a clause's end, or a comma or colon: "scam, is it?" asks about something else */
    private static boolean endsAskedClause(char c) {
        return CLAUSE_END.indexOf(c) >= 0 || c == '，' || c == ',' || c == '：' || c == ':';
    }

    /**
     * Whether a warning's word is denied by a statement before it in its clause, as recruiters deny: 不做任何违法的事,
     * 我们不是骗子, 没有任何违法的活, "this is not a scam". Such a word reassures; it is not a warning's. An order to the
     * reader (别被骗, 不要被骗, "don't fall for scams") is a warning's wording and stays one.
     */
    private boolean denied(int cueStart) {
        if (cueStart == 0) {
            return false;
        }
        if (text.charAt(cueStart) >= 0x250) {
            for (int i = cueStart - 1; i >= 0 && i >= cueStart - DENIAL_WINDOW_CJK; i--) {
                char c = text.charAt(i);
                if (ORDERING_HAN.indexOf(c) >= 0) {
                    return false;
                }
                if (denyingHan(i, cueStart)) {
                    return !clauseBreak(i + 1, cueStart);
                }
            }
            return false;
        }
        // Latin: a denying word right before the cue, with at most an article between ("not a scam", "no scams")
        int end = cueStart;
        for (int words = 0; words < 2; end = wordStart(end)) {
            int start = wordStart(end);
            String word = text.substring(start, wordEnd(end));
            if (word.isEmpty() || clauseBreak(wordEnd(end), cueStart)) {
                return false;
            }
            if (DENYING_WORDS.contains(word)) {
                int before = wordStart(start);
                return !ORDERING_WORDS.contains(text.substring(before, wordEnd(start)));
            }
            if (!FILLER_WORDS.contains(word)) {
                return false;
            }
            words++;
        }
        return false;
    }

    /**
     * Whether a statement negation starts at {@code i}: 0 or 零 (0套路), 拒绝 and 杜绝; 不 and 没 that are no order (不要, 不能), passive (不被) or
     * question (是不是, 有没有); 非 only in 并非 and 绝非 (非法 and 非常 deny nothing); 无 only in 无任何 and 毫无
     * (无辜受害者 is a warning's).
     */
    private boolean denyingHan(int i, int cueStart) {
        char c = text.charAt(i);
        char before = i > 0 ? text.charAt(i - 1) : 0;
        char after = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        if (c == '0' || c == '零') {
            // 0套路, 零风险: a post's promise of none, right before the word (not the 0 of "100人被骗")
            return i == cueStart - 1 && !(before >= '0' && before <= '9');
        }
        if ((c == '拒' || c == '杜') && after == '绝') {
            // 拒绝坑蒙拐骗, 杜绝违法
            return true;
        }
        return switch (c) {
            case '不', '没' -> ORDER_AFTER_NOT.indexOf(after) < 0 && before != after;
            case '非' -> before == '并' || before == '绝';
            case '无' -> before == '毫' || text.startsWith("任何", i + 1);
            default -> false;
        };
    }

    /** Where the Latin word before {@code end} ends: {@code end} less the spaces before it. */
    private int wordEnd(int end) {
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    /** Where the Latin word before {@code end} (spaces skipped) starts; {@code wordEnd(end)} if there is none. */
    private int wordStart(int end) {
        int wordEnd = wordEnd(end);
        int i = wordEnd;
        // a denying word is short: a longer run is no such word, and is not read to its start
        while (i > 0 && wordEnd - i < LONGEST_DENYING_WORD
                && (isWordChar(text.charAt(i - 1)) || text.charAt(i - 1) == '\'')) {
            i--;
        }
        return i;
    }

    private boolean negated(int phraseStart) {
        if (negations == 0 || negatedWording(phraseStart)) {
            // a negative statement ("cannot guarantee his safety", "不违法") stays one after a negation before it
            return false;
        }
        for (int k = 0; k < negations; k++) {
            int nStart = negationStart[k];
            int nEnd = negationEnd[k];
            if (nStart >= phraseStart) {
                continue;
            }
            if (nEnd > phraseStart) {
                // the cue's tail is the phrase's head, as 不收 and 收手机 in "不收手机"
                return true;
            }
            int gap = phraseStart - nEnd;
            boolean latin = phraseStart < text.length() && text.charAt(phraseStart) < 0x250;
            if (gap > (latin ? NEGATION_WINDOW_LATIN : NEGATION_WINDOW_CJK)) {
                continue;
            }
            // for a negation any comma or point ends the clause, between digits too, as it always has
            if (!clauseBreak(nEnd, phraseStart, false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a clause ends between two places of the normalized text, by its punctuation or the original's; a
     * comma or point between digits ("40,000", "3.5") ends nothing.
     */
    boolean clauseBreak(int from, int to) {
        return clauseBreak(from, to, true);
    }

    private boolean clauseBreak(int from, int to, boolean digitsJoin) {
        for (int i = from; i < to; i++) {
            if (CLAUSE_END.indexOf(text.charAt(i)) >= 0 && !(digitsJoin && betweenDigits(text, i))) {
                return true;
            }
        }
        // punctuation between two CJK characters is dropped by the normalizer, so look at the original
        if (from <= 0 || to <= from) {
            return false;
        }
        String original = normalized.original();
        int end = normalized.charIndexOf(normalized.source()[to]);
        for (int i = normalized.charIndexOf(normalized.source()[from - 1] + 1); i < end; i++) {
            char c = original.charAt(i);
            if ((CLAUSE_END.indexOf(c) >= 0 || c == '，' || c == ',') && !(digitsJoin && betweenDigits(original, i))) {
                return true;
            }
            // a space between Chinese words separates items as a comma would ("不用会英语 包机票"); a negation
            // does not reach across it
            if (!digitsJoin && Character.isWhitespace(c) && (betweenHan(original, i) || nextToSeparator(original, i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a phrase opens with a negation of its own: 不违法, "not a scam", "cannot guarantee his safety". */
    private boolean negatedWording(int phraseStart) {
        char c = text.charAt(phraseStart);
        if (NEGATING_HAN.indexOf(c) >= 0) {
            return true;
        }
        for (String word : NEGATING_WORDS) {
            int end = phraseStart + word.length();
            if (text.startsWith(word, phraseStart)
                    && (end == text.length() || !isWordChar(text.charAt(end)) && text.charAt(end) != '\'')) {
                return true;
            }
        }
        return false;
    }

    /** A space beside a field separator (" / ", " | "): a post's fields, which a negation does not reach across. */
    private static boolean nextToSeparator(String s, int i) {
        return i > 0 && FIELD_SEPARATORS.indexOf(s.charAt(i - 1)) >= 0
                || i + 1 < s.length() && FIELD_SEPARATORS.indexOf(s.charAt(i + 1)) >= 0;
    }

    private static boolean betweenHan(String s, int i) {
        int before = i - 1;
        while (before >= 0 && Character.isWhitespace(s.charAt(before))) {
            before--;
        }
        int after = i + 1;
        while (after < s.length() && Character.isWhitespace(s.charAt(after))) {
            after++;
        }
        return before >= 0 && after < s.length() && isHan(s.charAt(before)) && isHan(s.charAt(after));
    }

    private static boolean isHan(char c) {
        return c >= 0x2E80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean betweenDigits(String s, int i) {
        return i > 0 && i + 1 < s.length() && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1));
    }

    /**
     * Whether a phrase found at [begin, end) of a text's characters ({@code length} of them, the scan's copy) has no
     * word character right before or after it; only the sides where the phrase itself has a word character
     * ({@code wordEdges} bit 1 first, bit 2 last) can fail. Latin phrases count only as whole words.
     */
    static boolean atWordBoundary(char[] text, int length, int begin, int end, int wordEdges) {
        return !((wordEdges & 1) != 0 && begin > 0 && isWordChar(text[begin - 1])
                        && ((wordEdges & 4) == 0 || !isDigit(text[begin - 1])))
                && !((wordEdges & 2) != 0 && end < length && isWordChar(text[end]));
    }

    /**
     * The sides of a phrase that need a word boundary (bit 1 first, bit 2 last), and bit 4 when it starts with a
     * digit: such a phrase may continue a number, so that 2万 is found in 20万 and 0u in 50000u, and only a letter
     * before it breaks the word.
     */
    static byte wordEdges(String phrase) {
        char first = phrase.charAt(0);
        return (byte) ((isWordChar(first) ? 1 : 0) | (isWordChar(phrase.charAt(phrase.length() - 1)) ? 2 : 0)
                | (isDigit(first) ? 4 : 0));
    }

    /**
     * Where the number a digit-led phrase continues starts, so that its evidence quotes 20万, not 0万; read back at
     * most 24 characters (a longer run of digits is no amount anyone writes).
     */
    static int numberStart(char[] text, int begin, int wordEdges) {
        if ((wordEdges & 4) == 0) {
            return begin;
        }
        int from = begin;
        int stop = Math.max(0, begin - 24);
        while (from > stop && (isDigit(text[from - 1])
                || (text[from - 1] == ',' || text[from - 1] == '.') && from - 2 >= 0 && isDigit(text[from - 2]))) {
            from--;
        }
        return from;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordChar(char c) {
        return c < LATIN_WORD.length && LATIN_WORD[c];
    }

    /** Letters and digits of the Latin blocks; asked twice per hit of a Latin phrase, so looked up, not computed. */
    private static final boolean[] LATIN_WORD = latinWordTable();

    private static boolean[] latinWordTable() {
        boolean[] table = new boolean[0x250];
        for (char c = 0; c < table.length; c++) {
            table[c] = Character.isLetterOrDigit(c);
        }
        return table;
    }
}
