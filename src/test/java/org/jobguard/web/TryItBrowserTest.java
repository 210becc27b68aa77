package org.jobguard.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TryItBrowserTest {
    @TempDir
    static Path data;
    static RunningWeb web;
    static Browser b;

    @BeforeAll
    static void start() {
        web = new RunningWeb(data);
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
    void pastedAdShowsHighlightedEvidence() {
        b.size(1280, 1000);
        b.driver.get(web.url("/?ui=en"));
        b.driver.findElement(By.id("text")).sendKeys(
                "High pay, no experience needed! Customer service job in Myawaddy. "
                        + "Free flight. Your contract signed on arrival, passport kept by the company.");
        new Select(b.driver.findElement(By.id("lang"))).selectByValue("en");
        b.clickAndWait(b.driver.findElement(By.id("check-submit")));
        WebElement risk = b.driver.findElement(By.id("risk"));
        assertEquals("high", risk.getAttribute("data-risk"));
        List<WebElement> marks = b.driver.findElements(By.cssSelector("#highlighted mark"));
        assertTrue(marks.size() >= 3, "several spans marked");
        assertTrue(marks.stream().anyMatch(m -> m.getText().equalsIgnoreCase("passport kept by the company")));
        assertTrue(marks.stream().anyMatch(m -> m.getText().equals("Myawaddy")));
        b.screenshot("try-it-verdict");
    }

    @Test
    void scriptInTheAdIsShownAsTextInTheBrowser() {
        b.size(1280, 900);
        b.driver.get(web.url("/"));
        b.driver.findElement(By.id("text")).sendKeys("<script>document.title='owned'</script>\"><img src=x onerror=\"document.title='owned'\"> 高薪 妙瓦底");
        b.clickAndWait(b.driver.findElement(By.id("check-submit")));
        assertTrue(b.driver.findElement(By.id("verdict")).isDisplayed());
        assertTrue(!b.driver.getTitle().contains("owned"));
        assertTrue(b.driver.findElements(By.cssSelector("#verdict img, main script")).isEmpty());
        assertTrue(b.driver.findElement(By.id("text")).getAttribute("value").contains("<script>"));
    }

    @Test
    void phoneWidthHasNoHorizontalScroll() {
        b.size(360, 740);
        b.driver.get(web.url("/?ui=zh-Hans"));
        b.driver.findElement(By.id("text")).sendKeys("高薪招聘客服，包吃包住，到了再签合同，护照公司保管。地点：妙瓦底KK园区，联系TG @recruiter_kk");
        b.clickAndWait(b.driver.findElement(By.id("check-submit")));
        assertEquals("", b.overflowing(), "page fits 360 px");
        b.driver.executeScript("arguments[0].scrollIntoView()", b.driver.findElement(By.id("verdict")));
        b.screenshot("try-it-360px");
    }
}
