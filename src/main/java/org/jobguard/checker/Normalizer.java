package org.jobguard.checker;

/**
 * Turns a message into the form rules are matched against, remembering where each character came from.
 * NFKC, look-alike letters of other scripts to the Latin letter they imitate ({@code Hіring} with a Cyrillic
 * {@code і}), lower case, Traditional → Simplified, zero-width and decorative characters dropped, and the gaps
 * scammers put inside words collapsed: {@code 妙 瓦 底}, {@code 缅-甸}, {@code K K 园区}, {@code m.i.a.o}.
 * A gap between two Latin words stays a single space so {@code "high pay"} still reads as two words; single
 * letters are joined only across short gaps, so {@code "M y a   K K"} stays two words.
 */
public final class Normalizer {
    /**
     * Texts up to this length reuse their thread's work arrays; a longer one (a pasted page) gets its own, so that
     * no thread keeps a large text's arrays for good.
     */
    private static final int REUSED_CAPACITY = 4096;

    private final CharTable table;
    /**
     * Work arrays per thread, reused from text to text: allocating (and zeroing) six arrays per message cost more
     * than filling them. What a {@link NormalizedText} keeps is always copied out of them.
     */
    private final ThreadLocal<Characters> work = ThreadLocal.withInitial(() -> new Characters(256));
    /** Flag names by pair of regional indicator letters, looked up once each ("" for no territory). */
    private final java.util.concurrent.atomic.AtomicReferenceArray<String> flagNames =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(26 * 26);

    public Normalizer() {
        this(CharTable.shared());
    }

    Normalizer(CharTable table) {
        this.table = table;
    }

