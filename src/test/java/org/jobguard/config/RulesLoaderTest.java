package org.jobguard.config;

import org.jobguard.checker.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesLoaderTest {
    private static final String GOOD = """
            rules:
              - id: document_control.passport
                category: document_control
                severity: strong
                phrases: {zh-Hans: [扣护照], en: [keep your passport]}
              - id: pay_too_good.salary
                category: pay_too_good
                severity: weak
                patterns: ['月入\\\\d+万']
            context:
              negation: {en: [never]}
            advice:
              default: [advice.verify_company]
            """;

    @Test
    void loadsTheRepositoryRules() throws Exception {
        RuleSet rules = RulesLoader.load(YamlDocument.parse("config/rules.yaml",
                Files.readString(Path.of("config/rules.yaml"))));
        assertTrue(rules.rules().size() >= 13);
    }

    @Test
    void readsPhrasesOfAllLanguagesAndPatterns() {
        RuleSet rules = RulesLoader.load(YamlDocument.parse("t.yaml", GOOD));
        assertEquals(2, rules.rules().size());
        assertEquals(java.util.List.of("扣护照", "keep your passport"), rules.rules().get(0).phrases());
        assertEquals(1, rules.rules().get(1).patterns().size());
        assertTrue(rules.rules().get(0).enabled());
        assertTrue(rules.rules().stream().noneMatch(r -> r.concept()));
    }

    @Test
    void aRuleMarkedAsAConceptIsOne() {
        RuleSet rules = RulesLoader.load(YamlDocument.parse("t.yaml", GOOD.replace("severity: weak\n",
                "severity: weak\n    concept: true\n")));
        assertTrue(rules.rules().get(1).concept());
        ConfigException e = assertThrows(ConfigException.class, () -> RulesLoader.load(YamlDocument.parse(
                "rules.yaml", GOOD.replace("severity: weak\n", "severity: weak\n    concept: maybe\n"))));
        assertTrue(e.getMessage().contains("expected true or false"), e.getMessage());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "category: document_control|category: documents|4|unknown category 'documents'",
        "severity: strong|severity: deadly|5|severity must be weak, medium or strong",
        "id: pay_too_good.salary|id: document_control.passport|7|duplicate rule id",
        "patterns: ['月入\\\\d+万']|patterns: ['月入(\\\\d+万']|10|bad regex",
        "severity: weak|severity: weak\\n    colour: red|9|unknown field 'colour'",
        "phrases: {zh-Hans: [扣护照], en: [keep your passport]}|phrases: {zh: [扣护照]}|6|unknown language 'zh'",
        "  negation: {en: [never]}|  negation: {en: [never]\\nbroken: [|11|not valid YAML",
    })
    void brokenFilesNameFileLineAndReason(String from, String to, int line, String reason) {
        String broken = GOOD.replace(from, to.replace("\\n", "\n"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> RulesLoader.load(YamlDocument.parse("rules.yaml", broken)));
        assertTrue(e.getMessage().startsWith("rules.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(Math.abs(e.line() - line) <= 1, "line " + e.line() + " for " + e.getMessage());
    }

    @Test
    void aRuleMayNameItsOwnExplanation() {
        RuleSet rules = RulesLoader.load(YamlDocument.parse("t.yaml", GOOD.replace("severity: weak\n",
                "severity: weak\n    message_key: flag.vague_job.gambling\n")));
        assertEquals("flag.vague_job.gambling", rules.rules().get(1).messageKey());
        assertEquals(rules.rules().get(0).category().messageKey(), rules.rules().get(0).messageKey());
        ConfigException e = assertThrows(ConfigException.class, () -> RulesLoader.load(YamlDocument.parse(
                "rules.yaml", GOOD.replace("severity: weak\n", "severity: weak\n    message_key: Gambling!\n"))));
        assertTrue(e.getMessage().contains("rules.yaml") && e.getMessage().contains("message_key"), e.getMessage());
    }

    @Test
    void emptyFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> YamlDocument.parse("rules.yaml", ""));
        assertTrue(e.getMessage().contains("empty"));
    }
}
