package org.jobguard.picture;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PicturePreparationTest {
    static BufferedImage white(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static int darkest(BufferedImage grey, int top, int bottom) {
        int min = 255;
        for (int y = top; y < bottom; y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                min = Math.min(min, grey.getRaster().getSample(x, y, 0));
            }
        }
        return min;
    }

    @Test
    void aPhoneScreenshotLosesItsBarsAndIsReadAt640PixelsWide() {
        BufferedImage shot = white(1080, 2400);
        Graphics2D g = shot.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 1080, 200); // status and title bar
        g.fillRect(0, 2220, 1080, 180); // input bar
        g.fillRect(100, 1100, 600, 40); // a line of text in the middle
        g.dispose();
        BufferedImage prepared = PicturePreparation.prepare(shot);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, prepared.getType());
        assertEquals(640, prepared.getWidth());
        assertEquals(Math.round((2400 - 2 * 216) * 640 / 1080.0), prepared.getHeight(), 1);
        assertEquals(255, darkest(prepared, 0, 10), "the top bars are cut off");
        assertEquals(255, darkest(prepared, prepared.getHeight() - 10, prepared.getHeight()), "the input bar too");
        assertTrue(darkest(prepared, 0, prepared.getHeight()) < 50, "the text in between stays");
    }

    @Test
    void smallPicturesAreEnlargedAtMostFourTimesAndLargeOnesShrunk() {
        assertEquals(720, PicturePreparation.prepare(white(460, 613)).getWidth(), "a small poster");
        assertEquals(400, PicturePreparation.prepare(white(100, 100)).getWidth(), "a thumbnail, at most 4 times");
        assertEquals(2400, PicturePreparation.prepare(white(3000, 1000)).getWidth(), "a camera photo");
        assertEquals(1000, PicturePreparation.prepare(white(1000, 1000)).getWidth(), "a poster of a fair size as it is");
        BufferedImage strip = PicturePreparation.prepare(white(300, 20_000));
        assertTrue((long) strip.getWidth() * strip.getHeight() <= 8_000_000L, "a long strip stays within 8 MB of pixels");
    }

    @Test
    void speckleNoiseIsFilteredOutButStrokesStay() {
        BufferedImage poster = white(720, 960);
        Graphics2D g = poster.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(100, 500, 400, 3); // a stroke three pixels wide
        g.dispose();
        Random random = new Random(1);
        for (int i = 0; i < 5000; i++) {
            int x = random.nextInt(720);
            int y = random.nextInt(400); // the upper part: speckles only
            poster.setRGB(x, y, Color.BLACK.getRGB());
        }
        BufferedImage prepared = PicturePreparation.prepare(poster);
        assertTrue(darkest(prepared, 0, 395) > 200, "single dark pixels are gone: " + darkest(prepared, 0, 395));
        assertTrue(darkest(prepared, 495, 510) < 50, "the stroke stays");
    }

    @Test
    void transparentPixelsAreWhitePaper() {
        BufferedImage clear = new BufferedImage(720, 720, BufferedImage.TYPE_INT_ARGB);
        assertEquals(255, darkest(PicturePreparation.prepare(clear), 0, 720));
    }

    @Test
    void brokenAndOversizedPicturesAreNotDecoded() throws IOException {
        assertEquals(Optional.empty(), PicturePreparation.decode("not a picture".getBytes(StandardCharsets.US_ASCII)));
        byte[] png = png(white(200, 200));
        assertEquals(Optional.empty(), PicturePreparation.decode(Arrays.copyOf(png, png.length / 2)), "cut in half");
        // a PNG header claiming 60,000 × 60,000 pixels: refused before any pixel is decoded
        byte[] huge = png.clone();
        writeInt(huge, 16, 60_000);
        writeInt(huge, 20, 60_000);
        assertEquals(Optional.empty(), PicturePreparation.decode(huge));
        assertEquals(200, PicturePreparation.decode(png).orElseThrow().getWidth());
    }

    @Test
    void aLargePhotoIsDecodedSkippingRowsAndColumns() throws IOException {
        BufferedImage decoded = PicturePreparation.decode(png(white(4000, 3000))).orElseThrow();
        assertTrue((long) decoded.getWidth() * decoded.getHeight() <= PicturePreparation.MOST_DECODED_PIXELS,
                decoded.getWidth() + "x" + decoded.getHeight());
        assertEquals(2000, decoded.getWidth());
    }

    @Test
    void theGreyPixelsGoToTesseractAsABinaryPgm() {
        BufferedImage grey = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 0, 0, 128);
        assertArrayEquals("P5\n3 2\n255\n".getBytes(StandardCharsets.US_ASCII), PicturePreparation.pgmHeader(grey));
        assertArrayEquals(new byte[] {0, (byte) 128, 0, 0, 0, 0}, PicturePreparation.greyPixels(grey));
    }

    private static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
