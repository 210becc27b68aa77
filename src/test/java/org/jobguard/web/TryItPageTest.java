package org.jobguard.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TryItPageTest extends RunningWebTest {
    @Test
    void startPageIsSmallAndHasTheForm() throws Exception {
        HttpResponse<String> r = web.get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<textarea id=\"text\" name=\"text\""));
        assertTrue(r.body().getBytes(StandardCharsets.UTF_8).length < 100_000);
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertFalse(r.body().contains("<script>"), "no inline script");
        String footer = web.get("/?ui=en").body();
        footer = footer.substring(footer.indexOf("<footer>"));
        assertTrue(footer.contains("phone, ID, passport, bank card and wallet numbers") && footer.contains("amounts of money"),
                "the footer says exactly what is removed and what stays: " + footer);
    }

    @Test
    void adIsCheckedAndEvidenceMarkedInTheOriginalText() throws Exception {
        String ad = "😀高薪招聘客服，包吃包住，到了再签合同，护照公司保管。地点：妙瓦底";
        HttpResponse<String> r = web.postForm("/", Map.of("text", ad, "lang", "auto"));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("data-risk=\"high\""), r.body());
        assertTrue(r.body().contains("<mark class=\"sev-strong\""), "strong flag marked");
        assertTrue(r.body().contains(">护照公司保管</mark>"), "evidence sliced by code points despite the emoji");
        assertTrue(r.body().contains(">妙瓦底</mark>"));
        assertTrue(r.body().contains("lang=\"zh-Hans\""), "the page follows the text's language");
    }

    @Test
    void aGoBetweensPriceIsExplainedAsADemandNotAsAJobAd() throws Exception {
        // no ransom rule's words: the model reads a demand, and its wording is explained as a demand's, as in the bot
        HttpResponse<String> r = web.postForm("/?ui=en", Map.of("text",
                "我跟那边园区老板谈过了，原价30个，看你家情况给你降到18个。先付一半，人送到美塞口岸再付剩下的。我这边跑腿费另算2个，不讲价。"));
        assertTrue(r.body().contains("data-kind=\"ransom\""), r.body());
        assertTrue(r.body().contains("demands for money to let someone held in a compound go"), r.body());
        assertFalse(r.body().contains("messages that recruited people into scam compounds"), r.body());
    }

    @Test
    void aPleaForwardedByAParentIsAnsweredAsSomeoneHeldWithTheFamiliesPage() throws Exception {
        HttpResponse<String> r = web.postForm("/?ui=en", Map.of("text",
                "我儿子刚发来的：妈 救救我 我在缅甸 坐船过的河 手机被收了 这是偷偷借的 看完删 别发网上"));
        String page = r.body();
        assertTrue(page.contains("data-kind=\"held\""), page);
        assertTrue(page.contains("Someone may be held against their will"), page);
        assertFalse(page.contains("This looks like a ransom demand"), "nobody asked for money: " + page);
        assertTrue(page.contains("someone is held there and cannot leave"), page);
        assertTrue(page.contains("id=\"contacts\""), "the numbers for Myanmar");
        assertTrue(page.contains("Nobody is held here: the warning is wrong"), "the button fits the verdict");
    }

    @Test
    void aThreatTheModelIsUnsureOfIsHeadedAsSomeoneMaybeHeldNotAsLowRisk() throws Exception {
        String page = web.postForm("/?ui=en", Map.of("text", "人在我手上，你自己掂量")).body();
        assertTrue(page.contains("data-kind=\"maybe_held\"") || page.contains("data-kind=\"held\""), page);
        assertTrue(page.contains("在我手上"), "the words are quoted: " + page);
        assertFalse(page.contains("Low risk: something to check") || page.contains("No warning signs found"), page);
    }

    @Test
    void aParentsMessageAboutARansomIsAnsweredAsARansomNotAsAJobAd() throws Exception {
        HttpResponse<String> r = web.postForm("/?ui=en", Map.of("text",
                "Our son went to Cambodia for a job. A man says he owes 5,000 USD and if we don't pay by Friday they"
                        + " cannot guarantee his safety. Don't involve police."));
        assertTrue(r.body().contains("data-kind=\"ransom\""), r.body());
        assertTrue(r.body().contains("This looks like a ransom demand"), r.body());
        assertFalse(r.body().contains("do not travel for this job"), "no job-ad advice for a family");
        assertTrue(r.body().contains("id=\"contacts\""), "the numbers for Cambodia");
        String extortion = "Someone is asking for money to release a person";
        String found = r.body().substring(r.body().indexOf("<ol class=\"flags\">"));
        found = found.substring(0, found.indexOf("</ol>"));
        assertEquals(found.indexOf(extortion), found.lastIndexOf(extortion),
                "one explanation for the ransom flags, with their quotes: " + found);
        assertTrue(found.contains("<q class=\"evidence\">cannot guarantee his safety</q>"),
                "a threat after \"don't pay\" is still a threat: " + found);
    }

    @Test
    void aJobSeekerGetsTheBeforeYouGoStepsNotTheFamiliesBox() throws Exception {
        HttpResponse<String> r = web.postForm("/?ui=en", Map.of("text", "Customer service job in Myawaddy, $3,000 a"
                + " month, no experience needed, free flight. Sign the contract when you arrive; the company keeps"
                + " your passport."));
        String page = r.body();
        assertTrue(page.contains("data-risk=\"high\"") && page.contains("data-kind=\"message\""), page);
        assertTrue(page.contains("Before you go"), "the job seeker's steps");
        assertFalse(page.contains("Do not pay ransom"), "no families' steps for someone who has not left");
        assertFalse(page.contains("What the family can do"));
        assertFalse(page.contains("whose citizen"), "no question the page gives no field for");
        assertFalse(page.contains("Tell us where the person is"));
        assertTrue(page.contains("id=\"contacts\""), "the numbers that can help are still there");
        assertEachAdviceOnce(page);
    }

    @Test
    void aPlaceOnlyTheCheckerReadsStillBringsItsNumbers() throws Exception {
        // 柬 on its own and a flag are read by the checker's gazetteer; the numbers follow its reading
        // offers well above the high threshold, so that the page shows the numbers whatever the model's last fit
        for (String text : List.of("柬 缺人 底薪2万 包机票 到了再签合同 私我",
                "CSR needed 🇰🇭, salary 1200 USD, free flight, contract signed when you arrive")) {
            String page = web.postForm("/?ui=en", Map.of("text", text)).body();
            assertTrue(page.contains("data-risk=\"high\""), page);
            String contacts = page.substring(page.indexOf("id=\"contacts\""));
            assertTrue(contacts.contains("tel:117") || contacts.contains("tel:+855"), "Cambodia's numbers: " + contacts);
        }
    }

    @Test
    void aParentAbroadGetsTheFamiliesStepsOnceTheFieldsToSayWhoAndNumbersTheyCanDial() throws Exception {
        HttpResponse<String> r = web.postForm("/?ui=en", Map.of("text", "Our son went to Thailand for a job. A man"
                + " says he owes 8000 dollars and they won't let him leave until we pay."));
        String page = r.body();
        assertTrue(page.contains("data-kind=\"ransom\""), page);
        assertEquals(1, count(page, "What the family can do now"), "one box of steps");
        assertEquals(1, count(page, "Do not pay ransom"), "the same step once on the page");
        assertEachAdviceOnce(page);
        String ransomFlag = page.substring(page.indexOf("data-category=\"ransom\""));
        ransomFlag = ransomFlag.substring(0, ransomFlag.indexOf("</li>"));
        assertTrue(ransomFlag.contains("<q class=\"evidence\">owes 8000 dollars and they won&#39;t let him leave</q>")
                || ransomFlag.contains("<q class=\"evidence\">owes 8000 dollars and they won't let him leave</q>"),
                "the ransom is quoted with the debt and the amount: " + ransomFlag);
        assertTrue(page.contains("This is not a ransom demand: the warning is wrong"), "the button fits the verdict");
        assertFalse(page.contains("This is a real job"));
        assertTrue(page.contains("Whose citizen are they?"), "it asks whose citizen he is...");
        assertTrue(page.contains("<select id=\"refine-nationality\" name=\"nationality\">")
                && page.contains("<form method=\"get\" action=\"/contacts\" class=\"filters\" id=\"help-refine\">"),
                "...with the field to answer it");
        assertTrue(page.contains("<option value=\"TH\" selected>"), "where he is, as the text said, is chosen");

        page = web.postForm("/?ui=en", Map.of("text", "My son is Filipino. He went to Thailand for a job. A man"
                + " says he owes 8000 dollars and they won't let him leave until we pay.")).body();
        assertTrue(page.contains("data-kind=\"ransom\""), page);
        assertFalse(page.contains("id=\"help-refine\""), "nothing left to ask");
        String contacts = page.substring(page.indexOf("id=\"contacts\""));
        String first = contacts.substring(contacts.indexOf("<div class=\"contact\""));
        first = first.substring(0, first.indexOf("</div>\n  </div>"));
        assertTrue(first.contains("data-kind=\"embassy\"") && first.contains("href=\"tel:+66"),
                "the embassy of his country, dialled from abroad, comes first: " + first);
        assertTrue(contacts.indexOf("works only when dialled inside Thailand")
                        > contacts.lastIndexOf("class=\"number\" href=\"tel:+"),
                "Thailand's short codes after every number reachable from abroad");
        assertTrue(contacts.indexOf("works only when dialled inside Thailand")
                        > contacts.indexOf("works only when dialled inside Philippines"),
                "and after the lines the family can dial at home");
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("href=\"tel:\\+66[0-9]+\">([^<]+)</a>").matcher(contacts);
        while (shown.find()) {
            assertTrue(shown.group(1).startsWith("+66 "), "Thailand's full numbers in international format: " + shown.group(1));
        }
    }

    /** Every step listed on a page is listed there once. */
    private static void assertEachAdviceOnce(String page) {
        java.util.regex.Matcher li = java.util.regex.Pattern.compile("<ul class=\"advice\"[^>]*>(.*?)</ul>",
                java.util.regex.Pattern.DOTALL).matcher(page);
        java.util.List<String> items = new java.util.ArrayList<>();
        while (li.find()) {
            java.util.regex.Matcher item = java.util.regex.Pattern.compile("<li>(.*?)</li>").matcher(li.group(1));
            while (item.find()) {
                items.add(item.group(1));
            }
        }
        assertFalse(items.isEmpty(), page);
        assertEquals(new java.util.HashSet<>(items).size(), items.size(), "a step twice: " + items);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void scriptInTheAdIsShownAsText() throws Exception {
        String ad = "<script>alert(1)</script>\"><img src=x onerror=alert(2)> 高薪 妙瓦底";
        HttpResponse<String> r = web.postForm("/", Map.of("text", ad));
        assertFalse(r.body().contains("<script>alert"));
        assertFalse(r.body().contains("<img src=x"));
        assertTrue(r.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void emptyFormGetsAClearAnswer() throws Exception {
        HttpResponse<String> r = web.postForm("/", Map.of("text", "   "));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("id=\"empty-notice\""));
        HttpResponse<String> none = web.post("/", "application/x-www-form-urlencoded", new byte[0]);
        assertTrue(none.body().contains("id=\"empty-notice\""));
    }

    @Test
    void aTextOverTheCutIsCutAndTheAnswerSaysSo() throws Exception {
        // 21,000 characters, most of them Chinese: 150 KB once form-encoded, under the form's limit
        String big = "高薪客服 妙瓦底 ".repeat(21_000 / 9 + 1);
        int total = big.codePointCount(0, big.length());
        HttpResponse<String> r = web.postForm("/", Map.of("text", big));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("id=\"truncated-notice\""));
        assertTrue(r.body().contains("20000") && r.body().contains(String.valueOf(total)), "names both numbers");
        assertTrue(r.body().contains("其余没有读"), "and says the rest was not read");
    }

    @Test
    void aPasteOfTwentyThousandCharactersIsReadWholeAndThePageSaysWhereTheLimitIs() throws Exception {
        HttpResponse<String> start = web.get("/?ui=en");
        assertTrue(start.body().contains("Up to 20,000 characters are checked"), "the limit is said before the paste");
        // as a browser sends a textarea: every line break as CR LF
        String end = "Sign the contract when you arrive; the company keeps your passport.";
        StringBuilder paste = new StringBuilder();
        while (paste.length() < 20_000 - end.length()) {
            paste.append("We met at the market and talked about the weather.\n");
        }
        String text = paste.substring(0, 20_000 - end.length()) + end;
        assertEquals(20_000, text.codePointCount(0, text.length()));
        HttpResponse<String> r = web.postForm("/?ui=en", Map.of("text", text.replace("\n", "\r\n")));
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("id=\"truncated-notice\""), "20,000 characters are all read");
        assertTrue(r.body().contains("data-category=\"document_control\""), "so the last sentence counts");
    }

    @Test
    void aMegabyteFormIsRefusedBeforeItIsRead() throws Exception {
        String big = "高薪客服 妙瓦底 ".repeat(1024 * 1024 / 9 + 1);
        HttpResponse<String> r = web.postForm("/?ui=en", Map.of("text", big));
        assertEquals(413, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("That is too much to send at once (over 192 KB)"), r.body());
        assertTrue(r.body().contains("first 20000 characters"), r.body());
        assertTrue(web.metrics.prometheusText().contains("jobguard_refused_total{reason=\"body_too_large\"}"));
        assertEquals(200, web.get("/health").statusCode(), "the server goes on");
    }

    @Test
    void aTenMegabyteApiBodyIsRefusedWithJson() throws Exception {
        byte[] json = ("{\"text\": \"" + "a".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = web.post("/api/check", "application/json", json);
        assertEquals(413, r.statusCode());
        assertTrue(r.body().startsWith("{\"error\":\"That is too much to send at once (over 64 KB)"), r.body());
    }

    @Test
    void aClientThatSendsTheWholeBodyBeforeReadingStillGetsThe413() throws Exception {
        // as browsers and simple scripts do: had the server stopped reading, the write would fail with a reset
        byte[] body = ("{\"text\": \"" + "a".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", web.server.port())) {
            s.setSoTimeout(20_000);
            String head = "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("too much to send at once"), answer);
        }
    }

    @Test
    void anApiBodyOfUnknownLengthIsCutOffAtTheLimit() throws Exception {
        // chunked: no Content-Length to refuse up front, so the server stops reading at the limit
        byte[] text = "高薪客服".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(web.url("/api/check"))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(text))).build();
        HttpResponse<String> r = web.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(413, r.statusCode());
        assertTrue(r.body().startsWith("{\"error\""), r.body());
    }

    @Test
    void anApiTextUnderTheLimitButOverTheCutIsCheckedInPart() throws Exception {
        String text = "free air ticket, sign the contract when you arrive. ".repeat(420);
        HttpResponse<String> r = web.post("/api/check", "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"truncated\""), r.body().substring(0, 200));
    }

    @Test
    void nonUtf8BodyIsRefusedPolitely() throws Exception {
        byte[] gbk = "text=".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[gbk.length + 6];
        System.arraycopy(gbk, 0, body, 0, gbk.length);
        // "高薪" in GBK, percent-encoded bytes that are not UTF-8
        byte[] enc = "%B8%DF%D0".getBytes(StandardCharsets.US_ASCII);
        body = concat(gbk, enc, "%BD".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = web.post("/", "application/x-www-form-urlencoded", body);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("UTF-8"));
        assertFalse(r.body().contains("Exception"));
        HttpResponse<String> api = web.post("/api/check", "text/plain", new byte[]{(byte) 0xB8, (byte) 0xDF, (byte) 0xD0, (byte) 0xBD});
        assertEquals(400, api.statusCode());
        assertTrue(api.body().startsWith("{\"error\""), api.body());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void unknownRouteGetsARealNotFoundPage() throws Exception {
        HttpResponse<String> r = web.get("/no/such/page");
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("<h1>") && r.body().contains("href=\"/\""));
        HttpResponse<String> other = web.get("//evil.example/x");
        assertEquals(404, other.statusCode());
        assertFalse(other.body().contains("href=\"//evil.example"), "language links stay on this site");
    }

    @Test
    void apiCheckReturnsTheCliJson() throws Exception {
        String ad = "护照公司保管，旅游签证去上班";
        HttpResponse<String> r = web.post("/api/check", "application/json",
                ("{\"text\":\"" + ad + "\",\"lang\":\"zh-Hans\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode());
        var expected = new org.jobguard.cli.VerdictJson(new com.fasterxml.jackson.databind.ObjectMapper())
                .toJson(web.checker.check(ad, org.jobguard.checker.Language.fromTag("zh-Hans")), null);
        assertEquals(expected, new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()));
        HttpResponse<String> bad = web.post("/api/check", "application/json", "{nope".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, bad.statusCode());
    }

    @Test
    void metricsCountChecksByCategory() throws Exception {
        web.postForm("/", Map.of("text", "扣护照"));
        HttpResponse<String> m = web.get("/metrics");
        assertEquals(200, m.statusCode());
        assertTrue(m.body().contains("jobguard_flags_total{category=\"document_control\"}"), m.body());
        assertTrue(m.body().contains("jobguard_check_seconds_bucket{le=\"+Inf\"}"));
        assertTrue(m.body().contains("jobguard_replies_total{channel=\"web\"}"));
        assertEquals(200, web.get("/health").statusCode());
    }
}
