package org.jobguard.web;

import org.jobguard.checker.Category;
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

    @BeforeAll
    static void start() {
        web = new RunningWeb(data);
        web.moderation.addGroup(7, "高薪客服 妙瓦底 包机票 联系 <HANDLE> <script>alert(1)</script>",
                "risky_destination.myanmar", "vague_job.cs");
        web.moderation.addGroup(8, "\"><img src=x onerror=alert(2)> 到了再签合同", "contract_after_arrival.later");
        b = new Browser(1280, 1000);
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
    void moderatorLogsInAndConfirmsAGroup() {
        b.driver.get(web.url("/admin?ui=en"));
        assertTrue(b.driver.getCurrentUrl().endsWith("/admin/login"), "sent to the login form");
        b.driver.findElement(By.id("user")).sendKeys(RunningWeb.USER);
        b.driver.findElement(By.id("password")).sendKeys(RunningWeb.PASSWORD);
        b.driver.findElement(By.id("login-submit")).click();
        WebElement group = b.driver.findElement(By.id("group-7"));
        assertTrue(group.getText().contains("<script>alert(1)</script>"), "stored text shown as text");
        assertTrue(b.driver.findElement(By.id("group-8")).getText().contains("<img src=x onerror=alert(2)>"));
        assertTrue(b.driver.findElements(By.cssSelector("main img, main script")).isEmpty());
        b.screenshot("dashboard-queue");
        group.findElement(By.id("note-7")).sendKeys("same KK recruiter as last week");
        group.findElement(By.cssSelector("button.confirm")).click();
        assertTrue(b.driver.findElements(By.id("group-7")).isEmpty(), "confirmed group left the pending queue");
        assertTrue(web.moderation.decisions.contains("7:confirm:" + RunningWeb.USER));
        b.driver.findElement(By.linkText("Confirmed")).click();
        assertTrue(b.driver.findElement(By.id("group-7")).getText().contains("same KK recruiter as last week"));
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
        row.findElement(By.cssSelector("button.toggle-enabled")).click();
        row = b.driver.findElement(By.id("rule-" + ruleId));
        assertEquals("false", row.getAttribute("data-enabled"));
        assertFalse(web.checker.check(ad).flags().stream().anyMatch(f -> f.ruleId().equals(ruleId)),
                "the switched-off rule no longer flags");
        assertTrue(b.driver.findElement(By.id("audit")).getText().contains(ruleId), "the change is audited");
        b.screenshot("dashboard-rules");
        row.findElement(By.cssSelector("button.toggle-enabled")).click();
        assertTrue(web.checker.check(ad).flags().stream().anyMatch(f -> f.ruleId().equals(ruleId)));
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
        assertTrue(text.contains("妙瓦底"));
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
            Object w = b.driver.executeScript("return document.documentElement.scrollWidth");
            assertTrue(((Number) w).intValue() <= 360, "no sideways scrolling, was " + w);
            b.screenshot("dashboard-360px");
        } finally {
            b.size(1280, 1000);
        }
    }
}
