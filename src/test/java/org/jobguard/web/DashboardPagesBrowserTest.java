package org.jobguard.web;

import org.jobguard.patterns.FeedbackKind;
import org.jobguard.patterns.PatternService;
import org.jobguard.patterns.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dashboard page in a real browser, first with nothing stored, then after a report, at desktop and phone
 * width; a screenshot of each lands in {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardPagesBrowserTest {
    @TempDir
    static Path data;
    static RunningWeb web;
    static Browser b;

    static final String AD = "高薪招聘客服，月薪3万，包机票，到了再签合同，护照公司保管，地点妙瓦底。";

    @BeforeAll
    static void start() {
        web = new RunningWeb(data);
        b = new Browser(1280, 1000);
        b.driver.get(web.url("/admin/login?ui=en"));
        b.screenshot("dashboard-login");
        b.driver.findElement(By.id("user")).sendKeys(RunningWeb.USER);
        b.driver.findElement(By.id("password")).sendKeys(RunningWeb.PASSWORD);
        b.clickAndWait(b.driver.findElement(By.id("login-submit")));
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        web.close();
    }

    @Test
    @Order(1)
    void withNothingStoredChartsAndTablesSayNoDataYetAndPrecisionIsUnknown() {
        b.driver.get(web.url("/admin/stats"));
        assertTrue(b.driver.findElement(By.id("days-empty")).getText().contains("No data yet"));
        assertTrue(b.driver.findElement(By.id("categories-empty")).getText().contains("No data yet"));
        assertTrue(b.driver.findElements(By.cssSelector(".chart")).isEmpty(), "no empty chart frames");
        b.screenshot("dashboard-stats-empty");
        b.driver.get(web.url("/admin/reports"));
        assertTrue(b.driver.findElements(By.cssSelector("#reports")).isEmpty(), "no empty table");
        assertTrue(b.driver.findElement(By.id("reports-empty")).isDisplayed());
        b.driver.get(web.url("/admin/rules"));
        assertTrue(b.driver.findElement(By.id("audit-empty")).isDisplayed());

        PatternService.Recorded stored = web.patterns.record(web.checker.check(AD), AD, Source.WEB, false);
        assertEquals(PatternService.Recorded.Status.STORED, stored.status());
        b.driver.get(web.url("/admin/rules"));
        WebElement hit = b.driver.findElement(By.id("rule-" + web.checker.check(AD).flags().get(0).ruleId()));
        assertEquals("1", hit.findElements(By.tagName("td")).get(1).getText(), "the rule fired");
        assertEquals("–", hit.findElements(By.tagName("td")).get(3).getText(), "no reports: nothing known, not 100 %");
        assertFalse(b.driver.findElement(By.id("rules")).getText().contains("100%"));
    }

    @Test
    @Order(2)
    void afterAReportThePerDayChartHasALegendAndEveryPageIsShown() {
        web.patterns.report(FeedbackKind.FALSE_POSITIVE, web.checker.check(AD), AD, Source.WEB);
        b.driver.get(web.url("/admin/stats"));
        new WebDriverWait(b.driver, Duration.ofSeconds(15)).until(d ->
                d.findElement(By.tagName("body")).getAttribute("data-charts") != null);
        assertEquals("drawn", b.driver.findElement(By.tagName("body")).getAttribute("data-charts"));
        Object legend = b.driver.executeScript("var c = echarts.getInstanceByDom(document.getElementById('chart-days'));"
                + "var l = c.getModel().getComponent('legend'); return l ? l.getData().map(function (x) { return x.get('name'); }) : null;");
        assertEquals(List.of("Checked", "Flagged", "Reports"), legend, "the per-day chart names its lines");
        assertFalse(b.driver.findElements(By.cssSelector("#chart-categories canvas")).isEmpty());
        b.screenshot("dashboard-stats");
        for (String[] page : new String[][]{{"/admin", "dashboard-page-queue"}, {"/admin/reports", "dashboard-page-reports"},
                {"/admin/rules", "dashboard-page-rules"}, {"/admin/export", "dashboard-page-export"},
                {"/admin/contacts", "dashboard-page-contacts"}}) {
            b.driver.get(web.url(page[0]));
            assertEquals("", b.overflowing(), page[0]);
            b.screenshot(page[1]);
        }
        b.driver.get(web.url("/admin/rules"));
        WebElement reported = b.driver.findElement(By.id("rule-" + web.checker.check(AD).flags().get(0).ruleId()));
        assertTrue(reported.getText().matches("(?s).*\\b\\d+%.*"), "a rule someone reported has a precision: " + reported.getText());
    }

    /** A header's words are never broken inside (only between words), at desktop and phone width. */
    @Test
    @Order(3)
    void theRulesTableReadsOnAPhoneWithHeadersWholeWords() {
        for (String lang : new String[]{"en", "zh-Hans"}) {
            b.driver.get(web.url("/admin/rules?ui=" + lang));
            assertEquals(List.of(), brokenWords("#rules th, #audit th, #per-day th"), lang);
        }
        b.size(390, 844);
        try {
            b.driver.get(web.url("/admin/rules?ui=en"));
            assertEquals("", b.overflowing(), "fits 390 px");
            Number width = (Number) b.driver.executeScript("return document.getElementById('rules').getBoundingClientRect().width;");
            Number page = (Number) b.driver.executeScript("return document.documentElement.clientWidth;");
            assertTrue(width.doubleValue() <= page.doubleValue(), "no sideways scrolling inside the table either");
            assertEquals("block", b.driver.executeScript(
                    "return getComputedStyle(document.querySelector('#rules tbody td')).display;"), "a card per rule");
            Object named = b.driver.executeScript("return Array.from(document.querySelectorAll('#rules tbody tr:first-child td'))"
                    + ".map(function (td) { return getComputedStyle(td, '::before').content; });");
            assertTrue(named.toString().contains("\"Hits: \"") && named.toString().contains("\"Precision (est.): \""),
                    "each figure is named on its card: " + named);
            b.screenshot("dashboard-rules-390px");
            for (int w : new int[]{390, 700}) {
                b.size(w, 844);
                b.driver.get(web.url("/admin/rules?ui=en"));
                assertEquals(List.of(), brokenWords("#rules th, #audit th"), w + " px");
                b.driver.get(web.url("/admin/stats?ui=en"));
                assertEquals(List.of(), brokenWords("#per-day th, #per-category th"), w + " px");
            }
            b.size(390, 844);
            b.driver.get(web.url("/admin/stats?ui=zh-Hans"));
            assertEquals("", b.overflowing(), "charts fit 390 px");
            b.screenshot("dashboard-stats-390px");
        } finally {
            b.size(1280, 1000);
        }
    }

    /** Excel opens a CSV as UTF-8 only when it starts with the byte order mark. */
    @Test
    @Order(4)
    void csvExportsStartWithTheUtf8ByteOrderMark() {
        b.driver.get(web.url("/admin/export"));
        for (String file : new String[]{"/admin/export/patterns.csv", "/admin/export/stats.csv"}) {
            Object head = b.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer())"
                    + ".then(a => done(Array.from(new Uint8Array(a).slice(0, 3))));", file);
            assertEquals(List.of(0xEFL, 0xBBL, 0xBFL), head, file);
        }
        b.screenshot("dashboard-export");
    }

    /** Words of the matched elements' text split across lines ("Precisi-on"), as "tag: word". */
    @SuppressWarnings("unchecked")
    private static List<String> brokenWords(String selector) {
        return (List<String>) b.driver.executeScript(
                "var out = [];"
                        + "document.querySelectorAll(arguments[0]).forEach(function (th) {"
                        + "  var walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT), node;"
                        + "  while ((node = walker.nextNode())) {"
                        + "    var re = /[A-Za-z()%.]+/g, m;"
                        + "    while ((m = re.exec(node.data))) {"
                        + "      var r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);"
                        + "      var tops = {}; Array.prototype.forEach.call(r.getClientRects(), function (x) { tops[Math.round(x.top)] = 1; });"
                        + "      if (Object.keys(tops).length > 1) { out.push(th.tagName + ': ' + m[0]); }"
                        + "    }"
                        + "  }"
                        + "});"
                        + "return out;", selector);
    }
}
