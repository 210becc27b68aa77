package org.jobguard.checker;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scoring rules of DESIGN.md section 2 on a small hand-made rule set, independent of the shipped data. */
class RedFlagCheckerTest {
    private static Rule rule(String id, Category c, Severity s, String... phrases) {
        return new Rule(id, c, s, List.of(phrases), List.of(), true, false);
    }

    private static final RuleSet RULES = new RuleSet(List.of(
            rule("pay.a", Category.PAY_TOO_GOOD, Severity.WEAK, "高薪", "high pay"),
            rule("food.a", Category.ALL_EXPENSES_PAID, Severity.WEAK, "包吃包住", "包吃包住包机票"),
            rule("dest.a", Category.RISKY_DESTINATION, Severity.WEAK, "妙瓦底", "myawaddy"),
            rule("job.a", Category.VAGUE_JOB, Severity.WEAK, "客服"),
            rule("contract.a", Category.CONTRACT_AFTER_ARRIVAL, Severity.MEDIUM, "到了再签合同"),
            rule("doc.a", Category.DOCUMENT_CONTROL, Severity.STRONG, "扣护照", "keep your passport"),
            rule("calm.a", Category.REASSURANCE, Severity.WEAK, "不违法", "nothing illegal"),
            rule("ransom.a", Category.RANSOM, Severity.STRONG, "赎金"),
            new Rule("tg.shadow", Category.HIDDEN_CHANNEL, Severity.MEDIUM, List.of("tg"), List.of(), true, true),
            new Rule("off.a", Category.URGENCY, Severity.WEAK, List.of("马上"), List.of(), false, false)),
            new ContextCues(List.of("绝不", "never"), List.of("警惕", "诈骗", "scam"), List.of("加我"), List.of("劳动合同"), List.of(), List.of(), List.of()),
            Map.of("default", List.of("advice.verify_company", "advice.tell_family"),
                    "document_control", List.of("advice.keep_passport"),
                    "ransom", List.of("advice.no_ransom")));

    private final RedFlagChecker checker = new RedFlagChecker(RULES, TestModels.rulePoints(), ConfirmedPatterns.none());

    @Test
    void oneWeakFlagIsLowTwoAreMediumThreeAreHigh() {
        assertEquals(Risk.LOW, checker.check("高薪").risk());
        assertEquals(Risk.MEDIUM, checker.check("高薪客服").risk());
        assertEquals(Risk.HIGH, checker.check("高薪客服包吃包住").risk());
    }

    @Test
    void aStrongSignIsAFloorUnlessTheModelReadsTheTextAsOrdinary() {
        // the same rules; a model that reads a recruiter's "加我，到公司后扣护照" at 0.60, and one that reads it at 0.05
        // (as it would a joke or a drama's recap)
        RiskModel unsure = new RiskModel("unsure", FeatureSpace.DEFAULT_NGRAM_BITS, Map.of("bias", 0.405),
                new int[0], new float[0], 1, 0, new RiskModel.Thresholds(0.45, 0.9, 0.95));
        RiskModel ordinary = new RiskModel("ordinary", FeatureSpace.DEFAULT_NGRAM_BITS, Map.of("bias", -2.944),
                new int[0], new float[0], 1, 0, new RiskModel.Thresholds(0.45, 0.9, 0.95));
        Verdict floored = new RedFlagChecker(RULES, unsure, ConfirmedPatterns.none()).check("加我，到公司后扣护照");
        assertTrue(floored.risk().atLeast(Risk.MEDIUM), floored.toString());
        Verdict overruled = new RedFlagChecker(RULES, ordinary, ConfirmedPatterns.none()).check("加我，到公司后扣护照");
        assertTrue(overruled.probability() < RedFlagChecker.STRONG_SIGN_OVERRULED, overruled.toString());
        assertEquals(Risk.LOW, overruled.risk(), "its flag is still quoted, at low: " + overruled);
        assertEquals("扣护照", overruled.flags().get(0).evidence());
        // a text that is nothing but its signs ("加我" is two letters outside them) gives the model no context to
        // overrule them with
        Verdict bare = new RedFlagChecker(RULES, ordinary, ConfirmedPatterns.none()).check("加我，扣护照");
        assertTrue(bare.probability() < RedFlagChecker.STRONG_SIGN_OVERRULED, bare.toString());
        assertTrue(bare.risk().atLeast(Risk.MEDIUM), bare.toString());
    }

    @Test
    void aShortLineWithLittleRiskIsAskedForTheWholeAdFirst() {
        RuleSet withShortText = new RuleSet(RULES.rules(), RULES.context(), Map.of(
                "default", List.of("advice.verify_company", "advice.tell_family"),
                "document_control", List.of("advice.keep_passport"),
                "short_text", List.of("advice.send_whole_text")));
        RedFlagChecker c = new RedFlagChecker(withShortText, TestModels.rulePoints(), ConfirmedPatterns.none());
        assertEquals(List.of("advice.send_whole_text"), c.check("到了再说").adviceKeys());
        assertEquals("advice.send_whole_text", c.check("高薪").adviceKeys().get(0));
        // a line that already says enough is answered on its own, and so is a longer text with nothing in it
        assertEquals("advice.keep_passport", c.check("到公司后扣护照").adviceKeys().get(0));
        assertTrue(c.check("明天上午十点在公司二楼会议室开会，请大家带上上周的报表和笔记本电脑，会后一起吃午饭")
                .adviceKeys().isEmpty());
    }

