package org.jobguard.checker;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the places a message names, for scoring to weigh the weak signs by where the job is.
 * <p>
 * Names are normalized with the same {@link Normalizer} as the text, so 西港 in a Traditional message, 妙 瓦 底 and
 * "S I H A N O U K V I L L E" need no entries of their own. One Aho-Corasick automaton finds every name and every
 * not-a-place word in one pass; then:
 * <ul>
 * <li>Latin names are whole words ("kh" is not in "khan").</li>
 * <li>Longer names win over names inside or across them (缅北 over 缅, 金三角经济特区 over 金三角); a not-a-place word
 * wins like a name, and also against a place of its own length, which is why it is listed (平台中 is "in the
 * platform", not 台中; 平台北京 is 北京).</li>
 * <li>An ambiguous name (缅, 老, 菲, 迪, KK, 木牌) counts only where the text says a place is meant: right after a
 * travel word (去缅, 在菲, to KK) with a work word or the end of the phrase after it (去缅发展, 人在柬。); in a row of
 * country abbreviations (缅柬老, 泰缅); for Chinese ones, as a phrase on its own (地点：缅。); for ones of two or more
 * characters, at the start of a phrase before a work word (xigang 招录入员). So 老板, 老师, 菲菲 and 迪士尼 are no
 * places, and neither is "kk, see you".</li>
 * </ul>
 * Immutable and safe to share; the work per message is linear in its length (each hit is checked against at most
 * its own length of characters, and names are short).
 */
public final class Gazetteer implements Places {
    /** Phrase targets below zero are not-a-place words. */
    private static final int NOT_A_PLACE = -1;
    /** How far the context checks look across gaps; a longer run of separators is a break anyway. */
    private static final int GAP_LIMIT = 16;

    private final List<PlaceEntry> entries;
    private final ThreadLocal<Walk> reused = ThreadLocal.withInitial(() -> new Walk(this));
    private final PlaceTrie automaton = new PlaceTrie();
    /** Dense code of every character that occurs in some phrase, 0 for the others: a small, cache-friendly trie. */
    private final char[] code = new char[0x10000];
    /** per phrase, in the automaton's numbering: the entry index or {@link #NOT_A_PLACE} */
    private final int[] phraseEntry;
    private final boolean[] phraseAmbiguous;
    /** per phrase: whether its first (1) and last (2) characters are Latin word characters, which need a boundary */
    private final byte[] phraseWordEdges;
    private final int longestPhrase;
    private final List<String> cuesBefore;
    private final List<String> cuesAfter;

    public Gazetteer(PlaceCatalogue catalogue, Normalizer normalizer) {
        this(catalogue.entries(), catalogue.cues(), normalizer);
    }

    /**
     * @throws NameException when a name, word or cue is empty once normalized, or one spelling means two things
     */
    public Gazetteer(List<PlaceEntry> entries, PlaceCues cues, Normalizer normalizer) {
        this.entries = List.copyOf(entries);
        Map<String, Phrase> phrases = new HashMap<>();
        for (int e = 0; e < this.entries.size(); e++) {
            PlaceEntry entry = this.entries.get(e);
            for (String name : entry.names()) {
                addName(phrases, normalizer, entry, e, name, false);
            }
            for (String name : entry.ambiguousNames()) {
                addName(phrases, normalizer, entry, e, name, true);
            }
        }
        for (String word : cues.notPlaces()) {
            String key = key(normalizer, null, word);
            Phrase before = phrases.putIfAbsent(key, new Phrase(NOT_A_PLACE, false, word));
            if (before != null && before.entry() != NOT_A_PLACE) {
                throw new NameException(null, word, "'" + word + "' is listed as not a place but is a name of "
                        + this.entries.get(before.entry()).id());
            }
        }
        cuesBefore = cues.before().stream().map(c -> key(normalizer, null, c)).distinct().toList();
        cuesAfter = cues.after().stream().map(c -> key(normalizer, null, c)).distinct().toList();

        int[] uses = new int[0x10000];
        phrases.keySet().forEach(p -> p.chars().forEach(c -> uses[c]++));
        char next = 1;
        for (int c = 0; c < uses.length; c++) {
            if (uses[c] > 0) {
                code[c] = next++;
            }
        }
        // the library numbers phrases in the order of this map; its values are kept only to count them
        TreeMap<String, String> encoded = new TreeMap<>();
        phrases.keySet().forEach(p -> encoded.put(new String(encode(p)), p));
        if (!encoded.isEmpty()) {
            automaton.build(encoded);
        }
        phraseEntry = new int[encoded.size()];
        phraseAmbiguous = new boolean[encoded.size()];
        phraseWordEdges = new byte[encoded.size()];
        int h = 0;
        int longest = 0;
        for (String phrase : encoded.values()) {
            Phrase p = phrases.get(phrase);
            phraseEntry[h] = p.entry();
            phraseAmbiguous[h] = p.ambiguous();
            phraseWordEdges[h] = Matches.wordEdges(phrase);
            longest = Math.max(longest, phrase.length());
            h++;
        }
        longestPhrase = longest;
    }

    /** What a normalized spelling stands for, with the spelling as written for error messages. */
    private record Phrase(int entry, boolean ambiguous, String written) {
    }

    private void addName(Map<String, Phrase> phrases, Normalizer normalizer, PlaceEntry entry, int e, String name,
                         boolean ambiguous) {
        for (String spelling : spellings(key(normalizer, entry.id(), name))) {
            Phrase before = phrases.putIfAbsent(spelling, new Phrase(e, ambiguous, name));
            if (before == null || (before.entry() == e && before.ambiguous() == ambiguous)) {
                continue;
            }
            if (before.entry() == e) {
                throw new NameException(entry.id(), name, "'" + name + "' is both a name and an ambiguous name of "
                        + entry.id());
            }
            String other = before.entry() == NOT_A_PLACE ? "a word listed as not a place"
                    : "a name of " + entries.get(before.entry()).id() + " ('" + before.written() + "')";
            throw new NameException(entry.id(), name, "'" + name + "' of " + entry.id() + " is also " + other);
        }
    }

    private static String key(Normalizer normalizer, String entryId, String name) {
        String key = normalizer.normalize(name.strip()).text().strip();
        if (key.isEmpty()) {
            throw new NameException(entryId, name, "'" + name + "' is empty once normalized");
        }
        return key;
    }

    /**
     * The normalized name and the ways a message may join or split its Latin words: "shwe kokko" is also written
     * "shwekokko" (a hyphen already reads as a space), "o'smach" also "o’smach", "o smach" and "osmach".
     */
    static Set<String> spellings(String key) {
        Set<String> out = new LinkedHashSet<>();
        out.add(key);
        if (key.indexOf('\'') >= 0 || key.indexOf('’') >= 0) {
            String plain = key.replace('’', '\'');
            out.add(plain);
            out.add(plain.replace('\'', '’'));
            out.add(plain.replace('\'', ' '));
            out.add(plain.replace("'", ""));
        }
        for (String s : List.copyOf(out)) {
            if (s.indexOf(' ') >= 0) {
                out.add(s.replace(" ", ""));
            }
        }
        return out;
    }

    private char[] encode(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = code[s.charAt(i)];
        }
        return out;
    }

    public List<PlaceEntry> entries() {
        return entries;
    }

    /** The places named in {@code normalized}, in text order, each with its span in the normalized text. */
    @Override
    public List<PlaceMention> find(NormalizedText normalized) {
        String text = normalized.text();
        Walk walk = walk(text.length());
        if (walk == null) {
            return List.of();
        }
        char[] chars = walk.characters.of(text);
        for (int i = 0; i < text.length(); i++) {
            walk.step(chars, text.length(), i);
        }
        return find(normalized, walk);
    }

    /**
     * A walk of the names' automaton over a text of {@code length} characters, for {@link #find(NormalizedText, Walk)}
     * once every character was stepped; null when there are no names to find.
     */
    Walk walk(int length) {
        if (length == 0 || phraseEntry.length == 0) {
            return null;
        }
        // the thread's hits and work arrays, reused: allocating them was most of what finding places allocated
        return length <= TextCopy.REUSED_CAPACITY ? reused.get().clear() : new Walk(this);
    }

    /** The places a walk over all of {@code normalized}'s text found. */
    List<PlaceMention> find(NormalizedText normalized, Walk hits) {
        String text = normalized.text();
        if (hits.count == 0) {
            return List.of();
        }
        long[] kept = longestWithoutOverlap(hits, text.length());
        List<PlaceMention> mentions = new ArrayList<>(kept.length);
        for (int k = 0; k < kept.length; k++) {
            int hit = (int) kept[k];
            int phrase = hits.phrase[hit];
            int start = hits.start[hit];
            int end = hits.end[hit];
            boolean ambiguous = phraseAmbiguous[phrase];
            if (ambiguous && !inRowOfAmbiguous(hits, kept, k) && !placeMeant(normalized, start, end)) {
                continue;
            }
            PlaceEntry entry = entries.get(phraseEntry[phrase]);
            mentions.add(new PlaceMention(entry.id(), entry.kind(), entry.country(), start, end, ambiguous));
        }
        return mentions;
    }

    /** {@link PlaceSummary#of} the places found. */
    public PlaceSummary summarize(NormalizedText normalized) {
        return PlaceSummary.of(find(normalized));
    }

    /**
     * The places that win, in text order, as {@code start << 32 | hit}: the longest first, a not-a-place word before a
     * place of its length, then from the left, each only where no winner has taken a character. Sorting is by
     * counting: lengths are bounded by the longest phrase, and the automaton reports hits of one length in text order.
     */
    private long[] longestWithoutOverlap(Walk hits, int textLength) {
        int buckets = 2 * (longestPhrase + 1);
        int[] bucketStart = new int[buckets + 1];
        for (int i = 0; i < hits.count; i++) {
            bucketStart[bucket(hits, i) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        int[] order = new int[hits.count];
        for (int i = 0; i < hits.count; i++) {
            order[bucketStart[bucket(hits, i)]++] = i;
        }
        boolean[] taken = hits.taken(textLength);
        long[] kept = new long[hits.count];
        int keptCount = 0;
        for (int hit : order) {
            int start = hits.start[hit];
            int end = hits.end[hit];
            boolean free = true;
            for (int i = start; i < end && free; i++) {
                free = !taken[i];
            }
            if (!free) {
                continue;
            }
            Arrays.fill(taken, start, end, true);
            if (phraseEntry[hits.phrase[hit]] != NOT_A_PLACE) {
                kept[keptCount++] = ((long) start << 32) | hit;
            }
        }
        long[] places = Arrays.copyOf(kept, keptCount);
        Arrays.sort(places);
        return places;
    }

    /** Longer phrases first; of one length, not-a-place words before places. */
    private int bucket(Walk hits, int hit) {
        int length = hits.end[hit] - hits.start[hit];
        boolean place = phraseEntry[hits.phrase[hit]] != NOT_A_PLACE;
        return 2 * (longestPhrase - length) + (place ? 1 : 0);
    }

    /** 缅柬老, 泰缅: an ambiguous name right next to an ambiguous name of another place (菲菲 is one name twice). */
    private boolean inRowOfAmbiguous(Walk hits, long[] kept, int k) {
        int hit = (int) kept[k];
        int entry = phraseEntry[hits.phrase[hit]];
        if (k > 0) {
            int before = (int) kept[k - 1];
            if (hits.end[before] == hits.start[hit] && phraseAmbiguous[hits.phrase[before]]
                    && phraseEntry[hits.phrase[before]] != entry) {
                return true;
            }
        }
        if (k + 1 < kept.length) {
            int after = (int) kept[k + 1];
            return hits.start[after] == hits.end[hit] && phraseAmbiguous[hits.phrase[after]]
                    && phraseEntry[hits.phrase[after]] != entry;
        }
        return false;
    }

    /**
     * Whether the words around an ambiguous name say it is a place: a travel word before it and a work word or a
     * phrase break after it; for a Chinese name, breaks on both sides; for a name of two or more characters, a break
     * before it and a Chinese work word after it ("xigang 招录入员", 老街招人). A Latin abbreviation on its own is not
     * enough ("KK" is also "okay", "kk for now"), and a single character at the start of a phrase is not either:
     * 老工作到半夜.
     */
    private boolean placeMeant(NormalizedText normalized, int start, int end) {
        String text = normalized.text();
        boolean breakAfter = breakAfter(normalized, end);
        String cueAfter = breakAfter ? null : cueAfter(text, end);
        if (cueBefore(text, start) && (breakAfter || cueAfter != null)) {
            return true;
        }
        boolean chineseCueAfter = cueAfter != null && !Matches.isWordChar(cueAfter.charAt(0));
        if (!(breakAfter || (chineseCueAfter && end - start >= 2)) || !breakBefore(normalized, start)) {
            return false;
        }
        return chineseCueAfter || !Matches.isWordChar(text.charAt(start));
    }

    private boolean cueBefore(String text, int start) {
        int at = start > 0 && text.charAt(start - 1) == ' ' ? start - 1 : start;
        for (String cue : cuesBefore) {
            int from = at - cue.length();
            if (from >= 0 && text.startsWith(cue, from)
                    && !(Matches.isWordChar(cue.charAt(0)) && from > 0 && Matches.isWordChar(text.charAt(from - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The work word right after {@code end}, or null. */
    private String cueAfter(String text, int end) {
        int at = end < text.length() && text.charAt(end) == ' ' ? end + 1 : end;
        for (String cue : cuesAfter) {
            int to = at + cue.length();
            if (to <= text.length() && text.startsWith(cue, at)
                    && !(Matches.isWordChar(cue.charAt(cue.length() - 1)) && to < text.length()
                    && Matches.isWordChar(text.charAt(to)))) {
                return cue;
            }
        }
        return null;
    }

    /**
     * Whether a phrase break lies between the normalized text at {@code start} and the letter before it. The
     * normalizer drops the punctuation between two Chinese characters (地点：缅 reads 地点缅), so the break is looked
     * for in the original between the two.
     */
    private static boolean breakBefore(NormalizedText normalized, int start) {
        String text = normalized.text();
        int letter = start - 1;
        while (letter >= 0 && !isLetter(text.charAt(letter))) {
            if (start - letter > GAP_LIMIT) {
                return true;
            }
            letter--;
        }
        return letter < 0 || breakBetween(normalized, normalized.source()[letter], normalized.source()[start]);
    }

    private static boolean breakAfter(NormalizedText normalized, int end) {
        String text = normalized.text();
        int letter = end;
        while (letter < text.length() && !isLetter(text.charAt(letter))) {
            if (letter - end > GAP_LIMIT) {
                return true;
            }
            letter++;
        }
        return letter == text.length()
                || breakBetween(normalized, normalized.source()[end - 1], normalized.source()[letter]);
    }

    /**
     * Punctuation or a line break in the original strictly between two code points, or a space between two Han
     * characters: Chinese is written without spaces, so a post that has them uses them to set off its fields
     * ("柬 缺人 底薪+提 私我"). Other spaces and emoji are no break.
     */
    private static boolean breakBetween(NormalizedText normalized, int fromCp, int toCp) {
        if (toCp - fromCp > GAP_LIMIT) {
            return true;
        }
        String original = normalized.original();
        // both are code points of letters the caller found in the text
        boolean hanEitherSide = Character.isIdeographic(original.codePointAt(normalized.charIndexOf(fromCp)))
                && Character.isIdeographic(original.codePointAt(normalized.charIndexOf(toCp)));
        for (int cp = fromCp + 1; cp < toCp; cp++) {
            int c = original.codePointAt(normalized.charIndexOf(cp));
            if (hanEitherSide && (c == ' ' || c == '\u3000')) {
                return true;
            }
            switch (Character.getType(c)) {
                case Character.OTHER_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                     Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                     Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                    return true;
                }
                default -> {
                    if (c == '\n' || c == '\r') {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Letters, digits and the halves of supplementary characters (Han extensions) are parts of words. */
    private static boolean isLetter(char c) {
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
    }

    /**
     * The library's trie, walked by {@link Walk} without its per-hit callback objects (as {@link PhraseAutomaton}
     * does), with one bit per state saying whether it has outputs: the library's array of output arrays, asked at
     * every character, cost a load of a reference and often a miss.
     */
    private static final class PlaceTrie extends AhoCorasickDoubleArrayTrie<String> {
        private long[] hasOutput;
        /** base and check side by side, as the phrase scan reads its own ({@link PhraseAutomaton#transitions}) */
        private int[] transitions;

        @Override
        public void build(Map<String, String> phrases) {
            super.build(phrases);
            hasOutput = new long[(output.length + 63) / 64];
            for (int state = 0; state < output.length; state++) {
                if (output[state] != null) {
                    hasOutput[state >>> 6] |= 1L << state;
                }
            }
            transitions = PhraseAutomaton.transitions(base, check);
            // nothing reads the library's two arrays after the build: one copy is enough
            base = null;
            check = null;
        }

        // the library's arrays are protected: a walk reads them through these
        int[] fail() {
            return fail;
        }

        int[][] output() {
            return output;
        }

        int[] lengths() {
            return l;
        }
    }

    /**
     * A walk of the names' automaton over one text, a character at a time, and the hits it found. The phrase scan
     * steps it in its own loop ({@link PhraseAutomaton#scan}): both walks wait on memory at nearly every character
     * (a state's base, then its child's check), and in one loop they wait at the same time; in a pass of its own
     * this walk cost most of finding places. One per thread, reused; it holds numbers only, never text.
     */
    static final class Walk {
        private final int[] transitions;
        private final int[] fail;
        private final long[] hasOutput;
        private final int[][] output;
        private final int[] length;
        private final char[] code;
        private final byte[] wordEdges;
        private int state;
        int[] start = new int[16];
        int[] end = new int[16];
        int[] phrase = new int[16];
        int count;
        final TextCopy characters = new TextCopy();
        private boolean[] taken = new boolean[0];

        private Walk(Gazetteer gazetteer) {
            PlaceTrie trie = gazetteer.automaton;
            transitions = trie.transitions;
            fail = trie.fail();
            hasOutput = trie.hasOutput;
            output = trie.output();
            length = trie.lengths();
            code = gazetteer.code;
            wordEdges = gazetteer.phraseWordEdges;
        }

        Walk clear() {
            count = 0;
            state = 0;
            return this;
        }

        /**
         * Character {@code i} of a text's {@code n} characters: the names ending there, Latin ones only at word
         * boundaries (which may look ahead in {@code chars}).
         */
        void step(char[] chars, int n, int i) {
            char c = code[chars[i]];
            if (c == 0) {
                state = 0;
                return;
            }
            state = PhraseAutomaton.next(transitions, fail, state, c);
            if ((hasOutput[state >>> 6] & (1L << state)) == 0) {
                return;
            }
            for (int p : output[state]) {
                int begin = i + 1 - length[p];
                if (Matches.atWordBoundary(chars, n, begin, i + 1, wordEdges[p])) {
                    add(begin, i + 1, p);
                }
            }
        }

        /** Per character of the text, false: which of them a kept name has taken. */
        boolean[] taken(int textLength) {
            if (taken.length < textLength) {
                taken = new boolean[textLength];
            } else {
                Arrays.fill(taken, 0, textLength, false);
            }
            return taken;
        }

        private void add(int begin, int stop, int index) {
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
                phrase = Arrays.copyOf(phrase, count * 2);
            }
            start[count] = begin;
            end[count] = stop;
            phrase[count] = index;
            count++;
        }
    }

    /** A name, word or cue that cannot be used: which entry (null for a word or cue), which name, and why. */
    public static final class NameException extends IllegalArgumentException {
        private final String entryId;
        private final String name;

        NameException(String entryId, String name, String message) {
            super(message);
            this.entryId = entryId;
            this.name = name;
        }

        /** The entry whose name it is, or null for a not-a-place word or a cue. */
        public String entryId() {
            return entryId;
        }

        /** The name as written in the entry. */
        public String name() {
            return name;
        }
    }
}
