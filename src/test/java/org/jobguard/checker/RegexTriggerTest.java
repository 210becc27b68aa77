package org.jobguard.checker;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegexTriggerTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", nullValues = "NONE", value = {
        "月[薪入收]\\s*\\d+ => 月",
        "(日结|日入|一天)\\s*\\d{3} => 日结,日入,一天",
        "(\\$|usd)\\s?\\d{1,2} => $,usd",
        "[薪入收]abc => 薪,入,收",
        "(?:quit|leave|resign)\\w* => quit,leave,resign",
        "\\bfree\\s+(\\w+\\s+){0,3}visa => free",
        "\\b(flights?|tickets?|air\\s*fare)\\b => flight,ticket,air",
        "(?<![不没])(保管|扣押)护照 => 保管,扣押",
        "contract\\s+signed => contract",
        "(a day|per week)\\b => a day,per week",
        "\\d+(\\.\\d+)?\\s*% => NONE",
        "(?i)abc => NONE",
        "a?bc => NONE",
        "(a|b?c)d => NONE",
        "(统一|公司)?(保管|扣押) => NONE",
        "((ab|cd)|e)f => ab,cd,e",
        "[^abc]x => NONE",
        "[a-z]x => NONE",
        "x|y|z => x,y,z",
        ".*abc => NONE",
    })
    void readsTheLiteralPrefixesOfSimpleRegexes(String regex, String expected) {
        Optional<List<String>> got = RegexTrigger.prefixes(regex);
        assertEquals(Optional.ofNullable(expected).map(e -> List.of(e.split(","))), got);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", nullValues = "NONE", value = {
        "到[^，。]{0,10}[才再]签 => 才,再;签",
        "月[薪入收]?\\S{0,3}\\d+\\s*[万w] => 万,w",
        "abc?d => d",
        "abcd => NONE",
        "(?<!不)护照\\S{0,4}(保管|扣押)(?!了) => 保管,扣押",
        "pay\\b[^\\n]{0,80}\\b(release|set free)s? => release,set free",
        "x(ab)?(cd)*(ef)+(gh){2}(ij){0,2} => ef;gh",
        "x\\s+(foo|\\d+)y => y",
        "x|y => NONE",
        "x(?i)abc => NONE",
        "x\\Qab\\E => NONE",
    })
    void readsTheLiteralsAMatchMustContainAfterItsStart(String regex, String expected) {
        List<List<String>> want = expected == null ? List.of()
                : java.util.Arrays.stream(expected.split(";")).map(e -> List.of(e.split(","))).toList();
        assertEquals(want, RegexTrigger.requirements(regex));
    }
}
