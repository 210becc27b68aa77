package org.jobguard.checker;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegexTriggerTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", nullValues = "NONE", value = {
        "月[薪入收]\\s*\\d+ => 月",
        "(日结|日入|一天)\\s*\\d{3} => 日日一",
        "(\\$|usd)\\s?\\d{1,2} => $u",
        "[薪入收]abc => 薪入收",
        "(?:quit|leave|resign)\\w* => qlr",
        "\\d+(\\.\\d+)?\\s*% => NONE",
        "(?i)abc => NONE",
        "a?bc => NONE",
        "(a|b?c)d => NONE",
        "((ab|cd)|e)f => ace",
        "(?!x)abc => NONE",
        "[^abc]x => NONE",
        "[a-z]x => NONE",
        "x|y|z => xyz",
    })
    void readsTheFirstCharactersOfSimpleRegexes(String regex, String expected) {
        Optional<char[]> got = RegexTrigger.firstChars(regex);
        assertEquals(Optional.ofNullable(expected), got.map(String::new));
    }
}
