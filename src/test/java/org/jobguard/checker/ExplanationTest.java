package org.jobguard.checker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExplanationTest {
    private static final String DEMAND = "我儿子在妙瓦底，他们要四万块才放人";

    /** A flag quoting the text's code points from start to end, as the checker quotes. */
    private static RedFlag flag(String text, String rule, Category c, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        String evidence = text.substring(from, text.offsetByCodePoints(from, end - start));
        return new RedFlag(rule, c, Severity.STRONG, evidence, start, end, c.messageKey());
    }

    private static Verdict verdict(Verdict.Kind kind, RedFlag... flags) {
        return new Verdict(Risk.HIGH, 99, 0.99, Language.ZH_HANS, kind, List.of(flags), List.of(), List.of(),
                List.of(), null, List.of(), List.of());
    }

    @Test
    void overlappingQuotesOfOneExplanationAreOnePhrase() {
        Verdict v = verdict(Verdict.Kind.RANSOM,
                flag(DEMAND, "ransom.relative_reports_demand", Category.RANSOM, 1, 13),
                flag(DEMAND, "ransom.pay_to_release", Category.RANSOM, 12, 17),
                flag(DEMAND, "risky_destination.myanmar", Category.RISKY_DESTINATION, 4, 7));

        List<Explanation> explanations = Explanation.of(v);

        assertEquals(List.of("flag.ransom", "flag.risky_destination"),
                explanations.stream().map(Explanation::messageKey).toList());
        assertEquals(List.of("儿子在妙瓦底，他们要四万块才放人"), explanations.get(0).quotes());
        assertEquals("ransom.relative_reports_demand", explanations.get(0).strongest().ruleId());
        // another explanation's quote inside it stays with its own explanation
        assertEquals(List.of("妙瓦底"), explanations.get(1).quotes());
    }

    @Test
    void touchingQuotesJoinContainedOnesVanishAndApartOnesStayApartInFlagOrder() {
        String text = "包机票，到了再签合同，护照公司保管，工资高";
        Verdict v = verdict(Verdict.Kind.MESSAGE,
                flag(text, "a", Category.DOCUMENT_CONTROL, 18, 21),
                flag(text, "b", Category.DOCUMENT_CONTROL, 0, 3),
                flag(text, "c", Category.DOCUMENT_CONTROL, 3, 5),
                flag(text, "d", Category.DOCUMENT_CONTROL, 1, 3));

        assertEquals(List.of("工资高", "包机票，到"), Explanation.of(v).get(0).quotes());
    }

    @Test
    void aSpanJoiningTwoQuotesMakesThemOne() {
        String text = "月入三万，包吃住，落地签合同";
        Verdict v = verdict(Verdict.Kind.MESSAGE,
                flag(text, "a", Category.PAY_TOO_GOOD, 0, 4),
                flag(text, "b", Category.PAY_TOO_GOOD, 6, 8),
                flag(text, "c", Category.PAY_TOO_GOOD, 3, 7));

        assertEquals(List.of("月入三万，包吃住"), Explanation.of(v).get(0).quotes());
    }

    @Test
    void quotesOutsideTheBasicPlaneJoinByCodePoint() {
        String text = "🇰🇭高薪😀客服包机票";
        int len = text.codePointCount(0, text.length());
        Verdict v = verdict(Verdict.Kind.MESSAGE,
                flag(text, "a", Category.VAGUE_JOB, 0, 5),
                flag(text, "b", Category.VAGUE_JOB, 4, len));

        assertEquals(List.of(text), Explanation.of(v).get(0).quotes());
    }

    @Test
    void aQuoteThatIsNotTheTextLetterForLetterIsNeverJoined() {
        RedFlag exact = new RedFlag("a", Category.RANSOM, Severity.STRONG, "他们要四万", 8, 13, "flag.ransom");
        RedFlag trimmed = new RedFlag("b", Category.RANSOM, Severity.STRONG, "放人", 12, 17, "flag.ransom");

        assertEquals(List.of("他们要四万", "放人"),
                Explanation.of(verdict(Verdict.Kind.RANSOM, exact, trimmed)).get(0).quotes());
    }

    @Test
    void theSameWordsFoundTwiceAreQuotedOnce() {
        Verdict twice = verdict(Verdict.Kind.MESSAGE,
                new RedFlag("a", Category.PAY_TOO_GOOD, Severity.WEAK, "高薪", 0, 2, "flag.pay_too_good"),
                new RedFlag("b", Category.PAY_TOO_GOOD, Severity.WEAK, "高薪", 5, 7, "flag.pay_too_good"));
        assertEquals(List.of("高薪"), Explanation.of(twice).get(0).quotes());
    }
}
