package org.jobguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobguard.checker.Category;
import org.jobguard.checker.Language;
import org.jobguard.checker.RedFlag;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Severity;
import org.jobguard.checker.Verdict;
import org.jobguard.reply.VerdictWording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static RedFlagChecker checker;

    @BeforeAll
    static void loadRules() {
        checker = CheckerFactory.fromEnvironment();
    }

    private static JsonNode line(String text) throws Exception {
        return MAPPER.readTree(CheckCommand.checkLine(text, 3, checker, Optional.empty(), MAPPER, new VerdictJson(MAPPER)));
    }

    @Test
    void twoObjectsOnOneLineAreAnErrorForThatLineNotOneVerdict() throws Exception {
        JsonNode r = line("{\"id\": 1, \"text\": \"护照由公司保管\"} {\"id\": 2, \"text\": \"到了再签合同\"}");
        assertEquals(1, r.get("id").asInt());
        assertTrue(r.path("error").asText().startsWith("line 3: more after the JSON object"), r.toString());
        assertTrue(r.path("risk").isMissingNode(), "no verdict for a line read only in part");
    }

    @Test
    void garbageAfterTheObjectIsAnError() throws Exception {
        JsonNode r = line("{\"id\": \"x\", \"text\": \"hello\"} trailing words");
        assertEquals("x", r.get("id").asText());
        assertTrue(r.has("error"), r.toString());
        assertTrue(line("{\"id\": \"x\", \"text\": \"hello\"}]").has("error"));
    }

    @Test
    void spacesAroundTheObjectAreFine() throws Exception {
        JsonNode r = line("  {\"id\": \"x\", \"text\": \"周末一起吃饭吧\"}  \t");
        assertEquals("none", r.get("risk").asText(), r.toString());
    }

    @Test
    void aLoneCarriageReturnEndsALineAndBlankLinesAreSkipped() {
        List<CheckCommand.NumberedLine> lines = CheckCommand.lines("{\"id\":1}\r{\"id\":2}\r\n\n  \r\n{\"id\":3}\n{\"id\":4}");
        assertEquals(List.of(new CheckCommand.NumberedLine(1, "{\"id\":1}"), new CheckCommand.NumberedLine(2, "{\"id\":2}"),
                new CheckCommand.NumberedLine(5, "{\"id\":3}"), new CheckCommand.NumberedLine(6, "{\"id\":4}")), lines);
        assertEquals(List.of(), CheckCommand.lines(""));
        assertEquals(List.of(new CheckCommand.NumberedLine(1, "x")), CheckCommand.lines("x\r\n"));
    }

    @Test
    void theWordingOfAnOffshoreCompanyHasALineOfItsOwn() {
        // which quotes a post gets is the model's say; how they are grouped is the reply's: one line per explanation,
        // not per category, although the model's wording and an offshore company's wording share a category
        org.jobguard.i18n.Messages messages = org.jobguard.i18n.Messages.load(java.nio.file.Path.of("messages"));
        VerdictWording wording = new VerdictWording(messages, VerdictWording.PLAIN_TEXT);
        var flags = List.of(
                new RedFlag("risky_destination.cambodia", Category.RISKY_DESTINATION, Severity.WEAK, "金边", 7, 9,
                        "flag.risky_destination"),
                new RedFlag("wording", Category.WORDING, Severity.WEAK, "风控专员", 0, 4, "flag.wording"),
                new RedFlag("wording.offshore", Category.WORDING, Severity.WEAK, "国籍不限", 40, 44, "flag.wording.offshore"));
        var post = new Verdict(Risk.HIGH, 99, 0.99, Language.ZH_HANS, Verdict.Kind.MESSAGE, flags, List.of(), List.of(),
                List.of(), null, List.of(), List.of());
        String offshore = VerdictWording.PLAIN_TEXT.message(messages.get(Language.ZH_HANS, "flag.wording.offshore"));
        List<String> lines = wording.flagLines(post, Language.ZH_HANS);
        assertTrue(lines.stream().anyMatch(l -> l.contains(offshore) && l.contains("国籍不限") && !l.contains("风控专员")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> !l.contains(offshore) && l.contains("风控专员")), lines.toString());
        assertEquals(1, lines.stream().filter(l -> l.contains("国籍不限")).count(), lines.toString());
    }

    @Test
    void aRansomDemandIsHeadedAsOneNotAsAJobAd() {
        org.jobguard.i18n.Messages messages = org.jobguard.i18n.Messages.load(java.nio.file.Path.of("messages"));
        VerdictWording wording = new VerdictWording(messages, VerdictWording.PLAIN_TEXT);
        var demand = checker.check("你儿子在我们手里，交钱放人，准备5万赎金。");
        var offer = checker.check("高薪客服，无需经验，包吃包住包机票，地点妙瓦底，护照公司保管，名额有限");
        String ransomLine = VerdictWording.PLAIN_TEXT.message(messages.get(Language.ZH_HANS,
                "tg.headline.ransom"));
        String offerLine = VerdictWording.PLAIN_TEXT.message(messages.get(Language.ZH_HANS,
                "tg.headline.high"));
        assertTrue(wording.whole(demand, Language.ZH_HANS).startsWith(ransomLine + "\n"));
        assertTrue(wording.whole(offer, Language.ZH_HANS).startsWith(offerLine + "\n"));
    }

    @Test
    void aHintOfSomeoneHeldIsHeadedAsOneNotAsLowRisk() {
        org.jobguard.i18n.Messages messages = org.jobguard.i18n.Messages.load(java.nio.file.Path.of("messages"));
        VerdictWording wording = new VerdictWording(messages, VerdictWording.PLAIN_TEXT);
        var flags = List.of(new RedFlag("concept.held", Category.RANSOM, Severity.WEAK, "出不去", 3, 6,
                "flag.ransom.maybe_held"));
        var hint = new Verdict(Risk.LOW, 60, 0.6, Language.ZH_HANS, Verdict.Kind.MAYBE_HELD, flags, List.of(),
                List.of("advice.check_sender"), List.of(), null, List.of(), List.of());
        String whole = wording.whole(hint, Language.ZH_HANS);
        String headline = VerdictWording.PLAIN_TEXT.message(messages.get(Language.ZH_HANS, "tg.headline.maybe_held"));
        assertTrue(whole.startsWith(headline + "\n"), whole);
        assertTrue(whole.contains("出不去") && whole.contains(messages.get(Language.ZH_HANS, "flag.ransom.maybe_held")), whole);
        assertTrue(whole.contains(messages.get(Language.ZH_HANS, "advice.check_sender")), whole);
        assertFalse(whole.contains(VerdictWording.PLAIN_TEXT.message(messages.get(Language.ZH_HANS, "tg.headline.low"))),
                "a plea is not headed 'low risk': " + whole);
    }
}
