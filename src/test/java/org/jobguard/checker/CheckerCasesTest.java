package org.jobguard.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.RulesLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Table-driven: {@code checker-cases.yaml} against the repository's real rules. */
class CheckerCasesTest {
    static RedFlagChecker repositoryChecker() {
        return TestModels.shippedChecker();
    }

    @TestFactory
    List<DynamicTest> cases() throws Exception {
        RedFlagChecker checker = repositoryChecker();
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/checker-cases.yaml")) {
            cases = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            String text = c.path("text").asText();
            tests.add(DynamicTest.dynamicTest(text.isEmpty() ? "(empty)" : text, () -> {
                Verdict v = checker.check(text, Optional.empty());
                String seen = v.risk().id() + " " + v.kind().id() + " " + v.flags();
                if (c.has("risk")) {
                    assertEquals(c.get("risk").asText(), v.risk().id(), seen);
                }
                if (c.has("min")) {
                    assertTrue(v.risk().atLeast(Risk.fromId(c.get("min").asText())), seen);
                }
                if (c.has("max")) {
                    assertTrue(Risk.fromId(c.get("max").asText()).atLeast(v.risk()), seen);
                }
                if (c.has("kind")) {
                    assertEquals(c.get("kind").asText(), v.kind().id(), seen);
                }
                c.path("categories").forEach(cat -> assertTrue(
                        v.categories().stream().anyMatch(x -> x.id().equals(cat.asText())), cat.asText() + " in " + seen));
                c.path("evidence").forEach(ev -> assertTrue(
                        v.flags().stream().anyMatch(f -> f.evidence().equals(ev.asText())), ev.asText() + " in " + seen));
                c.path("absent").forEach(ev -> assertTrue(
                        v.flags().stream().noneMatch(f -> f.evidence().equals(ev.asText())), ev.asText() + " not in " + seen));
            }));
        }
        return tests;
    }
}
