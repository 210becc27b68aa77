package org.jobguard.checker;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A handle, a link, a phone number or an e-mail address names someone and says nothing: the words in it are no wording
 * the model weighs or quotes. The corpora write recruiters' handles as "@hr_kh_fake", and counted as wording those
 * stand-ins were learned as signs of an offer.
 */
class ContactPointWordingTest {
    private final RedFlagChecker checker = TestModels.shippedChecker();

    @Test
    void theNameOfAContactPointDoesNotMoveTheRisk() {
        String ad = "Customer Success Specialist (Mandarin), Phnom Penh, USD 1,800-2,400 plus KPI, relocation support. ";
        double handle = checker.check(ad + "DM @hr_kh_fake").probability();
        assertEquals(handle, checker.check(ad + "DM @sunrise_careers").probability(), 1e-12);
        assertEquals(handle, checker.check(ad + "DM @maria_santos_hr").probability(), 1e-12);
        double email = checker.check(ad + "Apply: jobs@example.com").probability();
        assertEquals(email, checker.check(ad + "Apply: careers@brightpath.io").probability(), 1e-12);
    }

    @Test
    void noQuoteComesFromInsideAContactPoint() {
        Verdict v = checker.check("高薪招聘客服，月入3万，地点西港，联系飞机 @kk_fake_recruit_fake 或 t.me/fake_jobs_fake");
        assertTrue(v.flags().stream().noneMatch(f -> f.evidence().toLowerCase().contains("fake")), v.flags().toString());
    }
}
