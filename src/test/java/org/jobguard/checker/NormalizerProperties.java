package org.jobguard.checker;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evidence must always be the exact original substring at the reported code point offsets. */
class NormalizerProperties {
    private static Normalizer normalizer;
    private static RedFlagChecker checker;

    @BeforeContainer
    static void setUp() {
        normalizer = new Normalizer();
        RuleSet rules = new RuleSet(List.of(
                new Rule("risky_destination.a", Category.RISKY_DESTINATION, Severity.WEAK,
                        List.of("妙瓦底", "myawaddy", "kk园区"), List.of(), true, false),
                new Rule("document_control.a", Category.DOCUMENT_CONTROL, Severity.STRONG,
                        List.of("扣護照", "keep your passport"), List.of(), true, false),
                new Rule("pay_too_good.a", Category.PAY_TOO_GOOD, Severity.WEAK, List.of(),
                        List.of(Pattern.compile("月入\\d+万")), true, false)),
                ContextCues.empty(), java.util.Map.of());
        checker = new RedFlagChecker(rules, normalizer, TestModels.rulePoints(), Places.NONE, ConfirmedPatterns.none());
    }

    @Provide
    Arbitrary<String> messy() {
        Arbitrary<String> noise = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(6),
                Arbitraries.of(" ", "\u200b", "😀", "🔥", "-", "·", "\n", "Ｋ", "ｋ", "\uFE0F", "👨‍👩‍👧", "𠀀", "\uD800", "é"));
        Arbitrary<String> phrase = Arbitraries.of("妙瓦底", "妙 瓦 底", "妙🔥瓦底", "Myawaddy", "M y a w a d d y",
                "ＫＫ园区", "K K 園區", "扣護照", "扣护照", "keep your passport", "KEEP-YOUR-PASSPORT", "月入3万", "月入３万",
                // Greek Μ, Cyrillic а е о, mathematical letters of two UTF-16 units each
                "Μyаwaddy", "kеep yоur passport", "𝐤𝐞𝐞𝐩 𝐲𝐨𝐮𝐫 𝐩𝐚𝐬𝐬𝐩𝐨𝐫𝐭");
        return Combinators.combine(noise, phrase, noise, phrase, noise).as((a, b, c, d, e) -> a + " ; " + b + " ; " + c + " ; " + d + " ; " + e);
    }

    @Property(tries = 400)
    void evidenceIsTheOriginalSliceAtItsCodePointOffsets(@ForAll("messy") String text) {
        Verdict v = checker.check(text);
        for (RedFlag f : v.flags()) {
            assertEquals(codePointSlice(text, f.start(), f.end()), f.evidence());
            assertTrue(f.start() < f.end());
        }
        for (Indicator i : v.indicators()) {
            assertEquals(codePointSlice(text, i.start(), i.end()), i.value());
        }
    }

    @Property(tries = 300)
    void plantedPhrasesAreFound(@ForAll("messy") String text) {
        // the generator always plants two phrases: at least one flag must come out
        assertTrue(!checker.check(text).flags().isEmpty(), text);
    }

    @Property(tries = 400)
    void everyNormalizedRangeMapsToAnOriginalSubstring(@ForAll String text) {
        NormalizedText n = normalizer.normalize(text);
        int cps = text.codePointCount(0, text.length());
        assertEquals(n.text().length(), n.source().length);
        for (int i = 0; i < n.text().length(); i++) {
            int[] span = n.originalSpan(i, i + 1);
            assertTrue(span[0] >= 0 && span[1] <= cps && span[0] < span[1]);
            if (i > 0) {
                assertTrue(n.source()[i] >= n.source()[i - 1], "offsets never go backwards");
            }
        }
        if (!n.text().isEmpty()) {
            int[] all = n.originalSpan(0, n.text().length());
            assertEquals(codePointSlice(text, all[0], all[1]), n.originalSlice(all[0], all[1]));
        }
    }

    private static String codePointSlice(String s, int start, int end) {
        return new String(s.codePoints().skip(start).limit(end - start).toArray(), 0, end - start);
    }
}
