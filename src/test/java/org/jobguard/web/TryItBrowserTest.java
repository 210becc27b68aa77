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
import java.util.Map;

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

    /** The try-it page as a phone shows it (390 px), in each language, for an offer and for a family's message. */
    @Test
    void aPhoneShowsTheVerdictInEachLanguageAndTheFamiliesBoxWithItsQuestions() {
        b.size(390, 844);
        try {
            Map<String, String> offers = Map.of(
                    "zh-Hans", "高薪招聘客服，包吃包住，到了再签合同，护照公司保管。地点：妙瓦底KK园区，联系TG @recruiter_kk",
                    "zh-Hant", "高薪招聘客服，包吃包住，到了再簽合同，護照公司保管。地點：妙瓦底KK園區，聯繫TG @recruiter_kk",
                    "en", "Customer service job in Myawaddy, $3,000 a month, no experience needed, free flight."
                            + " Sign the contract when you arrive; the company keeps your passport.");
            offers.forEach((lang, ad) -> {
                b.driver.get(web.url("/?ui=" + lang));
                b.driver.findElement(By.id("text")).sendKeys(ad);
                b.clickAndWait(b.driver.findElement(By.id("check-submit")));
                assertEquals("high", b.driver.findElement(By.id("risk")).getAttribute("data-risk"));
                assertEquals(lang, b.driver.findElement(By.tagName("html")).getAttribute("lang"));
                assertTrue(b.driver.findElements(By.id("help-refine")).isEmpty(), "an offer asks nothing about someone held");
                assertEquals("", b.overflowing(), lang + " fits 390 px");
                b.driver.executeScript("arguments[0].scrollIntoView()", b.driver.findElement(By.id("verdict")));
                b.screenshot("try-it-390px-" + lang);
            });
            b.driver.get(web.url("/?ui=en"));
            b.driver.findElement(By.id("text")).sendKeys("Our son went to Thailand for a job. A man says he owes"
                    + " 8000 dollars and they won't let him leave until we pay.");
            b.clickAndWait(b.driver.findElement(By.id("check-submit")));
            assertEquals("ransom", b.driver.findElement(By.id("risk")).getAttribute("data-kind"));
            WebElement refine = b.driver.findElement(By.id("help-refine"));
            new Select(refine.findElement(By.id("refine-nationality"))).selectByValue("PH");
            assertEquals("", b.overflowing(), "the family's page fits 390 px");
            b.driver.executeScript("arguments[0].scrollIntoView()", b.driver.findElement(By.id("advice")));
            b.screenshot("try-it-390px-ransom-en");
            b.clickAndWait(refine.findElement(By.id("refine-submit")));
            assertTrue(b.driver.getCurrentUrl().contains("location=TH") && b.driver.getCurrentUrl().contains("nationality=PH"),
                    b.driver.getCurrentUrl());
            assertTrue(b.driver.findElement(By.id("contacts")).getText().contains("+66 81 989 7116"),
                    "the Philippine embassy in Bangkok, dialled from abroad");
        } finally {
            b.size(1280, 1000);
        }
    }

    /** A browser sends a textarea's line breaks as CR LF; a paste of 20,000 characters is still read to its end. */
    @Test
    void aTwentyThousandCharacterPasteIsReadToItsEnd() {
        b.driver.get(web.url("/?ui=en"));
        String end = "Sign the contract when you arrive; the company keeps your passport.";
        b.driver.executeScript("var line = 'We met at the market and talked about the weather.\\n', t = '';"
                + "while (t.length < 20000 - arguments[0].length) { t += line; }"
                + "document.getElementById('text').value = t.substring(0, 20000 - arguments[0].length) + arguments[0];", end);
        assertEquals(20_000L, b.driver.executeScript("return document.getElementById('text').value.length;"));
        b.clickAndWait(b.driver.findElement(By.id("check-submit")));
        assertTrue(b.driver.findElements(By.id("truncated-notice")).isEmpty(), "nothing was cut");
        assertTrue(b.driver.findElements(By.cssSelector("#verdict li[data-category='document_control']")).size() == 1,
                "the last sentence was read");
    }

    @Test
    void contactsPageFiltersWithoutJavaScriptAndFitsAPhone() {
        b.size(360, 740);
        b.driver.get(web.url("/contacts?ui=zh-Hans"));
        new Select(b.driver.findElement(By.id("location"))).selectByValue("MM");
        new Select(b.driver.findElement(By.id("nationality"))).selectByValue("CN");
        b.clickAndWait(b.driver.findElement(By.id("contacts-submit")));
        assertTrue(b.driver.getCurrentUrl().contains("location=MM"));
        assertTrue(b.driver.findElements(By.cssSelector(".contact a.number[href^='tel:']")).size() >= 2);
        assertEquals("", b.overflowing(), "page fits 360 px");
        b.screenshot("contacts-360px");
    }
}
