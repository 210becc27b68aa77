package org.jobguard.checker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An English offer spelled with Cyrillic and Greek letters that look Latin is the offer, against the real rules. */
class RedFlagCheckerLookAlikesTest {
    /** Cyrillic і с а о е р, Greek capital Μ; every other letter Latin. */
    private static final String DISGUISED =
            "Hіring сhаt suppоrt in Μyawaddy, wе рay thе tіcket, cоntract signеd whеn yоu arrіve";
    private static final String PLAIN =
            "Hiring chat support in Myawaddy, we pay the ticket, contract signed when you arrive";

    private static RedFlagChecker checker;

    @BeforeAll
    static void setUp() {
        checker = CheckerCasesTest.repositoryChecker();
    }

    @Test
    void theDisguisedOfferIsRatedLikeItsPlainTwin() {
        assertNotEquals(PLAIN, DISGUISED);
        Verdict plain = checker.check(PLAIN);
        Verdict disguised = checker.check(DISGUISED);
        assertTrue(disguised.risk().atLeast(Risk.MEDIUM), disguised.risk() + " " + disguised.flags());
        assertEquals(plain.risk(), disguised.risk());
        assertEquals(plain.categories(), disguised.categories());
        assertEquals(Language.EN, disguised.language());
    }

    @Test
    void evidenceQuotesTheOriginalLettersAtTheirCodePointOffsets() {
        Map<String, RedFlag> plain = byRule(checker.check(PLAIN).flags());
        Map<String, RedFlag> disguised = byRule(checker.check(DISGUISED).flags());
        assertEquals(plain.keySet(), disguised.keySet());
        for (RedFlag f : disguised.values()) {
            RedFlag twin = plain.get(f.ruleId());
            assertEquals(twin.start(), f.start(), f.ruleId());
            assertEquals(twin.end(), f.end(), f.ruleId());
            assertEquals(DISGUISED.substring(f.start(), f.end()), f.evidence());
        }
        assertEquals("Μyawaddy", disguised.get("risky_destination.myanmar").evidence());
        assertEquals('\u039C', disguised.get("risky_destination.myanmar").evidence().charAt(0), "the Greek Μ");
    }

    @Test
    void mathematicalLettersAreQuotedWithCodePointOffsets() {
        // each of these letters is two UTF-16 units: offsets count code points, evidence is the original slice
        String text = "𝐂𝐡𝐚𝐭 𝐬𝐮𝐩𝐩𝐨𝐫𝐭 in 𝚳𝐲𝐚𝐰𝐚𝐝𝐝𝐲";
        RedFlag destination = byRule(checker.check(text).flags()).get("risky_destination.myanmar");
        assertEquals("𝚳𝐲𝐚𝐰𝐚𝐝𝐝𝐲", destination.evidence());
        assertEquals(16, destination.start());
        assertEquals(24, destination.end());
    }

    private static Map<String, RedFlag> byRule(List<RedFlag> flags) {
        return flags.stream().collect(Collectors.toMap(RedFlag::ruleId, Function.identity()));
    }
}
