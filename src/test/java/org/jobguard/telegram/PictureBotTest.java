package org.jobguard.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jobguard.checker.Risk;
import org.jobguard.cli.PictureSamples;
import org.jobguard.picture.PictureReader;
import org.jobguard.picture.PictureSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Photos and picture files through the fake Bot API over real HTTP, read by the real Tesseract (which {@code
 * .ci/run} installs): getFile, the download, the picture pool, the checker and the reply.
 */
class PictureBotTest {
    private static BotHarness h;
    private static PictureReader reader;
    private static final AtomicLong USERS = new AtomicLong(70_000);

    @BeforeAll
    static void start() throws Exception {
        reader = PictureReader.start(PictureSettings.defaults());
        assertTrue(reader.available(), "Tesseract is needed: " + reader.unavailableLine().orElse(""));
        h = new BotHarness(s -> s, BotHarness.CHECKER::check, Clock.systemUTC(), reader);
    }

    @AfterAll
    static void stop() {
        h.close();
        reader.close();
    }

    /** The verdict sent to the update's chat: past the "reading the picture" notice a slow reading sends first. */
    static FakeBotApi.Call verdict(BotHarness bot, com.fasterxml.jackson.databind.node.ObjectNode update)
            throws InterruptedException {
        long chat = update.get("message").get("chat").get("id").asLong();
        bot.api.push(update);
        return bot.api.await(c -> c.method().equals("sendMessage") && c.chatId() == chat && !isNotice(c), 1,
                Duration.ofSeconds(30)).get(0);
    }

    static boolean isNotice(FakeBotApi.Call c) {
        return c.text().equals("Reading the picture…") || c.text().equals("正在读取图片…") || c.text().equals("正在讀取圖片…");
    }

    static byte[] chat(String text, String lang) {
        return PictureSamples.render(text, lang, PictureSamples.Style.CHAT_WECHAT, 1);
    }

    @Test
    void aChatScreenshotInEachLanguageGetsTheVerdictWithEvidenceAndTheLineThatItWasReadFromAPicture() throws Exception {
        h.api.file("hans", chat(UpdateKindsTest.SCAM_HANS, "zh-Hans"));
        FakeBotApi.Call hans = verdict(h, Updates.photo(USERS.incrementAndGet(), "hans", null, null));
        assertTrue(hans.text().contains("高风险"), hans.text());
        assertTrue(hans.text().contains("从你的图片里读出来的"), hans.text());
        assertTrue(hans.text().replace("\n", "").contains("护照公司保管"), "evidence quoted from the picture: " + hans.text());

        h.api.file("hant", chat(UpdateKindsTest.SCAM_HANT, "zh-Hant"));
        FakeBotApi.Call hant = verdict(h, Updates.photo(USERS.incrementAndGet(), "hant", null, null));
        assertTrue(hant.text().contains("高風險"), hant.text());
        assertTrue(hant.text().replace("\n", "").contains("護照公司保管"), hant.text());

        h.api.file("en", PictureSamples.render(UpdateKindsTest.SCAM_EN, "en", PictureSamples.Style.POSTER, 3));
        FakeBotApi.Call en = verdict(h, Updates.photo(USERS.incrementAndGet(), "en", null, null));
        assertTrue(en.text().contains("High risk"), en.text());
        assertTrue(en.text().contains("I read this text from your picture"), en.text());
        assertTrue(en.text().contains("Myawaddy"), en.text());
        assertTrue(h.api.calls("getFile").stream().noneMatch(c -> c.body().path("file_id").asText().startsWith("thumb-")),
                "the largest size is fetched, not the thumbnail");
    }

    @Test
    void aPictureSentAsAFileIsReadAndItsCaptionCheckedWithIt() throws Exception {
        long user = USERS.incrementAndGet();
        // the picture alone names no place; the caption alone is one place name
        h.api.file("doc", chat("Customer service job, high pay, no experience needed, free flight. "
                + "The company will keep your passport.", "en"));
        ObjectNodeHolder doc = new ObjectNodeHolder(Updates.imageDocument(user, "doc", "image/png"));
        doc.message().put("caption", "Myawaddy");
        FakeBotApi.Call reply = verdict(h, doc.update());
        assertTrue(reply.text().contains("High risk"), reply.text());
        assertTrue(reply.text().contains("Myawaddy") && reply.text().contains("passport"), reply.text());
    }

    @Test
    void anAlbumGetsOneReplyEditedAsEachPictureIsReadAndIsStoredOnceAsAWhole() throws Exception {
        long user = USERS.incrementAndGet();
        int recordedBefore = h.recorded.size();
        int replacedBefore = h.replaced.size();
        h.api.file("a1", chat("高薪客服，无需经验，包吃包住包机票", "zh-Hans"));
        h.api.file("a2", chat("地点妙瓦底，护照公司保管，名额有限", "zh-Hans"));
        FakeBotApi.Call first = verdict(h, Updates.photo(user, "a1", null, "album-1"));
        h.api.push(Updates.photo(user, "a2", null, "album-1"));
        FakeBotApi.Call edit = h.api.awaitOne("editMessageText", Duration.ofSeconds(30));
        h.api.awaitAllConfirmed(Duration.ofSeconds(30));
        assertEquals(1, h.api.calls("sendMessage").stream().filter(c -> c.chatId() == user && !isNotice(c)).count(),
                "one reply for the album");
        String edited = edit.text().replace("\n", "");
        assertTrue(edited.contains("妙瓦底") && (edited.contains("护照公司保管") || edited.contains("護照公司保管")),
                "the second picture's evidence joins the first's: " + h.api.calls("editMessageText"));
        assertTrue(edited.contains("客服"), edited);
        assertTrue(first.text().contains("图片") || first.text().contains("圖片"), first.text());

        assertEquals(1, h.recorded.size() - recordedBefore, "the album is counted as one check, its first picture's");
        List<BotHarness.Replaced> replaced = h.replaced.subList(replacedBefore, h.replaced.size());
        assertEquals(1, replaced.size(), "the second picture replaces what the first stored: " + replaced);
        BotHarness.Replaced whole = replaced.get(0);
        assertEquals(Risk.HIGH, whole.risk());
        assertEquals(Optional.of((long) recordedBefore + 1), whole.earlierId(), "the first picture's pattern gives way");
        assertTrue(whole.text().contains("客服") && whole.text().contains("妙瓦底"), "both pictures' text: " + whole.text());
    }

