package org.jobguard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real screenshots: a chat page in HTML (status bar, title bar, bubbles on both sides, input bar) rendered by
 * headless Chromium at a phone's size, 540×1200 CSS pixels at device scale 2, so 1080×2400 pixels as a phone
 * saves them, with the browser's own font hinting and anti-aliasing rather than Java2D's. The page and the
 * screenshot live in a temporary directory that is deleted afterwards; their text is corpus text, not anyone's.
 */
final class ChatScreenshots {
    private final String chromium;

    ChatScreenshots(String chromium) {
        this.chromium = chromium;
    }

    /** The chat's PNG bytes. */
    byte[] render(String text, String lang, int variant) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jobguard-chat-");
        try {
            Path page = dir.resolve("chat.html");
            Path shot = dir.resolve("chat.png");
            Files.writeString(page, html(text, lang, variant), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--force-device-scale-factor=2", "--window-size=540,1200", "--user-data-dir=" + dir.resolve("profile"),
                    "--screenshot=" + shot, page.toUri().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("chromium did not finish a screenshot in 60 s");
            }
            if (!Files.exists(shot)) {
                throw new IOException("chromium made no screenshot (exit " + p.exitValue() + ")");
            }
            return Files.readAllBytes(shot);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static final String[][] THEMES = {
            // background, their bubble, my bubble, bars
            {"#ededed", "#ffffff", "#95ec69", "#ededed"},
            {"#8cabd9", "#ffffff", "#8de055", "#f5f5f5"},
            {"#9dbf95", "#ffffff", "#effdde", "#517da2"},
    };

    static String html(String text, String lang, int variant) {
        String[] t = THEMES[Math.floorMod(variant, THEMES.length)];
        String font = "zh-Hant".equals(lang) ? "Noto Sans CJK TC" : "Noto Sans CJK SC";
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"").append(lang).append("\"><meta charset=\"utf-8\">")
                .append("<style>body{margin:0;font-family:'").append(font).append("',sans-serif;background:").append(t[0])
                .append(";width:540px;height:1200px;overflow:hidden}")
                .append(".bar{background:").append(t[3]).append(";height:105px;position:relative}")
                .append(".status{font-size:14px;padding:6px 16px;display:flex;justify-content:space-between}")
                .append(".title{font-size:19px;font-weight:bold;padding:18px 16px}")
                .append(".msgs{padding:12px 10px}.row{display:flex;margin:14px 0;align-items:flex-start}")
                .append(".me{flex-direction:row-reverse}.av{width:44px;height:44px;border-radius:6px;background:#b0bec5;flex:none}")
                .append(".b{max-width:330px;margin:0 12px;padding:10px 14px;border-radius:8px;font-size:17px;line-height:1.45;background:")
                .append(t[1]).append("}.me .b{background:").append(t[2]).append("}")
                .append(".input{position:fixed;bottom:0;left:0;right:0;height:100px;background:#f7f7f7;color:#999;font-size:16px;padding:20px}")
                .append("</style><body><div class=\"bar\"><div class=\"status\"><span>9:4").append(variant % 10)
                .append("</span><span>5G 76%</span></div><div class=\"title\">&lt; ")
                .append("en".equals(lang) ? "Recruiter" : "招聘经理").append("</div></div><div class=\"msgs\">");
        boolean mine = false;
        for (String segment : PictureSamples.segments(text)) {
            b.append("<div class=\"row").append(mine ? " me" : "").append("\"><div class=\"av\"></div><div class=\"b\">")
                    .append(escape(segment)).append("</div></div>");
            mine = !mine;
        }
        return b.append("</div><div class=\"input\">").append("en".equals(lang) ? "Message" : "发送消息")
                .append("</div></body></html>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The Chromium the browser tests use, if there is one. */
    static String defaultCommand() {
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").filter(c -> Files.isExecutable(Path.of(c)))
                .findFirst().orElse("chromium");
    }
}
