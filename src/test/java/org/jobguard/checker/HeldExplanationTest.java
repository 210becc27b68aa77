package org.jobguard.checker;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message from someone held asks for no money: the concepts it is flagged by are explained as someone being held,
 * not as a demand for money; a demand in words no rule lists keeps the demand's explanation.
 */
class HeldExplanationTest {
    private final RedFlagChecker checker = TestModels.shippedChecker();

    @Test
    void aPleaWithoutMoneyIsExplainedAsSomeoneHeld() {
        Verdict plea = checker.check("我儿子刚发来的：妈 救救我 我在缅甸 坐船过的河 手机被收了 这是偷偷借的 看完删 别发网上");
        assertEquals(Verdict.Kind.RANSOM, plea.kind());
        assertTrue(plea.flags().stream().anyMatch(f -> f.messageKey().equals("flag.ransom.held")), plea.flags().toString());
        assertTrue(plea.flags().stream().noneMatch(f -> f.messageKey().equals("flag.ransom")), plea.flags().toString());

        Verdict demand = checker.check("你弟的账还没平，平了账就能放，家里凑一凑大概十万，越拖越贵");
        assertTrue(demand.flags().stream().anyMatch(f -> f.messageKey().equals("flag.ransom")), demand.flags().toString());
        assertTrue(demand.flags().stream().noneMatch(f -> f.messageKey().equals("flag.ransom.held")),
                demand.flags().toString());
    }
}
