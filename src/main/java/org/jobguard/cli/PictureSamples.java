package org.jobguard.cli;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test pictures made from corpus texts, for {@code ocr-eval} and the tests: a recruitment poster (the text on a
 * coloured gradient with a large headline, speckle noise, JPEG-compressed, sometimes saved small) and a chat
 * screenshot (phone-sized, status bar, app title bar, the text in alternating bubbles in the colours of WeChat,
 * LINE or Telegram, an input bar). Chinese is drawn in Debian's Noto Sans/Serif CJK ({@code fonts-noto-cjk}).
 * Same seed, same picture.
 */
public final class PictureSamples {
    /** What a sample picture is made to look like. */
    public enum Style {
        POSTER, POSTER_SMALL, CHAT_WECHAT, CHAT_LINE, CHAT_TELEGRAM;

        public boolean chat() {
            return name().startsWith("CHAT");
        }
    }

    private PictureSamples() {
    }

    /** The font family that has the language's characters in the Noto CJK set. */
    static String family(String lang, boolean serif) {
        String kind = serif ? "Noto Serif CJK " : "Noto Sans CJK ";
        return kind + ("zh-Hant".equals(lang) ? "TC" : "SC");
    }

    /** The picture's bytes: JPEG for posters, PNG for screenshots (as phones save them). */
    public static byte[] render(String text, String lang, Style style, long seed) {
        return draw(text, lang, style, seed).bytes();
    }

    /**
     * A picture and the text drawn on it: a poster's headline and the ad; as much of the ad as fits a chat's
     * screen (a long ad's last messages are below it, as in a real screenshot).
     */
    public record Picture(byte[] bytes, String drawn) {
    }

    public static Picture draw(String text, String lang, Style style, long seed) {
        Random random = new Random(seed);
        StringBuilder drawn = new StringBuilder();
        byte[] bytes = switch (style) {
            case POSTER -> jpeg(poster(text, lang, 720, random, drawn), 0.6f + random.nextFloat() * 0.25f);
            case POSTER_SMALL -> jpeg(poster(text, lang, 460, random, drawn), 0.7f);
            case CHAT_WECHAT -> png(chat(text, lang, Theme.WECHAT, random, drawn));
            case CHAT_LINE -> png(chat(text, lang, Theme.LINE, random, drawn));
            case CHAT_TELEGRAM -> png(chat(text, lang, Theme.TELEGRAM, random, drawn));
        };
        return new Picture(bytes, drawn.toString().strip());
    }

    // ---- posters ------------------------------------------------------------------------------------

    private static final Color[][] POSTER_COLOURS = {
            {new Color(0xB71C1C), new Color(0xE65100), Color.WHITE, new Color(0xFFEB3B)},
            {new Color(0x0D47A1), new Color(0x4A148C), Color.WHITE, new Color(0xFFD54F)},
            {new Color(0xFFF8E1), new Color(0xFFE0B2), new Color(0x3E2723), new Color(0xC62828)},
            {new Color(0x004D40), new Color(0x1B5E20), Color.WHITE, new Color(0xFFF176)},
    };

