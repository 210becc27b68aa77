package org.jobguard.web;

import org.jobguard.checker.Category;
import org.jobguard.patterns.GroupStatus;
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
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A moderator's session in a real browser: log in, work the queue, toggle a rule, charts, export. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    @TempDir
    static Path data;
    static RunningWeb web;
    static Browser b;

    static final String AD = "【高薪急聘】泰国湄索园区招聘客服打字员，月薪3万起，无需经验，包吃包住包机票。"
            + "到了再签合同，护照由公司统一保管。名额有限，明天就走，加飞机 @kk_hr_2026 详聊 <script>alert(1)</script>";
    /** The same template from another recruiter: a different handle and amount. */
    static final String NEAR_DUPLICATE = "【高薪急聘】泰国湄索园区招聘客服打字员，月薪4万起，无需经验，包吃包住包机票。"
            + "到了再签合同，护照由公司统一保管。名额有限，明天就走，加飞机 @mae_sot_job 详聊";
    static final String OTHER = "\"><img src=x onerror=alert(2)> 缅甸妙瓦底高薪，走小路过河，有人接应，扣护照";

    @BeforeAll
    static void start() {
        web = new RunningWeb(data);
        for (String text : new String[]{AD, OTHER}) {
            PatternService.Recorded r = web.patterns.record(web.checker.check(text), text, Source.BOT, true);
            assertEquals(PatternService.Recorded.Status.STORED, r.status());
        }
        b = new Browser(1280, 1000);
    }

    static long groupOf(String text) {
        return web.store.dashboard().groups(GroupStatus.PENDING, 100, 0).stream()
                .filter(g -> g.templateText().contains(text)).findFirst().orElseThrow().id();
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
    void moderatorLogsInConfirmsAGroupAndTheCheckerKnowsItsNearDuplicates() {
        b.driver.get(web.url("/?ui=zh-Hans"));
        b.driver.findElement(By.id("text")).sendKeys(NEAR_DUPLICATE);
        b.clickAndWait(b.driver.findElement(By.id("check-submit")));
        assertTrue(b.driver.findElements(By.id("known-pattern")).isEmpty(), "nothing confirmed yet");

        b.driver.get(web.url("/admin"));
        assertTrue(b.driver.getCurrentUrl().endsWith("/admin/login"), "sent to the login form");
        b.driver.get(web.url("/admin/login?ui=en"));
        b.driver.findElement(By.id("user")).sendKeys(RunningWeb.USER);
        b.driver.findElement(By.id("password")).sendKeys(RunningWeb.PASSWORD);
        b.clickAndWait(b.driver.findElement(By.id("login-submit")));
        long ad = groupOf("湄索");
        long other = groupOf("onerror");
        WebElement group = b.driver.findElement(By.id("group-" + ad));
        assertTrue(group.getText().contains("<script>alert(1)</script>"), "stored text shown as text");
        assertTrue(b.driver.findElement(By.id("group-" + other)).getText().contains("<img src=x onerror=alert(2)>"));
        assertTrue(b.driver.findElements(By.cssSelector("main img, main script")).isEmpty());
        assertFalse(group.getText().contains("@kk_hr_2026"), "the recruiter's handle is redacted");
        b.screenshot("dashboard-queue");
        group.findElement(By.id("note-" + ad)).sendKeys("same KK recruiter as last week");
        b.clickAndWait(group.findElement(By.cssSelector("button.confirm")));
        assertTrue(b.driver.findElements(By.id("group-" + ad)).isEmpty(), "confirmed group left the pending queue");
        b.clickAndWait(b.driver.findElement(By.linkText("Confirmed")));
        assertTrue(b.driver.findElement(By.id("group-" + ad)).getText().contains("same KK recruiter as last week"));

        b.driver.get(web.url("/"));
        b.driver.findElement(By.id("text")).sendKeys(NEAR_DUPLICATE);
        b.clickAndWait(b.driver.findElement(By.id("check-submit")));
        String known = b.driver.findElement(By.id("known-pattern")).getText();
        assertTrue(known.contains("confirmed once") || known.contains("已确认 1 次"),
                "the near-duplicate now matches the confirmed pattern: " + known);
        b.screenshot("try-it-known-pattern");
    }

    @Test
    @Order(2)
    void ruleToggleChangesTheCheckerWithoutRestart() {
        String ad = "护照公司保管";
        assertTrue(web.checker.check(ad).categories().contains(Category.DOCUMENT_CONTROL));
        String ruleId = web.checker.check(ad).flags().get(0).ruleId();
        b.driver.get(web.url("/admin/rules"));
        WebElement row = b.driver.findElement(By.id("rule-" + ruleId));
        assertEquals("true", row.getAttribute("data-enabled"));
        b.clickAndWait(row.findElement(By.cssSelector("button.toggle-enabled")));
        row = ruleRowOnceItSays(ruleId, "false");
        assertFalse(web.checker.check(ad).flags().stream().anyMatch(f -> f.ruleId().equals(ruleId)),
                "the switched-off rule no longer flags");
        assertTrue(b.driver.findElement(By.id("audit")).getText().contains(ruleId), "the change is audited");
        b.screenshot("dashboard-rules");
        b.clickAndWait(row.findElement(By.cssSelector("button.toggle-enabled")));
        ruleRowOnceItSays(ruleId, "true");
        assertTrue(web.checker.check(ad).flags().stream().anyMatch(f -> f.ruleId().equals(ruleId)));
    }

    private static WebElement ruleRowOnceItSays(String ruleId, String enabled) {
        return new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> {
            WebElement r = d.findElement(By.id("rule-" + ruleId));
            return enabled.equals(r.getAttribute("data-enabled")) ? r : null;
        });
    }

    @Test
    @Order(3)
    void chartsAreDrawnFromLocalScripts() {
        b.driver.get(web.url("/admin/stats"));
        new WebDriverWait(b.driver, Duration.ofSeconds(15)).until(d ->
                Optional.ofNullable(d.findElement(By.tagName("body")).getAttribute("data-charts")).isPresent());
        assertEquals("drawn", b.driver.findElement(By.tagName("body")).getAttribute("data-charts"));
        assertFalse(b.driver.findElements(By.cssSelector("#chart-days canvas")).isEmpty());
        b.screenshot("dashboard-charts");
    }

    @Test
    @Order(4)
    void exportCsvStreamsThePatterns() {
        b.driver.get(web.url("/admin/export"));
        Object csv = b.driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch('/admin/export/patterns.csv', {credentials: 'same-origin'}).then(r => r.text()).then(done);");
        String text = (String) csv;
        assertTrue(text.startsWith("id,group,day,risk,language,source,forwarded,rules,redacted_text"), text);
        assertTrue(text.contains("湄索"));
        assertFalse(text.contains("@kk_hr_2026"), "exports hold redacted text only");
        b.driver.findElement(By.id("export-csv")).click();
        new WebDriverWait(b.driver, Duration.ofSeconds(15)).until(d -> {
            WebElement p = d.findElement(By.id("export-progress"));
            return p.getAttribute("value") != null && p.getAttribute("value").equals(p.getAttribute("max"));
        });
        b.screenshot("dashboard-export");
    }

    @Test
    @Order(5)
    void dashboardFitsAPhone() {
        b.size(360, 740);
        try {
            b.driver.get(web.url("/admin?status=pending"));
            assertEquals("", b.overflowing(), "no sideways scrolling");
            b.screenshot("dashboard-360px");
        } finally {
            b.size(1280, 1000);
        }
    }
}