    @Test
    void aPictureWithoutTextIsAnsweredWithARequestForTheText() throws Exception {
        BufferedImage white = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 600, 800);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(white, "png", png);
        h.api.file("blank", png.toByteArray());
        FakeBotApi.Call reply = verdict(h, Updates.photo(USERS.incrementAndGet(), "blank", null, null));
        assertTrue(reply.text().contains("could not read any text") && reply.text().contains("paste the text"),
                reply.text());

        h.api.file("gif", "GIF89a not really a picture".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        FakeBotApi.Call gif = verdict(h, Updates.imageDocument(USERS.incrementAndGet(), "gif", "image/png"));
        assertTrue(gif.text().contains("JPEG, PNG and WebP"), gif.text());
    }

    @Test
    void aSlowPictureIsAnnouncedAndATooSlowOneGetsAClearAnswer() throws Exception {
        Path dir = Files.createTempDirectory("slow-tesseract");
        Path slow = dir.resolve("tesseract");
        // the real Tesseract, started 1.5 s late (its --list-langs at start-up is answered at once)
        Files.writeString(slow, "#!/bin/sh\ncase \"$1\" in --list-langs) exec tesseract \"$@\";; esac\n"
                + "sleep \"${DELAY:-1.5}\"\nexec tesseract \"$@\"\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwx------"));
        try (PictureReader slowReader = PictureReader.start(PictureSettings.defaults().withCommand(slow.toString()));
             BotHarness slowBot = new BotHarness(s -> s, BotHarness.CHECKER::check, Clock.systemUTC(), slowReader)) {
            slowBot.api.file("p", chat(UpdateKindsTest.SCAM_HANS, "zh-Hans"));
            slowBot.api.push(Updates.photo(USERS.incrementAndGet(), "p", null, null));
            List<FakeBotApi.Call> replies = slowBot.api.await(c -> c.method().equals("sendMessage"), 2,
                    Duration.ofSeconds(30));
            assertTrue(isNotice(replies.get(0)), "told the picture is being read: " + replies.get(0).text());
            assertTrue(replies.get(1).text().contains("高风险"), replies.get(1).text());
        } finally {
            Files.deleteIfExists(slow);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void nothingOfThePictureOrItsTextReachesTheLogOrTheDisk() throws Exception {
        String phone = "+66 81 234 5678";
        String handle = "@kk_hr_plant77";
        byte[] picture = chat("Customer service in Myawaddy, high pay. Call " + phone + " or Telegram " + handle,
                "en");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.TRACE);
        String read = reader.read(picture).join().text();
        assertTrue(read.toLowerCase(java.util.Locale.ROOT).contains("kk_hr_plant77") && read.replace(" ", "").contains("812345678"),
                "the identities are in the picture: " + read);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long since = System.currentTimeMillis() - 1000;
        FakeBotApi.Call reply;
        try {
            h.api.file("planted", picture);
            reply = verdict(h, Updates.photo(USERS.incrementAndGet(), "planted", null, null));
        } finally {
            root.detachAppender(captured);
            root.setLevel(level);
        }
        assertTrue(reply.text().contains("Myawaddy"), reply.text());
        for (ILoggingEvent e : captured.list) {
            String line = e.getFormattedMessage();
            assertFalse(line.contains("hr_plant77") || line.contains("2345678") || line.contains("Myawaddy"), line);
        }
        byte[] slice = java.util.Arrays.copyOfRange(picture, picture.length / 2, picture.length / 2 + 64);
        try (var files = Files.walk(tmp, 3)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toMillis() >= since && Files.size(f) < 50_000_000;
                } catch (java.io.IOException e) {
                    return false;
                }
            }).toList()) {
                byte[] content;
                try {
                    content = Files.readAllBytes(f);
                } catch (java.io.IOException e) {
                    continue;
                }
                String asText = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(asText.contains("hr_plant77") || asText.contains("2345678"), "recognised text in " + f);
                assertFalse(asText.contains(new String(slice, java.nio.charset.StandardCharsets.ISO_8859_1)),
                        "the picture in " + f);
            }
        }
    }

    /** An update and its message, to add fields the builders do not set. */
    private record ObjectNodeHolder(com.fasterxml.jackson.databind.node.ObjectNode update) {
        com.fasterxml.jackson.databind.node.ObjectNode message() {
            return (com.fasterxml.jackson.databind.node.ObjectNode) update.get("message");
        }
    }
}