    static BufferedImage poster(String text, String lang, int width, Random random, StringBuilder drawn) {
        Color[] c = POSTER_COLOURS[random.nextInt(POSTER_COLOURS.length)];
        boolean serif = random.nextInt(4) == 0;
        int bodySize = Math.max(14, width / 24);
        Font body = new Font(family(lang, serif), Font.PLAIN, bodySize);
        Font head = new Font(family(lang, false), Font.BOLD, bodySize * 2);
        int margin = width / 14;
        String headline = "zh-Hant".equals(lang) ? "高薪招聘" : "zh-Hans".equals(lang) ? "诚聘" : "WE ARE HIRING";
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        List<String> lines = wrap(text, pg.getFontMetrics(body), width - 2 * margin);
        pg.dispose();
        int lineHeight = (int) (bodySize * 1.6);
        int height = Math.max(width * 4 / 3, margin * 3 + bodySize * 3 + lines.size() * lineHeight);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        smooth(g);
        g.setPaint(new GradientPaint(0, 0, c[0], width, height, c[1]));
        g.fillRect(0, 0, width, height);
        // decorations behind the text, as posters have
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(c[3].getRed(), c[3].getGreen(), c[3].getBlue(), 40));
            int r = width / 4 + random.nextInt(width / 3);
            g.fillOval(random.nextInt(width) - r / 2, random.nextInt(height) - r / 2, r, r);
        }
        g.setColor(c[3]);
        g.setFont(head);
        int y = margin + bodySize * 2;
        g.drawString(headline, margin, y);
        drawn.append(headline).append('\n').append(text);
        y += bodySize * 2;
        g.setColor(c[2]);
        g.setFont(body);
        for (String line : lines) {
            g.drawString(line, margin, y);
            y += lineHeight;
        }
        g.dispose();
        speckle(img, random, 0.01);
        return img;
    }

    // ---- chat screenshots ---------------------------------------------------------------------------

    private enum Theme {
        WECHAT(new Color(0xEDEDED), Color.WHITE, new Color(0x95EC69), new Color(0xEDEDED)),
        LINE(new Color(0x8CABD9), Color.WHITE, new Color(0x8DE055), new Color(0xF5F5F5)),
        TELEGRAM(new Color(0x9DBF95), Color.WHITE, new Color(0xEFFDDE), new Color(0x517DA2));

        final Color background;
        final Color theirs;
        final Color mine;
        final Color bar;

        Theme(Color background, Color theirs, Color mine, Color bar) {
            this.background = background;
            this.theirs = theirs;
            this.mine = mine;
            this.bar = bar;
        }
    }

    /** A 1080×2400 phone screenshot of a chat whose bubbles hold the text, line by line. */
    static BufferedImage chat(String text, String lang, Theme theme, Random random, StringBuilder drawn) {
        int w = 1080;
        int h = 2400;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        smooth(g);
        g.setColor(theme.background);
        g.fillRect(0, 0, w, h);
        Font font = new Font(family(lang, false), Font.PLAIN, 44);
        FontMetrics fm = g.getFontMetrics(font);
        // status bar and title bar: what the preparation cuts off
        g.setColor(theme.bar);
        g.fillRect(0, 0, w, 210);
        Color barText = theme == Theme.TELEGRAM ? Color.WHITE : Color.BLACK;
        g.setColor(barText);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
        g.drawString((9 + random.nextInt(3)) + ":" + (10 + random.nextInt(49)), 40, 48);
        g.drawString("5G 87%", w - 200, 48);
        g.setFont(new Font(family(lang, false), Font.BOLD, 50));
        g.drawString("<   " + ("en".equals(lang) ? "HR Anna" : "招聘 Anna"), 40, 160);
        int y = 260;
        int maxBubble = w * 66 / 100;
        boolean theirs = true;
        for (String segment : segments(text)) {
            List<String> lines = wrap(segment, fm, maxBubble - 60);
            int bw = lines.stream().mapToInt(fm::stringWidth).max().orElse(0) + 60;
            int bh = lines.size() * 62 + 40;
            if (y + bh > h - 260) {
                break;
            }
            drawn.append(segment).append('\n');
            int x = theirs ? 150 : w - 150 - bw;
            g.setColor(theirs ? new Color(0xB0BEC5) : new Color(0x90A4AE));
            g.fillRoundRect(theirs ? 30 : w - 130, y, 100, 100, 20, 20);
            g.setColor(theirs ? theme.theirs : theme.mine);
            g.fillRoundRect(x, y, bw, bh, 24, 24);
            g.setColor(new Color(0x111111));
            g.setFont(font);
            int ly = y + 20 + fm.getAscent();
            for (String line : lines) {
                g.drawString(line, x + 30, ly);
                ly += 62;
            }
            y += bh + 36;
            theirs = random.nextInt(3) != 0 ? !theirs : theirs;
        }
        g.setColor(new Color(0xF7F7F7));
        g.fillRect(0, h - 216, w, 216);
        g.setColor(new Color(0x9E9E9E));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
        g.drawString("en".equals(lang) ? "Message" : "发送消息", 60, h - 110);
        g.dispose();
        return img;
    }

    /** The text's lines, long ones split after a sentence's end, as a chat's messages. */
    static List<String> segments(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String rest = line.strip();
            while (rest.codePointCount(0, rest.length()) > 60) {
                int cut = -1;
                for (int i = 20; i < Math.min(rest.length(), 60); i++) {
                    if ("。！？，,.!?；;".indexOf(rest.charAt(i)) >= 0) {
                        cut = i + 1;
                    }
                }
                if (cut < 0) {
                    break;
                }
                out.add(rest.substring(0, cut).strip());
                rest = rest.substring(cut).strip();
            }
            if (!rest.isEmpty()) {
                out.add(rest);
            }
        }
        return out;
    }

    // ---- drawing ------------------------------------------------------------------------------------

    /** Lines of at most {@code width} pixels: Latin breaks between words, Chinese between any two characters. */
    static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            int i = 0;
            while (i < paragraph.length()) {
                int end = i + Character.charCount(paragraph.codePointAt(i));
                if (Character.isLetterOrDigit(paragraph.codePointAt(i))
                        && Character.UnicodeScript.of(paragraph.codePointAt(i)) != Character.UnicodeScript.HAN) {
                    while (end < paragraph.length() && !Character.isWhitespace(paragraph.charAt(end))
                            && Character.UnicodeScript.of(paragraph.codePointAt(end)) != Character.UnicodeScript.HAN) {
                        end++;
                    }
                }
                String piece = paragraph.substring(i, end);
                if (line.length() > 0 && fm.stringWidth(line + piece) > width) {
                    lines.add(line.toString().strip());
                    line.setLength(0);
                    if (piece.isBlank()) {
                        piece = "";
                    }
                }
                line.append(piece);
                i = end;
            }
            if (!line.toString().isBlank()) {
                lines.add(line.toString().strip());
            }
        }
        return lines;
    }

    private static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    /** Sensor and compression noise: a share of the pixels set to random light or dark grey. */
    private static void speckle(BufferedImage img, Random random, double share) {
        int n = (int) (img.getWidth() * img.getHeight() * share);
        for (int i = 0; i < n; i++) {
            int v = random.nextBoolean() ? 40 + random.nextInt(60) : 160 + random.nextInt(90);
            img.setRGB(random.nextInt(img.getWidth()), random.nextInt(img.getHeight()), new Color(v, v, v).getRGB());
        }
    }

    static byte[] jpeg(BufferedImage img, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
