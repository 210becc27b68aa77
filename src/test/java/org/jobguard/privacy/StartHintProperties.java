package org.jobguard.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A start hint ({@link LinearPattern#startingWith}, {@link LinearPattern#startingWithAny}) is written by hand
 * next to its regex. A hint that misses a place where a match may start loses that match without a sound,
 * and the phone or passport number stays in a stored report; so each hinted pattern of the {@link Redactor}
 * must find exactly what it finds searched at every position, refused matches included.
 */
class StartHintProperties {
    private static final Map<LinearPattern, String> NAMES = namesOfRedactorPatterns();
    private static final List<LinearPattern> HINTED =
            Redactor.PATTERNS.stream().filter(p -> p.withoutStartHint() != p).toList();

    /** Lines with one identifier each for a hinted pattern that the corpus sample and planted messages may lack. */
    private static final List<String> IDENTIFIERS = List.of(
            "我是李伟，电话找我", "找张经理报名", "I'm Grace from HR", "contact Mr. Santos for details", "卡号 6222 0212 3456 7890 123",
            "4111 1111 1111 1111", "V: kk889job", "Line ID: anna.tan99", "ig: john_doe88", "id card no. S1234567D",
            "passport no. P1234567A please", "E12345678", "手机 一三八一二三四五六七八", "call +63 917-123-4567 now",
            "to 0x52908400098527886E0F7030069857D2E4169EE7", "pay to TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
            "btc bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "身份证 110101199003071234", "加QQ群 123456789",
            "加薇：kk_8899", "wx 8899job", "WeChat ID: anna_88", "join https://t.me/joinchat/abc123.", "手机 138-1234-5678",
            "联系人：李娜", "my name is Grace Otieno");

    /** Messages with identifiers planted as people write them, and the lines above. */
    private static final List<String> PLANTED = Stream.concat(
            PlantedIdentifiers.generate(20261207L, 200).stream().map(PlantedIdentifiers.Message::text), IDENTIFIERS.stream()).toList();

    @Test
    void everyPatternOfTheRedactorIsListed() {
        // a pattern left out of the list would escape every check below
        assertEquals(new HashSet<>(NAMES.values()), Redactor.PATTERNS.stream().map(NAMES::get).collect(Collectors.toSet()));
        assertEquals(NAMES.size(), Redactor.PATTERNS.size(), "a pattern listed twice");
        assertTrue(HINTED.size() >= 20, "hinted patterns: " + HINTED.size());
    }

    @Property(tries = 700, edgeCases = EdgeCasesMode.NONE)
    void hintedPatternsFindWhatTheirTwinsFind(@ForAll("nearMatches") String text) {
        for (LinearPattern p : HINTED) {
            assertSameMatches(p, text);
        }
    }

    @TestFactory
    Stream<DynamicTest> hintedPatternsFindWhatTheirTwinsFindInAdversarialTexts() {
        return AdversarialTexts.all().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            for (LinearPattern p : HINTED) {
                assertSameMatches(p, t.text());
            }
        }));
    }

    @Test
    void hintedPatternsFindWhatTheirTwinsFindInCorpusLinesAndPlantedIdentifiers() throws IOException {
        List<String> texts = new ArrayList<>(corpusSample());
        texts.addAll(PLANTED);
        Set<LinearPattern> matched = new HashSet<>();
        for (String text : texts) {
            // as the redactor searches them; the property tries texts as written too
            String seen = Redactor.detectionView(text);
            for (LinearPattern p : HINTED) {
                if (assertSameMatches(p, seen) > 0) {
                    matched.add(p);
                }
            }
        }
        // a pattern that matched nowhere was compared on nothing
        List<String> unmatched = HINTED.stream().filter(p -> !matched.contains(p)).map(NAMES::get).toList();
        assertEquals(List.of(), unmatched, "hinted patterns without a match in these texts");
    }

    /** Fails at the first match that differs with the hint; the number of matches. */
    private static int assertSameMatches(LinearPattern hinted, String text) {
        int found = assertSame(hinted, text, "all taken", () -> f -> true);
        // a search that finds nothing never asks its verdict, so refusals cannot change it: most patterns on
        // most adversarial texts, where a search without a hint costs milliseconds
        if (found > 0) {
            assertSame(hinted, text, "every second refused", StartHintProperties::everySecondRefused);
        }
        return found;
    }

    private static int assertSame(LinearPattern hinted, String text, String verdictName,
            Supplier<Predicate<LinearPattern.Found>> verdict) {
        List<String> expected = matches(hinted.withoutStartHint(), text, verdict.get());
        List<String> actual = matches(hinted, text, verdict.get());
        if (!expected.equals(actual)) {
            fail(difference(NAMES.get(hinted) + " (" + verdictName + ")", text, expected, actual));
        }
        return expected.size();
    }

    /**
     * A refused match moves the search on by one character rather than past the match, so a hint's next
     * candidate is sought from inside a match: a path where all are taken is never taken.
     */
    private static Predicate<LinearPattern.Found> everySecondRefused() {
        int[] seen = {0};
        return f -> seen[0]++ % 2 == 0;
    }

    /** Every match offered, as its bounds and groups, marked when refused. */
    private static List<String> matches(LinearPattern p, String text, Predicate<LinearPattern.Found> verdict) {
        List<String> out = new ArrayList<>();
        p.each(text, f -> {
            boolean take = verdict.test(f);
            if (!take) {
                out.add(describe(f) + " refused");
            }
            return take;
        }, f -> out.add(describe(f)));
        return out;
    }

    private static String describe(LinearPattern.Found f) {
        StringBuilder sb = new StringBuilder().append(f.start()).append('-').append(f.end()).append(' ').append(quote(f.group()));
        for (int g = 1; g <= f.groupCount(); g++) {
            sb.append(" | ").append(f.start(g)).append('-').append(f.end(g)).append(' ').append(quote(f.group(g)));
        }
        return sb.toString();
    }

    private static String difference(String what, String text, List<String> expected, List<String> actual) {
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        return what + ": match " + i + " differs with the start hint\n  searched everywhere: "
                + (i < expected.size() ? expected.get(i) : "(no more)") + "\n  with the hint:       "
                + (i < actual.size() ? actual.get(i) : "(no more)") + "\n  in a text of " + text.length() + " characters: "
                + quote(text.length() > 400 ? text.substring(0, 400) + "…" : text);
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    /**
     * Texts dense in matches and near-matches: pieces of the hinted patterns' own regexes (so a cue added to
     * a regex and not to its hint is generated) followed by what may be an identifier, digits in runs with
     * the separators phone numbers use, letters that open identifiers, in both cases and as ſ and the Kelvin
     * sign (which RE2 folds to s and k), Han characters, identifiers of real messages whole and cut anywhere,
     * and pieces repeated often enough to run a search past its budget of tries.
     */
    @Provide
    Arbitrary<String> nearMatches() {
        // a pattern first, then a run or else a character of its regex: each pattern's cues as likely as
        // another's, and not lost among the eighty surnames of a class
        List<Arbitrary<String>> byPattern = new ArrayList<>();
        for (LinearPattern p : HINTED) {
            Map<Boolean, List<String>> runs = regexPieces(p).stream().collect(Collectors.partitioningBy(piece -> piece.length() > 1));
            runs.values().stream().filter(l -> !l.isEmpty()).map(Arbitraries::of).forEach(byPattern::add);
        }
        Arbitrary<String> cue = Combinators.combine(Arbitraries.oneOf(byPattern), Arbitraries.integers().between(0, 6))
                .as(StartHintProperties::variant);
        Arbitrary<String> single = Arbitraries.of("0", "1", "3", "7", "9", "+", "+ ", "@", "#", ".", ",", "-", "_", "/", ":",
                "：", "(", ")", "'", "\"", "<", ">", "!", "?", "，", "。", " ", "  ", "\n", "\t", "\u3000",
                "a", "b", "c", "e", "E", "g", "G", "i", "I", "k", "K", "l", "m", "p", "P", "s", "S", "t", "T", "v", "V",
                "w", "W", "x", "X", "z", "Z", "ſ", "\u212A", "ı", "İ",
                "http://", "https://", "HTTP://", "www.", "WWW.", "0x", "0X", "bc1", "BC1", ".com", ".me", "t.me/");
        Arbitrary<String> digitRun = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> separatedDigits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(5)
                .list().ofMinSize(2).ofMaxSize(6)
                .flatMap(parts -> Arbitraries.of(" ", "-", ".", "", " - ").list().ofSize(parts.size() - 1).map(seps -> {
                    StringBuilder sb = new StringBuilder(parts.get(0));
                    for (int i = 1; i < parts.size(); i++) {
                        sb.append(seps.get(i - 1)).append(parts.get(i));
                    }
                    return sb.toString();
                }));
        Arbitrary<String> bracketed = Combinators.combine(digitRun, separatedDigits).as((a, b) -> "(" + a + ") " + b);
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(39).ofMaxLength(41);
        Arbitrary<String> base58 = Arbitraries.strings().withChars("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
                .ofMinLength(10).ofMaxLength(40);
        Arbitrary<String> wallet = Arbitraries.oneOf(hex.map(h -> "0x" + h), base58.map(b -> "T" + b), base58.map(b -> "bc1" + b),
                base58.map(b -> "1" + b), base58.map(b -> "3" + b));
        Arbitrary<String> alnum = Arbitraries.strings().withChars("0123456789abcdefABCDEFxyzXYZ_").ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> han = Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> numerals = Arbitraries.strings().withChars("〇零一二三四五六七八九幺两 -").ofMinLength(1).ofMaxLength(16);
        Arbitrary<String> nameWord = Combinators.combine(Arbitraries.of("Grace", "Otieno", "santos", "Mwangi-Lee", "O'Neil", "HR", "a"),
                Arbitraries.of("", " Kim", " from", " here", ",", ".", "!")).as(String::concat);
        Arbitrary<String> hanName = Combinators.combine(Arbitraries.of("李", "张", "張", "王", "汪", "钟", "客"), han).as(String::concat);
        Arbitrary<String> value = Arbitraries.oneOf(digitRun, separatedDigits, bracketed, alnum, han, hanName, nameWord,
                numerals, wallet, alnum.map(a -> "@" + a));
        Arbitrary<String> separator = Arbitraries.of("", " ", "  ", ":", "：", " : ", ": ", "\n", "号", "號碼：", " no. ", " number ",
                " id ", " ID:", "是", "#", " \u3000");
        // a cue, a separator and an identifier must come in a row, and a Latin cue after no letter
        Arbitrary<String> cued = Combinators.combine(Arbitraries.of("", " ", "\n", "，", "a"), cue, separator, value)
                .as((before, c, sep, v) -> before + c + sep + v);
        Arbitrary<String> planted = Arbitraries.of(PLANTED);
        // each hinted pattern's matches in those messages, with characters either side for its contexts,
        // a pattern first so a rare one is as likely as a phone number
        List<Arbitrary<String>> matchesByPattern = new ArrayList<>();
        for (LinearPattern p : HINTED) {
            List<String> around = new ArrayList<>();
            for (String line : PLANTED) {
                p.withoutStartHint().each(line, f -> around.add(
                        line.substring(Math.max(0, f.start() - 2), Math.min(line.length(), f.end() + 6))));
            }
            if (!around.isEmpty()) {
                matchesByPattern.add(Arbitraries.of(around));
            }
        }
        Arbitrary<String> match = Combinators.combine(Arbitraries.oneOf(matchesByPattern), Arbitraries.integers().between(0, 6))
                .as(StartHintProperties::variant);
        // a real identifier cut anywhere: matches that lose their start, their end or their context
        Arbitrary<String> cutPlanted = planted.flatMap(line -> Combinators.combine(
                Arbitraries.integers().between(0, line.length()), Arbitraries.integers().between(0, line.length()))
                .as((x, y) -> line.substring(Math.min(x, y), Math.max(x, y))));
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(6, match), Tuple.of(6, cued), Tuple.of(4, cue), Tuple.of(6, single), Tuple.of(3, digitRun), Tuple.of(3, separatedDigits),
                Tuple.of(1, bracketed), Tuple.of(1, wallet), Tuple.of(2, alnum), Tuple.of(2, han), Tuple.of(1, numerals),
                Tuple.of(2, cutPlanted), Tuple.of(1, planted));
        Arbitrary<String> repeated = Combinators.combine(piece, Arbitraries.integers().between(2, 40)).as(String::repeat);
        // the redactor searches the detection view, where full-width forms are ASCII; a hint must hold on either
        return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(12, piece), Tuple.of(1, repeated)).list().ofMaxSize(20),
                Arbitraries.of(false, true)).as((parts, view) -> {
                    String text = String.join("", parts);
                    return view ? Redactor.detectionView(text) : text;
                });
    }

    /**
     * A piece as written, upper case, capitalized, with s, k written ſ, Kelvin sign, or without its last
     * character (a regex's optional last character, or a cue cut short).
     */
    private static String variant(String piece, int how) {
        return switch (how) {
            case 1 -> piece.toUpperCase(Locale.ROOT);
            case 2 -> piece.isEmpty() ? piece : piece.substring(0, 1).toUpperCase(Locale.ROOT) + piece.substring(1);
            case 3 -> piece.replace('s', 'ſ');
            case 4 -> piece.replace('k', '\u212A').replace('K', '\u212A');
            case 5 -> piece.substring(0, piece.length() - 1);
            default -> piece;
        };
    }

    /**
     * The literal runs of a pattern's regex (cues, separators, top-level domains) and each non-ASCII
     * character of its classes (surnames, numerals): read from the regex so that an edited regex is tested
     * with its new words whether or not its hint was edited too. Quantifiers are dropped, so an optional
     * character is kept: the cut-short variant drops it again.
     */
    static List<String> regexPieces(LinearPattern p) {
        String re = p.toString();
        Set<String> pieces = new TreeSet<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < re.length(); i++) {
            char ch = re.charAt(i);
            boolean literal = false;
            if (ch == '\\') {
                char next = re.charAt(++i);
                if (next == 'p' || next == 'P') {
                    i = re.indexOf('}', i);
                } else if ("sdbwSDBWA".indexOf(next) < 0) {
                    run.append(next);
                    literal = true;
                }
            } else if (ch == '[') {
                for (i++; re.charAt(i) != ']'; i++) {
                    if (re.charAt(i) == '\\') {
                        i++;
                    } else if (re.charAt(i) > 0x7f) {
                        pieces.add(String.valueOf(re.charAt(i)));
                    }
                }
            } else if (ch == '{' && Character.isDigit(re.charAt(i + 1))) {
                i = re.indexOf('}', i);
            } else if (ch == '(' && re.charAt(i + 1) == '?') {
                // (?: (?i) (?i:
                for (i += 2; Character.isLetter(re.charAt(i)); i++) {
                }
            } else if ("?*+^$".indexOf(ch) >= 0) {
                literal = true;
            } else if ("()|.".indexOf(ch) < 0) {
                run.append(ch);
                literal = true;
            }
            if (!literal || i == re.length() - 1) {
                if (!run.toString().isBlank()) {
                    pieces.add(run.toString());
                }
                run.setLength(0);
            }
        }
        return List.copyOf(pieces);
    }

    /** A few hundred lines spread over every corpus file, a fixed choice so a failure can be repeated. */
    private static List<String> corpusSample() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> sample = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("src/test/resources/corpus"))) {
            files = list.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }
        int n = 0;
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && n++ % 110 == 0) {
                    sample.add(mapper.readTree(line).path("text").asText());
                }
            }
        }
        return sample;
    }

    /** Each LinearPattern constant of the Redactor by its name, for messages and to find one left out of its list. */
    private static Map<LinearPattern, String> namesOfRedactorPatterns() {
        Map<LinearPattern, String> names = new HashMap<>();
        for (Field f : Redactor.class.getDeclaredFields()) {
            if (f.getType() == LinearPattern.class && Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                try {
                    names.put((LinearPattern) f.get(null), f.getName());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return names;
    }
}
