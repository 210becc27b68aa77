package org.jobguard.checker;

import org.jobguard.config.ConfigFiles;
import org.jobguard.config.RulesLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A pattern runs only where one of its literal prefixes occurs ({@link RegexTrigger}); one whose prefix cannot be read
 * runs over every message, and one that starts at any digit or at a character in most sentences runs nearly
 * everywhere. Either cost a quarter to two thirds of the checker's speed when it slipped in (a bare USDT amount,
 * "(人|他|她)直接", an amount in 万 written with [0-9]), and only {@code bench} showed it.
 */
class PatternGatingTest {
    private static final String COMMON = "的了是在有我你他她人个这那就都也";

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
}