    @Test
    void aStrongFlagIsHighAlone() {
        Verdict v = checker.check("到公司后扣护照");
        assertEquals(Risk.HIGH, v.risk());
        assertEquals("advice.keep_passport", v.adviceKeys().get(0));
    }

    @Test
    void aMediumFlagAloneIsMedium() {
        assertEquals(Risk.MEDIUM, checker.check("到了再签合同").risk());
    }

    @Test
    void reassuranceNextToARiskyDestinationIsHigh() {
        assertEquals(Risk.MEDIUM, checker.check("Myawaddy, high pay").risk());
        assertEquals(Risk.HIGH, checker.check("Myawaddy, nothing illegal").risk());
    }

    @Test
    void negatedPhrasesAreNotAsserted() {
        assertEquals(Risk.NONE, checker.check("我们绝不扣护照").risk());
        assertEquals(Risk.NONE, checker.check("We will never ask to keep your passport").risk());
        assertEquals(Risk.HIGH, checker.check("绝不违约。扣护照").risk(), "a sentence break ends the negation");
    }

    @Test
    void legitimacyTakesAPointOffWeakOnlyMessages() {
        assertEquals(Risk.LOW, checker.check("高薪客服，签订劳动合同").risk());
        assertEquals(Risk.HIGH, checker.check("扣护照，签订劳动合同").risk());
    }

    @Test
    void warningsAreCappedAtLowUnlessTheyRecruit() {
        // three weak signs: 0.88 in the rule-points model, short of sure
        Verdict warning = checker.check("警惕诈骗：高薪客服包吃包住");
        assertEquals(Verdict.Kind.AWARENESS, warning.kind());
        assertEquals(Risk.LOW, warning.risk());
        assertEquals(Risk.HIGH, checker.check("警惕诈骗！我们是真的：高薪客服扣护照，加我").risk());
    }

    @Test
    void aWarningsWordsDoNotOverruleAModelThatIsSure() {
        // a strong sign: 0.999 in the rule-points model; recruiters borrow the warnings' voice
        Verdict v = checker.check("警惕诈骗：高薪客服包吃包住扣护照");
        assertEquals(Verdict.Kind.MESSAGE, v.kind());
        assertEquals(Risk.HIGH, v.risk());
    }

    @Test
    void ransomIsItsOwnKind() {
        Verdict v = checker.check("准备5万赎金");
        assertEquals(Verdict.Kind.RANSOM, v.kind());
        assertEquals(Risk.HIGH, v.risk());
        assertEquals("advice.no_ransom", v.adviceKeys().get(0));
    }

    @Test
    void shadowRulesAreCountedNotShownAndDisabledRulesNeverFire() {
        Verdict v = checker.check("加tg 马上");
        assertEquals(List.of("tg.shadow"), v.shadowRuleIds());
        assertTrue(v.flags().isEmpty());
        assertEquals(Risk.NONE, v.risk());
    }

    @Test
    void reconfigureTakesEffectForTheNextCheck() {
        RedFlagChecker own = new RedFlagChecker(RULES, TestModels.rulePoints(), ConfirmedPatterns.none());
        own.reconfigure(RULES.withToggle("tg.shadow", true, false));
        assertEquals(Risk.MEDIUM, own.check("加tg").risk());
        own.reconfigure(RULES.withToggle("doc.a", false, false));
        assertEquals(Risk.NONE, own.check("扣护照").risk());
    }

    @Test
    void theLongerEvidenceOfACategoryWins() {
        Verdict v = checker.check("包吃包住包机票");
        assertEquals(1, v.flags().size());
        assertEquals("包吃包住包机票", v.flags().get(0).evidence());
    }

    @Test
    void latinPhrasesMatchWholeWordsOnly() {
        assertFalse(checker.check("Myawaddyville").flagged());
        assertEquals(Risk.NONE, checker.check("highpayment").risk());
    }

    @Test
    void aNearDuplicateOfAConfirmedPatternIsHigh() {
        RedFlagChecker withPatterns = new RedFlagChecker(RULES, TestModels.rulePoints(),
                text -> text.contains("cooking") ? Optional.of(new PatternMatch(7, 12, 0.93)) : Optional.empty());
        Verdict v = withPatterns.check("Teach cooking abroad");
        assertEquals(Risk.HIGH, v.risk());
        assertEquals(12, v.knownPattern().confirmedCount());
        assertNull(checker.check("Teach cooking abroad").knownPattern());
    }

    @Test
    void languageIsGuessedFromTheScript() {
        assertEquals(Language.ZH_HANS, checker.check("高薪招聘，包机票").language());
        assertEquals(Language.ZH_HANT, checker.check("高薪誠聘，包機票，到了再簽合同").language());
        assertEquals(Language.EN, checker.check("High pay in Myawaddy 妙瓦底, apply now").language());
        assertEquals(Language.ZH_HANS, checker.check("加TG，月入3万").language());
        assertEquals(Language.EN, checker.check("高薪", Optional.of(Language.EN)).language());
    }

    @Test
    void hugeAndBinaryInputIsCheckedWithoutFailing() {
        String big = "高薪".repeat(300_000) + "扣护照";
        Verdict v = checker.check(big);
        assertEquals(Risk.HIGH, v.risk());
        Verdict binary = checker.check(new String(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10},
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Risk.NONE, binary.risk());
    }
}
