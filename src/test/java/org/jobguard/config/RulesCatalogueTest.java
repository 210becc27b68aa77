package org.jobguard.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.jobguard.checker.Category;
import org.jobguard.checker.Language;
import org.jobguard.checker.Normalizer;
import org.jobguard.checker.RuleSet;
import org.jobguard.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Invariants of the shipped data in {@code config/rules.yaml} that the loader alone does not check. */
class RulesCatalogueTest {
    private static final Path RULES = Path.of("config", "rules.yaml");
    private final Normalizer normalizer = new Normalizer();

    private static JsonNode raw() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(RULES));
    }

    @Test
    void everyCategoryIsShownWithPhrasesInAllThreeLanguages() throws Exception {
        Map<Category, Set<String>> languages = new EnumMap<>(Category.class);
        for (JsonNode r : raw().path("rules")) {
            if (!r.path("enabled").asBoolean(true) || r.path("shadow").asBoolean(false)) {
                continue;
            }
            Category c = Category.fromId(r.path("category").asText()).orElseThrow();
            r.path("phrases").fieldNames().forEachRemaining(
                    l -> languages.computeIfAbsent(c, k -> new TreeSet<>()).add(l));
        }
        List<String> missing = new ArrayList<>();
        for (Category c : Category.values()) {
            for (Language l : Language.values()) {
                if (!c.fromRules()) {
                    continue;
                }
                if (!languages.getOrDefault(c, Set.of()).contains(l.tag())) {
                    missing.add(c.id() + " " + l.tag());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void phrasesAreNeverSingleCharactersAfterNormalization() {
        RuleSet rules = RulesLoader.load(ConfigFiles.locate(Map.of()).yaml("rules.yaml"));
        List<String> tooShort = new ArrayList<>();
        rules.rules().forEach(r -> r.phrases().forEach(p -> {
            String n = normalizer.normalize(p).text().trim();
            if (n.codePointCount(0, n.length()) < 2) {
                tooShort.add(r.id() + ": '" + p + "'");
            }
        }));
        assertEquals(List.of(), tooShort);
    }

    /**
     * Context cues are counted as distinct strings, so a CJK cue inside another cue of the same group
     * (反诈 in 反诈骗) would count one word twice and turn a recruiter's message into a "warning".
     */
    @Test
    void noCjkCueOfAGroupContainsAnotherCueOfTheSameGroup() {
        RuleSet rules = RulesLoader.load(ConfigFiles.locate(Map.of()).yaml("rules.yaml"));
        Map<String, List<String>> groups = Map.of("awareness", rules.context().awareness(),
                "recruiting", rules.context().recruiting(), "legitimacy", rules.context().legitimacy());
        List<String> overlaps = new ArrayList<>();
        groups.forEach((name, cues) -> {
            Set<String> normalized = new TreeSet<>();
            cues.forEach(c -> normalized.add(normalizer.normalize(c).text().trim()));
            for (String inner : normalized) {
                for (String outer : normalized) {
                    boolean wordInside = (" " + outer + " ").contains(" " + inner + " ");
                    boolean cjk = inner.chars().anyMatch(ch -> ch >= 0x2e80);
                    if (!inner.equals(outer) && (cjk ? outer.contains(inner) : wordInside)) {
                        overlaps.add(name + ": '" + inner + "' in '" + outer + "'");
                    }
                }
            }
        });
        assertEquals(List.of(), overlaps);
    }

    @Test
    void everyAdviceAndFlagKeyHasTextInAllThreeLanguages() throws Exception {
        Messages messages = Messages.load(Path.of("messages"));
        Set<String> keys = new TreeSet<>();
        raw().path("advice").forEach(list -> list.forEach(k -> keys.add(k.asText())));
        for (Category c : Category.values()) {
            keys.add(c.messageKey());
        }
        keys.addAll(List.of("flag.known_pattern", "kind.awareness", "kind.empty"));
        List<String> missing = new ArrayList<>();
        for (Language l : Language.values()) {
            for (String k : keys) {
                if (!messages.has(l, k)) {
                    missing.add(l.tag() + ": " + k);
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
