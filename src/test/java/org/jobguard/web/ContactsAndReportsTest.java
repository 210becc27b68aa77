package org.jobguard.web;

import org.jobguard.patterns.FeedbackKind;
import org.jobguard.patterns.ReportSummary;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactsAndReportsTest extends RunningWebTest {
    @Test
    void contactsPageFiltersByLocationAndNationality() throws Exception {
        HttpResponse<String> all = web.get("/contacts?ui=en");
        assertEquals(200, all.statusCode());
        assertTrue(all.body().contains("<select id=\"location\""));
        HttpResponse<String> r = web.get("/contacts?location=MM&nationality=CN&ui=en");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<option value=\"MM\" selected>"), "the choice is kept");
        assertTrue(r.body().contains("href=\"tel:+861012308\"") || r.body().contains("href=\"tel:+86"),
                "China's consular hotline, tap to call");
        assertTrue(r.body().contains("data-kind=\"police\""));
        assertTrue(r.body().contains("Do not pay ransom"), "advice for relatives");
        HttpResponse<String> th = web.get("/contacts?location=TH&ui=en");
        assertTrue(th.body().contains("href=\"tel:1155\""), "Thai tourist police");
    }

    @Test
    void dashboardListsContactsDueForReverification() throws Exception {
        RunningWeb.Login login = web.login();
        HttpResponse<String> r = web.get("/admin/contacts", "Cookie", login.cookie());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("id=\"stale-contacts\""));
    }

    @Test
    void unknownFilterValuesAreIgnored() throws Exception {
        HttpResponse<String> r = web.get("/contacts?location=%3Cscript%3E&nationality=ZZ");
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("<script>"));
    }

    @Test
    void highRiskVerdictShowsContactsForThePlaceNamed() throws Exception {
        HttpResponse<String> r = web.postForm("/?ui=en", Map.of("text",
                "Customer service job in Myawaddy, high pay, passport kept by the company, tourist visa"));
        assertTrue(r.body().contains("data-risk=\"high\""));
        assertTrue(r.body().contains("id=\"contacts\""), "help contacts under a high-risk verdict");
        assertTrue(r.body().contains("data-kind=\"police\""));
    }

    @Test
    void reportingAWrongVerdictReachesTheModerators() throws Exception {
        String job = "Factory job in Penang, free visa, accommodation provided, contract signed on arrival, no experience needed";
        HttpResponse<String> checked = web.postForm("/?ui=en", Map.of("text", job));
        assertTrue(checked.body().contains("id=\"report-fp\"") || checked.body().contains("id=\"report-fn\""));
        String kind = checked.body().contains("id=\"report-fp\"") ? "false_positive" : "false_negative";
        HttpResponse<String> r = web.postForm("/report", Map.of("text", job, "lang", "auto", "kind", kind));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("id=\"reported\""));
        List<ReportSummary> reports = web.store.dashboard().reports(false, 10);
        assertEquals(1, reports.size());
        assertEquals(FeedbackKind.fromId(kind), reports.get(0).kind());
        RunningWeb.Login login = web.login();
        HttpResponse<String> page = web.get("/admin/reports", "Cookie", login.cookie());
        assertTrue(page.body().toLowerCase(java.util.Locale.ROOT).contains("penang"), "the report is listed");
    }
}
