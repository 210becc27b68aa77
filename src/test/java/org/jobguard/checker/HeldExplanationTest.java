package org.jobguard.checker;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message from someone held asks for no money: it is its own kind, and the concepts and wording it is flagged by are
 * explained as someone being held, not as a demand for money; a demand in words no rule lists keeps the demand's kind
 * and explanation.
 */
class HeldExplanationTest {
    private final RedFlagChecker checker = TestModels.shippedChecker();

    @Test
    void aPleaWithoutMoneyIsExplainedAsSomeoneHeld() {
        Verdict plea = checker.check("我儿子刚发来的：妈 救救我 我在缅甸 坐船过的河 手机被收了 这是偷偷借的 看完删 别发网上");
        assertEquals(Verdict.Kind.HELD, plea.kind());
        assertEquals(Risk.HIGH, plea.risk());
        assertEquals("advice.no_ransom", plea.adviceKeys().get(0), "a family is told not to pay whoever comes asking");
        assertTrue(plea.flags().stream().anyMatch(f -> f.messageKey().equals("flag.ransom.held")), plea.flags().toString());
        assertTrue(plea.flags().stream().noneMatch(f -> f.messageKey().equals("flag.ransom")), plea.flags().toString());
        assertTrue(plea.flags().stream().map(plea::explanationKey)
                        .noneMatch(k -> k.equals("flag.wording.demand") || k.equals("flag.ransom")),
                "no part of a plea is explained as a demand: " + plea.flags());

        Verdict demand = checker.check("你弟的账还没平，平了账就能放，家里凑一凑大概十万，越拖越贵");
        assertEquals(Verdict.Kind.RANSOM, demand.kind());
        assertTrue(demand.flags().stream().anyMatch(f -> f.messageKey().equals("flag.ransom")), demand.flags().toString());
        assertTrue(demand.flags().stream().noneMatch(f -> f.messageKey().equals("flag.ransom.held")),
                demand.flags().toString());
    }

    @Test
    void aGoBetweensPriceInUnlistedWordsIsStillADemand() {
        Verdict price = checker.check("我跟那边园区老板谈过了，原价30个，看你家情况给你降到18个。先付一半，人送到美塞口岸再付剩下的。");
        assertEquals(Verdict.Kind.RANSOM, price.kind(), price.flags().toString());
    }

    @Test
    void anOffersMoneyAndBossAreItsTermsNotADemand() {
        // a fee waived, a pay figure and "my boss" are what offers say; read as a demand they told a worker "do not
        // pay a ransom" and quoted "fee" as money asked for someone held
        for (String offer : new String[] {
                "Computer operator, Myanmar, 1 lakh+, visa on arrival, no agent fee",
                "Hi dear, are you still looking for job? My boss in Myawaddy need foreign staff, very easy work, good pay",
                "Once you arrive the employer will keep your passport for the work permit. Leaving early means paying back the ticket and visa, about 1500 USD."}) {
            Verdict v = checker.check(offer);
            assertTrue(v.risk().atLeast(Risk.MEDIUM), offer + " -> " + v.risk());
            assertEquals(Verdict.Kind.MESSAGE, v.kind(), offer + " -> " + v.flags());
            assertTrue(v.flags().stream().noneMatch(f -> f.ruleId().startsWith("concept.")), v.flags().toString());
        }
    }

    @Test
    void aContractSignedAtHomeIsNoContractOnArrivalAndNobodyHeld() {
        // "到…再签" with a denial between was a contract signed on arrival, a floor at medium; the model read the line
        // at 0.02, yet its demand part led its offer part, both far below zero, and the reply said someone was held
        Verdict v = checker.check("合同在国内签，一式两份您留一份，到了那边不会再签别的合同。");
        assertFalse(v.risk().atLeast(Risk.MEDIUM), v.toString());
        assertFalse(v.kind().namesItself(), v.kind().toString());
    }

    @Test
    void aCaptorsThreatTheModelIsUnsureOfIsNeverNoRisk() {
        // the model reads this sparse threat in its low band: a parent must not be told "nothing stood out"
        Verdict threat = checker.check("人在我手上，你自己掂量");
        assertTrue(threat.risk().atLeast(Risk.LOW), threat.toString());
        assertTrue(threat.kind().namesItself(), "its headline says someone may be held: " + threat.kind());
        assertTrue(threat.flags().stream().anyMatch(f -> f.evidence().equals("在我手上")), threat.flags().toString());
        if (threat.kind() == Verdict.Kind.MAYBE_HELD) {
            assertEquals(Risk.LOW, threat.risk());
            assertEquals("advice.check_sender", threat.adviceKeys().get(0), "first find out whether the sender is free");
            assertTrue(threat.flags().stream().allMatch(f -> f.messageKey().equals("flag.ransom.maybe_held")),
                    "hedged, not 'someone is held': " + threat.flags());
        }
    }

    @Test
    void ordinaryWordsOfANewNumberOrAGuardAreNoHint() {
        for (String chat : new String[] {
                "hey it's me, new number! old sim got cancelled when i moved to Perth. save this one, no money needed haha",
                "我爸在非洲援建项目上，营地四周拉着铁丝网，进出要登记，说是当地治安不好。每周日能视频一次，平时信号不行",
                "bro they moved our whole team to the 14th floor and now there's a guard at the gate who checks IDs every morning"}) {
            Verdict v = checker.check(chat);
            assertFalse(v.kind().namesItself(), chat + " -> " + v.kind() + " " + v.flags());
            assertFalse(v.risk().atLeast(Risk.MEDIUM), chat + " -> " + v.risk());
        }
    }
}
