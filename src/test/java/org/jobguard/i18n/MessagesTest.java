package org.jobguard.i18n;

import org.jobguard.checker.Category;
import org.jobguard.checker.Language;
import org.jobguard.checker.Risk;
import org.jobguard.checker.RuleSet;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.RulesLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {
    private final Messages messages = Messages.load(Path.of("messages"));

    @Test
    void everyKeyExistsInEveryLanguage() {
        Set<String> all = new TreeSet<>();
        for (Language l : Language.values()) {
            all.addAll(messages.keys(l));
        }
        List<String> missing = new ArrayList<>();
        for (Language l : Language.values()) {
            for (String key : all) {
                if (!messages.has(l, key) || messages.get(l, key).isBlank()) {
                    missing.add(l.tag() + ": " + key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyKeyTheCheckerCanProduceHasText() {
        RuleSet rules = RulesLoader.load(ConfigFiles.locate(Map.of()).yaml("rules.yaml"));
        Set<String> needed = new TreeSet<>();
        for (Category c : Category.values()) {
            needed.add(c.messageKey());
        }
        for (Risk r : Risk.values()) {
            needed.add(r.messageKey());
        }
        rules.advice().values().forEach(needed::addAll);
        List<String> missing = new ArrayList<>();
        for (Language l : Language.values()) {
            for (String key : needed) {
                if (!messages.has(l, key)) {
                    missing.add(l.tag() + ": " + key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void placeholdersAreReplacedAndMissingKeysShowTheKey() {
        assertEquals("no.such.key", messages.get(Language.EN, "no.such.key"));
        assertTrue(messages.format(Language.EN, "no.such.key", "count", 3).contains("no.such.key"));
    }

    @Test
    void theJarCarriesTheSameMessages() {
        Messages bundled = Messages.loadBundled();
        for (Language l : Language.values()) {
            assertEquals(messages.keys(l), bundled.keys(l));
        }
    }

    /** A text that counts is an ICU message in every language, and says one and many the language's way. */
    @Test
    void countedTextsUsePluralFormsInEveryLanguage() {
        List<String> counted = new ArrayList<>();
        for (String key : messages.keys(Language.EN)) {
            if (messages.get(Language.EN, key).contains(", plural,")) {
                counted.add(key);
                for (Language l : Language.values()) {
                    assertTrue(messages.get(l, key).contains(", plural,"), l.tag() + ": " + key + " counts without plural forms");
                    messages.counted(l, key, "count", 2, "first", "a", "last", "b", "kind", "k", "id", 1);
                }
            }
        }
        assertTrue(counted.containsAll(List.of("web.admin.group_facts", "web.admin.open_reports",
                "web.admin.confirmed_times", "flag.known_pattern", "tg.known_pattern")), counted.toString());
        assertEquals("1 open report", messages.counted(Language.EN, "web.admin.open_reports", "count", 1));
        assertEquals("2 open reports", messages.counted(Language.EN, "web.admin.open_reports", "count", 2));
        assertEquals("1,200 open reports", messages.counted(Language.EN, "web.admin.open_reports", "count", 1200));
        assertEquals("1 条未处理反馈", messages.counted(Language.ZH_HANS, "web.admin.open_reports", "count", 1));
    }
}
