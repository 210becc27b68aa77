package org.jobguard.checker;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.RulesLoader;
import org.jobguard.config.YamlDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pattern runs only where one of its literal prefixes occurs ({@link RegexTrigger}); one whose prefix cannot be read
 * runs over every message, and one that starts at any digit or at a character in most sentences runs nearly
 * everywhere. Either cost a quarter to two thirds of the checker's speed when it slipped in (a bare USDT amount,
 * "(人|他|她)直接", an amount in 万 written with [0-9]), and only {@code bench} showed it.
 */
class PatternGatingTest {
    private static final String COMMON = "的了是在有我你他她人个这那就都也";
    /**
     * No pattern's regex may run on more than this share of the messages of every kind in {@link #MESSAGES}; the most
     * tried one runs on about one in seven (a monthly pay in 万).
     */
    private static final double MOST_MESSAGES = 1 / 3.0;
    private static final List<String> MESSAGES = List.of("src/test/resources/corpus/dev.jsonl",
            "src/test/resources/corpus/own.jsonl");

    @Test
    void everyPatternOfTheShippedRulesStartsAtARareLiteral() {
        RuleSet rules = RulesLoader.load(ConfigFiles.locate(Map.of()).yaml("rules.yaml"));
        List<String> slow = new ArrayList<>();
        for (Rule r : rules.rules()) {
            for (Pattern p : r.patterns()) {
                var prefixes = RegexTrigger.prefixes(p.pattern());
                if (prefixes.isEmpty()) {
                    slow.add(r.id() + ": " + p.pattern() + " (no literal prefix)");
                    continue;
                }
                for (String prefix : prefixes.get()) {
                    char c = prefix.charAt(0);
                    if (prefix.length() == 1 && (Character.isDigit(c) || COMMON.indexOf(c) >= 0)) {
                        slow.add(r.id() + ": " + p.pattern() + " (starts at '" + prefix + "')");
                    }
                }
            }
        }
        assertEquals(List.of(), slow);
    }

    /**
     * Counts, not time: how many of a fixed set of messages each pattern's regex runs on. A prefix the stored
     * automaton cannot look for (one the normalizer changes, as 姊姊 becomes 姐姐) makes its pattern run on every
     * message, which the prefix test above does not see: a kin list with 姊姊 added to the relative's-report pattern
     * did this and made bench 2.3 times slower.
     */
    @Test
    void noPatternRunsOnMostMessages() throws IOException {
        RuleSet rules = RulesLoader.load(ConfigFiles.locate(Map.of()).yaml("rules.yaml"));
        assertEquals(List.of(), triedOnMostMessages(rules));
    }

    @Test
    void aPatternTheAutomatonCannotGateIsTriedOnEveryMessage() throws IOException {
        String shipped = Files.readString(Path.of("config/rules.yaml"));
        String ungated = shipped.replaceFirst("(?m)^rules:\\n", """
                rules:
                  - id: ransom.ungated_for_the_test
                    category: ransom
                    severity: strong
                    patterns: ['(儿子|姊姊)\\\\S{0,20}?(他们|公司)要\\\\S{0,4}\\\\d+万']
                """);
        List<String> slow = triedOnMostMessages(RulesLoader.load(YamlDocument.parse("rules.yaml", ungated)));
        assertTrue(slow.size() == 1 && slow.get(0).startsWith("ransom.ungated_for_the_test: 100%"), slow::toString);
    }

    /** The patterns that run on more than {@link #MOST_MESSAGES} of {@link #MESSAGES}, with their share. */
    private static List<String> triedOnMostMessages(RuleSet rules) throws IOException {
        Normalizer normalizer = new Normalizer();
        CompiledRules compiled = new CompiledRules(rules, normalizer);
        ObjectMapper json = new ObjectMapper();
        int[] tried = new int[compiled.patternCount()];
        int messages = 0;
        for (String file : MESSAGES) {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.isBlank()) {
                    continue;
                }
                Matches m = compiled.match(normalizer.normalize(json.readTree(line).get("text").asText()));
                for (int p = 0; p < tried.length; p++) {
                    tried[p] += m.wasTried(p) ? 1 : 0;
                }
                messages++;
            }
        }
        List<String> slow = new ArrayList<>();
        for (int p = 0; p < tried.length; p++) {
            if (tried[p] > MOST_MESSAGES * messages) {
                slow.add(compiled.rule(compiled.patternRule(p)).id() + ": " + Math.round(100.0 * tried[p] / messages)
                        + "% of " + messages + " messages");
            }
        }
        return slow;
    }
}
