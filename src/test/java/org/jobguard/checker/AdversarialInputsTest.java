package org.jobguard.checker;

import org.jobguard.privacy.AdversarialTexts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Texts built to make matching slow (issue 14): each is checked whole, without error, well inside a bound that only
 * a super-linear blow-up could break (2 s on a 20,000-character text; `bench` prints the real times, tens of ms).
 */
class AdversarialInputsTest {
    private static final RedFlagChecker CHECKER = TestModels.shippedChecker();

    @TestFactory
    Stream<DynamicTest> everyAdversarialTextIsCheckedInBoundedTime() {
        CHECKER.check("warm up: 包机票，到了再签合同，妙瓦底");
        return AdversarialTexts.all().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            Verdict v = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> CHECKER.check(t.text()));
            for (RedFlag f : v.flags()) {
                int from = t.text().offsetByCodePoints(0, f.start());
                int to = t.text().offsetByCodePoints(0, f.end());
                assertEquals(t.text().substring(from, to), f.evidence());
            }
            assertTrue(v.probability() >= 0 && v.probability() <= 1);
        }));
    }
}
