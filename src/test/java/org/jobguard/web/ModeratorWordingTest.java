package org.jobguard.web;

import org.jobguard.patterns.GroupStatus;
import org.jobguard.patterns.PatternService;
import org.jobguard.patterns.Source;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a moderator reads: labels instead of rule ids, counts in the language's plural forms, what a click did. */
class ModeratorWordingTest extends RunningWebTest {
    static final String AD = "高薪招聘客服，月薪3万，包机票，到了再签合同，护照公司保管，地点妙瓦底。";

    @Test
    void theQueueNamesCategoriesCountsInPluralFormsAndConfirmsADecision() throws Exception {
        assertEquals(PatternService.Recorded.Status.STORED,
                web.patterns.record(web.checker.check(AD), AD, Source.BOT, false).status());
        long group = web.store.dashboard().groups(GroupStatus.PENDING, 10, 0).get(0).id();
        RunningWeb.Login login = web.login();
        String en = web.get("/admin?ui=en", "Cookie", login.cookie()).body();
        assertTrue(en.contains("1 message, first seen"), "not \"1 messages\": " + en);
        assertTrue(en.contains(">Passport or phone taken</span>"), "the category's label: " + en);
        assertTrue(en.contains("title=\"document_control."), "the rule id is there for whoever tunes the rules");
        assertFalse(en.contains("Rules that fired: document_control."), "no bare rule ids");

        HttpResponse<String> confirmed = web.postForm("/admin/groups/" + group, Map.of("_csrf", login.csrf(),
                "decision", "confirm", "status", "pending"), "Cookie", login.cookie());
        assertEquals(303, confirmed.statusCode());
        String back = confirmed.headers().firstValue("Location").orElseThrow();
        String page = web.get(back.replace("#queue", "") + "&ui=en", "Cookie", login.cookie()).body();
        assertTrue(page.contains("id=\"done\"") && page.contains("Group " + group + " confirmed as a scam"),
                "the moderator is told what the click did: " + page);
        String confirmedList = web.get("/admin?status=confirmed&ui=en", "Cookie", login.cookie()).body();
        assertTrue(confirmedList.contains("confirmed once"), "not \"confirmed 1 times\"");
        String zh = web.get("/admin?status=confirmed&ui=zh-Hans", "Cookie", login.cookie()).body();
        assertTrue(zh.contains("1 条消息") && zh.contains("已确认 1 次"), zh);
        assertTrue(zh.contains(">扣押证件或手机</span>"), zh);
    }

    @Test
    void aMissedScamReportSaysNoRuleFiredAndRisksAndSeveritiesAreTranslated() throws Exception {
        String missed = "有个事想请你帮忙看看，朋友给我介绍了一份工作。";
        HttpResponse<String> r = web.postForm("/report", Map.of("text", missed, "lang", "auto", "kind", "false_negative"));
        assertEquals(200, r.statusCode());
        RunningWeb.Login login = web.login();
        String reports = web.get("/admin/reports?ui=en", "Cookie", login.cookie()).body();
        assertTrue(reports.contains("none: the checker found nothing"), "not an empty list of rules: " + reports);
        String zhReports = web.get("/admin/reports?ui=zh-Hans", "Cookie", login.cookie()).body();
        assertFalse(zhReports.contains("<td>none</td>") || zhReports.contains("<td>low</td>"), "risk in Chinese");
        String rules = web.get("/admin/rules?ui=zh-Hans", "Cookie", login.cookie()).body();
        assertFalse(rules.contains("· weak<") || rules.contains("· strong<") || rules.contains("· medium<"),
                "severity in Chinese");
        assertTrue(rules.contains("· 弱迹象<") && rules.contains("· 强迹象<"), rules);
        String export = web.get("/admin/export?ui=en", "Cookie", login.cookie()).body();
        assertTrue(export.matches("(?s).*\\b\\d+ anonymized patterns? (is|are) stored.*"), export);
    }
}
