package org.jobguard.web;

import org.jobguard.cli.PictureSamples;
import org.jobguard.picture.PictureReader;
import org.jobguard.picture.PictureSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The try-it page's picture upload over real HTTP, read by the real Tesseract. */
class TryItPictureTest {
    @TempDir
    static Path dir;
    private static RunningWeb web;
    private static PictureReader reader;

    @BeforeAll
    static void start() {
        reader = PictureReader.start(PictureSettings.defaults());
        assertTrue(reader.available(), "Tesseract is needed: " + reader.unavailableLine().orElse(""));
        web = new RunningWeb(WebSettings.forTest(dir).withAdmin(RunningWeb.USER, RunningWeb.PASSWORD), Optional.empty(),
                0, reader);
    }

    @AfterAll
    static void stop() {
        web.close();
        reader.close();
    }

    static byte[] multipart(String boundary, String fileName, String type, byte[] picture) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nauto\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"picture\"; filename=\"" + fileName + "\"\r\nContent-Type: "
                + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(picture);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static HttpResponse<String> upload(byte[] picture, String type) throws Exception {
        return web.post("/picture", "multipart/form-data; boundary=XyZ", multipart("XyZ", "ad.png", type, picture));
    }

    @Test
    void theBlankPageOffersAPictureUploadNextToTheTextBox() throws Exception {
        String page = web.get("/").body();
        assertTrue(page.contains("action=\"/picture\"") && page.contains("enctype=\"multipart/form-data\"")
                && page.contains("accept=\"image/jpeg,image/png,image/webp\""), page);
    }

    @Test
    void anUploadedScreenshotGetsTheVerdictAndItsTextInTheBoxToCorrect() throws Exception {
        byte[] chat = PictureSamples.render("高薪客服，无需经验，包吃包住包机票，地点妙瓦底，护照公司保管，名额有限", "zh-Hans",
                PictureSamples.Style.CHAT_LINE, 2);
        HttpResponse<String> r = upload(chat, "image/png");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("data-risk=\"high\""), r.body());
        assertTrue(r.body().contains("data-notice=\"web.try.picture_note\""), r.body());
        int box = r.body().indexOf("<textarea");
        assertTrue(r.body().substring(box, r.body().indexOf("</textarea>")).contains("妙瓦底"),
                "the recognised text fills the box to correct: " + r.body());
        assertTrue(r.body().contains("检查修改后的文字"), "the button re-checks the corrected text");
    }

    /**
     * In Chromium as a person does it: pick a screenshot, read the verdict and the recognised text in the box, correct
     * the text and check it again. The picture is written to a temporary file only because a browser's file picker
     * takes a path; the service itself keeps pictures in memory.
     */
    @Test
    void inABrowserAPickedScreenshotIsReadItsTextCorrectedAndCheckedAgain() throws Exception {
        byte[] chat = PictureSamples.render("高薪客服，无需经验，包吃包住包机票，地点妙瓦底，护照公司保管，名额有限", "zh-Hans",
                PictureSamples.Style.CHAT_WECHAT, 5);
        Path file = dir.resolve("screenshot.png");
        Files.write(file, chat);
        try (Browser b = new Browser(1280, 1000)) {
            b.driver.get(web.url("/?ui=zh-Hans"));
            b.driver.findElement(By.id("picture")).sendKeys(file.toAbsolutePath().toString());
            b.clickAndWait(b.driver.findElement(By.id("picture-submit")));
            assertEquals("high", b.driver.findElement(By.id("risk")).getAttribute("data-risk"));
            assertEquals("web.try.picture_note", b.driver.findElement(By.id("picture-notice")).getAttribute("data-notice"));
            WebElement box = b.driver.findElement(By.id("text"));
            String read = box.getAttribute("value");
            assertTrue(read.replace("\n", "").contains("妙瓦底"), "the recognised text is in the box: " + read);
            assertTrue(b.driver.findElements(By.cssSelector("#highlighted mark")).stream()
                    .anyMatch(m -> m.getText().contains("妙瓦底")), "evidence quoted from the picture is marked");
            b.screenshot("try-it-picture");

            // the person corrects the text: here, to what a legitimate ad says, which must then be judged alone
            box.clear();
            box.sendKeys("超市招聘收银员，月薪4500元，五险一金，地点广州天河，欢迎到店面试");
            b.clickAndWait(b.driver.findElement(By.id("check-submit")));
            assertTrue(b.driver.findElements(By.id("picture-notice")).isEmpty(), "a typed text is not said to be read");
            assertTrue(List.of("none", "low").contains(b.driver.findElement(By.id("risk")).getAttribute("data-risk")),
                    "the corrected text is checked, not the picture's");
            assertTrue(b.driver.findElement(By.id("text")).getAttribute("value").contains("收银员"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anUnreadableOrForeignUploadGetsAClearMessageAndTooLargeIs413() throws Exception {
        HttpResponse<String> gif = upload("GIF89a....".getBytes(StandardCharsets.US_ASCII), "image/gif");
        assertEquals(200, gif.statusCode());
        assertTrue(gif.body().contains("data-notice=\"web.try.picture_unsupported\""), gif.body());
        assertFalse(gif.body().contains("id=\"verdict\""));

        HttpResponse<String> big = upload(new byte[11 * 1024 * 1024], "image/png");
        assertEquals(413, big.statusCode());
    }
}