    public NormalizedText normalize(String original) {
        int n = original.length();
        Characters pass = n <= REUSED_CAPACITY ? work.get().clear(n + 8) : new Characters(n + 8);
        // pass 1: per code point output and role, its UTF-16 index, and its script counted for the language guess;
        // the common case (one character in, at most one out) writes straight into the arrays, the rest goes through
        // pass.add, which grows them
        int[] charIndex = pass.charIndex;
        char[] out = pass.chars;
        byte[] outRoles = pass.roles;
        int[] outSrc = pass.src;
        // a copy of the characters, as in PhraseAutomaton.scan: String.charAt asks the string's coding and checks the
        // index at every character
        char[] in = pass.in;
        original.getChars(0, n, in, 0);
        int[] packedTable = table.packedByCharacter();
        int len = 0;
        int cp = 0;
        // the language guess's counts (see LanguageGuess.tally): emptied into the totals after each chunk, which has
        // at most CHUNK + 3 code points
        int[] scriptTotals = {0, 0, 0};
        int latinStarts = 0;
        int previousScript = 0;
        for (int i = 0; i < n; ) {
            int stop = n - i <= LanguageGuess.CHUNK ? n : i + LanguageGuess.CHUNK;
            long tally = 0;
            for (; i < stop; cp++) {
                char c = in[i];
                // needed only when some code points are surrogate pairs (see the end)
                charIndex[cp] = i;
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(in[i + 1])) {
                    int code = Character.toCodePoint(c, in[i + 1]);
                    i += 2;
                    int script = LanguageGuess.supplementary(code);
                    tally += LanguageGuess.tally(script);
                    latinStarts += LanguageGuess.latinStart(script, previousScript);
                    previousScript = script;
                    pass.len = len;
                    String flag = isRegionalIndicator(code) && i + 1 < n
                            ? flagName(code, original.codePointAt(i)) : null;
                    if (flag != null) {
                        // the flag's two code points: the country's name reads from the first, its last character
                        // from the second, so evidence quotes the whole flag
                        cp++;
                        charIndex[cp] = i;
                        tally += LanguageGuess.tally(script);
                        i += 2;
                        for (int k = 0; k < flag.length(); k++) {
                            pass.add(flag.charAt(k), CharTable.CJK, k == flag.length() - 1 ? cp : cp - 1);
                        }
                        len = pass.len;
                        out = pass.chars;
                        outRoles = pass.roles;
                        outSrc = pass.src;
                        continue;
                    }
                    supplementary(pass, c, code, cp);
                    len = pass.len;
                    out = pass.chars;
                    outRoles = pass.roles;
                    outSrc = pass.src;
                    continue;
                }
                i++;
                int packed = packedTable[c];
                int script = (byte) (packed >>> LanguageGuess.SHIFT);
                tally += LanguageGuess.tally(script);
                latinStarts += LanguageGuess.latinStart(script, previousScript);
                previousScript = script;
                byte role = (byte) (packed >>> 16);
                if (role == CharTable.DROP) {
                    continue;
                }
                char one = (char) packed;
                if (one != 0 && len < out.length) {
                    out[len] = one;
                    outRoles[len] = role;
                    outSrc[len] = cp;
                    len++;
                    continue;
                }
                pass.len = len;
                if (one != 0) {
                    pass.add(one, role, cp);
                } else {
                    pass.add(table.output(c), role, cp);
                }
                len = pass.len;
                out = pass.chars;
                outRoles = pass.roles;
                outSrc = pass.src;
            }
            LanguageGuess.empty(tally, scriptTotals);
        }
        char[] chars = out;
        byte[] roles = outRoles;
        int[] src = outSrc;
        // pass 2: collapse gaps (runs of SEP/PUNCT) depending on what surrounds them
        // a gap becomes at most one space per separator, so the output is never longer than pass 1
        char[] text = pass.text;
        int[] map = pass.map;
        int outLen = 0;
        int i = 0;
        while (i < len) {
            byte r = roles[i];
            if (r == CharTable.WORD || r == CharTable.CJK) {
                text[outLen] = chars[i];
                map[outLen++] = src[i];
                i++;
                continue;
            }
            int gapEnd = i;
            boolean hasPunct = false;
            while (gapEnd < len && (roles[gapEnd] == CharTable.SEP || roles[gapEnd] == CharTable.PUNCT)) {
                hasPunct |= roles[gapEnd] == CharTable.PUNCT;
                gapEnd++;
            }
            if (i == 0 || gapEnd == len) {
                outLen = emitGap(chars, roles, src, i, gapEnd, text, map, outLen, i == 0 || gapEnd == len);
                i = gapEnd;
                continue;
            }
            byte before = roles[i - 1];
            byte after = roles[gapEnd];
            boolean bothCjk = before == CharTable.CJK && after == CharTable.CJK;
            boolean spacedLetters = before == CharTable.WORD && after == CharTable.WORD && gapEnd - i <= 2
                    && singleLetterEndingAt(chars, roles, i - 1) && singleLetterStartingAt(chars, roles, gapEnd, len);
            boolean mixed = before != after && !hasPunct;
            if (!(bothCjk || spacedLetters || mixed)) {
                if (gapEnd == i + 1 && roles[i] == CharTable.SEP) {
                    // one separator between words, the commonest gap: its one space, as emitGap would write it
                    text[outLen] = ' ';
                    map[outLen++] = src[i];
                } else {
                    outLen = emitGap(chars, roles, src, i, gapEnd, text, map, outLen, false);
                }
            }
            i = gapEnd;
        }
        return new NormalizedText(new String(text, 0, outLen), java.util.Arrays.copyOf(map, outLen), original,
                cp == n ? null : java.util.Arrays.copyOf(charIndex, cp), LanguageGuess.of(scriptTotals, latinStarts));
    }

    /**
     * Per code point of U+1F000..U+1FFFF (emoji, pictographs, playing cards, regional indicators), whether it is an
     * {@link Character#OTHER_SYMBOL}: the commonest code points outside the Basic Multilingual Plane, and the JDK's
     * look-up of a supplementary code point's type cost a few per cent of a check (512 bytes of bits).
     */
    private static final long[] EMOJI_SYMBOLS = emojiSymbols();
    private static final int EMOJI_FROM = 0x1F000;

    private static long[] emojiSymbols() {
        long[] bits = new long[0x1000 / 64];
        for (int code = EMOJI_FROM; code < EMOJI_FROM + 0x1000; code++) {
            if (Character.getType(code) == Character.OTHER_SYMBOL) {
                bits[(code - EMOJI_FROM) >>> 6] |= 1L << code;
            }
        }
        return bits;
    }

    /** Whether {@code code} is in U+1F000..U+1FFFF and an {@link Character#OTHER_SYMBOL} there. */
    private static boolean emojiSymbol(int code) {
        int at = code - EMOJI_FROM;
        return at >= 0 && at < 0x1000 && (EMOJI_SYMBOLS[at >>> 6] & (1L << code)) != 0;
    }

    private static boolean isRegionalIndicator(int code) {
        return code >= 0x1F1E6 && code <= 0x1F1FF;
    }

    /**
     * A flag emoji (two regional indicator letters, 🇰🇭) as its country's name in Simplified Chinese from ICU's region
     * names, so that "CSR needed 🇰🇭" names Cambodia for the gazetteer and the rules; null for no flag or an unknown
     * region.
     */
    private String flagName(int first, int second) {
        if (!isRegionalIndicator(second)) {
            return null;
        }
        int pair = (first - 0x1F1E6) * 26 + (second - 0x1F1E6);
        String known = flagNames.get(pair);
        if (known == null) {
            // ICU's lookup costs tens of microseconds: a text of 5,000 flags took 150 ms before names were kept
            known = regionName(pair);
            flagNames.set(pair, known);
        }
        return known.isEmpty() ? null : known;
    }

    /** The territory's name, or "" for a pair of letters that names none. */
    private static String regionName(int pair) {
        String region = new String(new char[] {(char) ('A' + pair / 26), (char) ('A' + pair % 26)});
        try {
            if (com.ibm.icu.util.Region.getInstance(region).getType() != com.ibm.icu.util.Region.RegionType.TERRITORY) {
                return "";
            }
        } catch (IllegalArgumentException notARegion) {
            return "";
        }
        String name = new com.ibm.icu.util.ULocale("", region).getDisplayCountry(com.ibm.icu.util.ULocale.SIMPLIFIED_CHINESE);
        return name.equals(region) ? "" : name;
    }

    /** Pass 1 for a code point outside the Basic Multilingual Plane, from its high surrogate {@code high}. */
    private void supplementary(Characters pass, char high, int code, int cp) {
        int type = emojiSymbol(code) ? Character.OTHER_SYMBOL : Character.getType(code);
        // emoji are the common case here and need no normalizing; Han extensions stay as they are
        if (code == CharTable.SMALL_AIRPLANE) {
            pass.add(CharTable.AIRPLANE_WORD, CharTable.CJK, cp);
            return;
        }
        if (type == Character.OTHER_SYMBOL) {
            pass.add(' ', CharTable.SEP, cp);
            return;
        }
        if (type == Character.OTHER_LETTER && CharTable.isCjk(code)) {
            pass.add(high, CharTable.CJK, cp);
            pass.add(Character.lowSurrogate(code), CharTable.CJK, cp);
            return;
        }
        String out = supplementary(code);
        byte role = supplementaryRole(code, out);
        if (role != CharTable.DROP) {
            pass.add(out, role, cp);
        }
    }

    /**
     * Pass-1 output (characters with their role and the code point they came from), the code points' UTF-16 indices
     * (never more than the text's length, so they do not grow with the output), and room for pass 2's text and map,
     * which are never longer than pass 1's output.
     */
    private static final class Characters {
        char[] chars;
        byte[] roles;
        int[] src;
        int len;
        int[] charIndex;
        /** the original's characters */
        char[] in;
        char[] text;
        int[] map;

        Characters(int capacity) {
            chars = new char[capacity];
            roles = new byte[capacity];
            src = new int[capacity];
            charIndex = new int[capacity];
            in = new char[capacity];
            text = new char[capacity];
            map = new int[capacity];
        }

        /** Empty, with room for at least {@code capacity} characters in every array. */
        Characters clear(int capacity) {
            len = 0;
            if (chars.length < capacity) {
                grow(capacity);
            }
            if (charIndex.length < capacity) {
                charIndex = new int[capacity];
                in = new char[capacity];
            }
            return this;
        }

        void add(char c, byte role, int cp) {
            if (len == chars.length) {
                grow(len + 1);
            }
            chars[len] = c;
            roles[len] = role;
            src[len] = cp;
            len++;
        }

        void add(String out, byte role, int cp) {
            for (int k = 0; k < out.length(); k++) {
                add(out.charAt(k), role, cp);
            }
        }

        private void grow(int min) {
            int size = Math.max(chars.length * 2, min + 8);
            chars = java.util.Arrays.copyOf(chars, size);
            roles = java.util.Arrays.copyOf(roles, size);
            src = java.util.Arrays.copyOf(src, size);
            text = new char[size];
            map = new int[size];
        }
    }

    /** Keeps punctuation, turns each run of separators into one space (none at the ends). */
    private static int emitGap(char[] chars, byte[] roles, int[] src, int from, int to, char[] text,
                               int[] map, int outLen, boolean edge) {
        boolean pendingSpace = false;
        int spaceSrc = 0;
        for (int k = from; k < to; k++) {
            if (roles[k] == CharTable.SEP) {
                if (!pendingSpace) {
                    spaceSrc = src[k];
                }
                pendingSpace = true;
            } else {
                if (pendingSpace && outLen > 0) {
                    text[outLen] = ' ';
                    map[outLen++] = spaceSrc;
                }
                pendingSpace = false;
                text[outLen] = chars[k];
                map[outLen++] = src[k];
            }
        }
        if (pendingSpace && !edge && outLen > 0) {
            text[outLen] = ' ';
            map[outLen++] = spaceSrc;
        }
        return outLen;
    }

    /**
     * Whether a single letter ends at {@code i}. Here and in {@link #singleLetterStartingAt} the neighbour's role is
     * asked first: at nearly every gap between two words it already says no, and Character.isLetter (a type look-up
     * through the JDK's tables) asked first was 2-3 % of a check's samples.
     */
    private static boolean singleLetterEndingAt(char[] chars, byte[] roles, int i) {
        return (i == 0 || roles[i - 1] != CharTable.WORD) && Character.isLetter(chars[i]);
    }

    private static boolean singleLetterStartingAt(char[] chars, byte[] roles, int i, int len) {
        return (i + 1 >= len || roles[i + 1] != CharTable.WORD) && Character.isLetter(chars[i]);
    }

    private String supplementary(int code) {
        String s = java.text.Normalizer.normalize(new String(Character.toChars(code)), java.text.Normalizer.Form.NFKC);
        // mathematical letters (𝐇, 𝓗, 𝚨) decompose to one Latin or Greek letter: the table lower-cases it as it
        // would the letter itself, and folds a Greek look-alike to its Latin letter (𝚨 → Α → a)
        if (s.length() == 1 && Character.isLetter(s.charAt(0))) {
            char one = (char) table.packed(s.charAt(0));
            if (one != 0) {
                return String.valueOf(one);
            }
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private static byte supplementaryRole(int code, String out) {
        int type = Character.getType(code);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || out.isEmpty()) {
            return CharTable.DROP;
        }
        if (CharTable.isCjk(code)) {
            return CharTable.CJK;
        }
        int first = out.codePointAt(0);
        if (out.length() == 1 && Character.isLetterOrDigit(first)) {
            return CharTable.WORD;
        }
        return CharTable.SEP;
    }
}
