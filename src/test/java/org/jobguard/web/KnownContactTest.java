package org.jobguard.web;

import org.jobguard.patterns.GroupStatus;
import org.jobguard.patterns.PatternService;
import org.jobguard.patterns.Source;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Try-it says when a recruiter's contact is in reports moderators confirmed, over the real store. */
class KnownContactTest extends RunningWebTest {
    @Test
    void aHandleInTwoConfirmedReportsIsNamedOnTheVerdict() throws Exception {
        String later = "Customer service in Myawaddy, free flight, passport kept by the company. Telegram @kk_boss_2026";
        assertEquals(java.util.Optional.empty(), web.patterns.confirmedContact(later));
        for (String text : new String[]{
                "高薪招聘客服，包机票，到了再签合同，护照公司保管，地点妙瓦底，加飞机 @kk_boss_2026",
                "Job in Cambodia, Bavet, chat online with customers, company picks you up at the border, no passport"
                        + " needed, contact @kk_boss_2026"}) {
            assertEquals(PatternService.Recorded.Status.STORED,
                    web.patterns.record(web.checker.check(text), text, Source.BOT, false).status());
        }
        web.store.dashboard().groups(GroupStatus.PENDING, 10, 0).forEach(g -> web.patterns.confirm(g.id(), "moderator", null));
        HttpResponse<String> r = web.postForm("/?ui=en", Map.of("text", later));
        assertTrue(r.body().contains("<p class=\"known\" id=\"known-contact\">A contact in this message (an account name)"
                + " appears in 2 reports that moderators confirmed as scams.</p>"), r.body());
        String zh = web.postForm("/?ui=zh-Hans", Map.of("text", later)).body();
        assertTrue(zh.contains("出现在 2 条经审核员确认的诈骗举报中"), "the page's own report does not count itself: " + zh);
    }
}
