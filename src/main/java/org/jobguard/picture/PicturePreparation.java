package org.jobguard.picture;

import ij.plugin.filter.RankFilters;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;

/**
 * Turns the bytes of a photo or screenshot into what Tesseract reads best: one grey image whose text is 20 to 30
 * pixels high and free of speckles. Decoding, cropping and greying are Java2D's (the JDK's imaging library; WebP
 * through the TwelveMonkeys ImageIO plugin); scaling and the median filter are ImageJ's; binarising is left to
 * Leptonica inside Tesseract, whose adaptive Sauvola threshold ({@link TesseractEngine}) copes with chat bubbles of
 * several colours where one global threshold loses either the dark text on light bubbles or the light text on dark
 * ones.
 *
 * <ul>
 *   <li>A picture shaped like a phone screen (height 1.7 to 2.4 times its width) is taken for a screenshot: the
 *   status bar and the chat app's title bar at the top and its input bar at the bottom are cut off (a fifth of the
 *   width each, the height Android and iOS give them), so clock, battery and "Type a message" are not read. It is
 *   then scaled to {@link #SCREENSHOT_WIDTH} pixels wide, whatever the phone: chat apps draw their text about a
 *   25th of the screen's width high, which is then 26 pixels. At 1080 pixels Tesseract took half as long again for
 *   no better reading ({@code ocr-eval}: character accuracy 0.92 at 648 pixels, 0.90 at 1080).</li>
 *   <li>Other pictures narrower than {@link #NARROW} (a thumbnail, a poster saved small) are scaled up to it, at
 *   most 4 times; wider ones than {@link #WIDE} (a camera photo of a poster) down to it: their text stays large,
 *   and recognition time grows with the pixels.</li>
 *   <li>Then a 3×3 median filter: the speckles of a photographed or much-forwarded poster (sensor noise, JPEG
 *   blocks) are what Tesseract misread as strokes and dots. On {@code ocr-eval}'s noisy posters it raised
 *   character accuracy from 0.64 to 0.88 (Simplified Chinese) and from 0.38 to 0.73 (Traditional). It comes after
 *   scaling, so that a small poster's one-pixel strokes are wide enough to survive it.</li>
 * </ul>
 */
public final class PicturePreparation {
    /** A 1080×2400 screenshot is 2.6 MP; a 48 MP camera photo is the most a phone makes: beyond it, refuse. */
    static final long MAX_PIXELS = 50_000_000L;
    /**
     * Larger pictures are decoded skipping rows and columns (every 2nd, 3rd, ...) until they fit: two readings at
     * once then hold at most 2 × 16 MB of decoded pixels in the service's 128 MB heap, and a camera photo's text
     * is large enough to survive it.
     */
    static final long MOST_DECODED_PIXELS = 4_000_000L;
    static final int SCREENSHOT_WIDTH = 640;
    static final int NARROW = 720;
    static final int WIDE = 2400;
    private static final double MOST_ENLARGED = 4.0;
    /** 8 MB of grey pixels at most go to Tesseract (a long, narrow picture enlarged 4 times would be more). */
    private static final long MOST_PREPARED_PIXELS = 8_000_000L;

    private PicturePreparation() {
    }

    /**
     * The picture decoded (subsampled to at most {@link #MOST_DECODED_PIXELS}), or empty when its bytes are broken
     * or it has more than {@link #MAX_PIXELS}.
     */
    public static Optional<BufferedImage> decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // the header's size before any pixel is decoded: a 50,000-pixel-square PNG is a few KB of bytes
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    return Optional.empty();
                }
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.sqrt((double) pixels / MOST_DECODED_PIXELS));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return Optional.ofNullable(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // decoders throw all sorts on hostile bytes (IndexOutOfBounds, IllegalArgument): all mean "broken"
            return Optional.empty();
        }
    }

    /** Cropped, grey, scaled and filtered as the class comment says. */
    public static BufferedImage prepare(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        int top = 0;
        int bottom = h;
        double scale = w < NARROW ? Math.min(MOST_ENLARGED, (double) NARROW / w) : w > WIDE ? (double) WIDE / w : 1.0;
        if (screenshot(w, h)) {
            top = w / 5;
            bottom = h - w / 5;
            scale = Math.min(MOST_ENLARGED, (double) SCREENSHOT_WIDTH / w);
        }
        scale = Math.min(scale, Math.sqrt((double) MOST_PREPARED_PIXELS / ((long) w * (bottom - top))));
        ImageProcessor grey = new ByteProcessor(grey(picture, top, bottom));
        int outW = Math.max(1, (int) Math.round(w * scale));
        int outH = Math.max(1, (int) Math.round((bottom - top) * scale));
        if (outW != grey.getWidth() || outH != grey.getHeight()) {
            grey.setInterpolationMethod(ImageProcessor.BICUBIC);
            // averaging when shrinking: each output pixel is the mean of the pixels it covers, not a sample of one
            grey = grey.resize(outW, outH, true);
        }
        new RankFilters().rank(grey, 1, RankFilters.MEDIAN);
        return grey.getBufferedImage();
    }

    /** Shaped like a phone screen held upright. */
    static boolean screenshot(int width, int height) {
        double aspect = (double) height / width;
        return aspect >= 1.7 && aspect <= 2.4;
    }

    /** Rows {@code top} to {@code bottom} of the picture in grey, on white where the picture is transparent. */
    private static BufferedImage grey(BufferedImage picture, int top, int bottom) {
        int w = picture.getWidth();
        BufferedImage grey = new BufferedImage(w, bottom - top, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, bottom - top);
            g.drawImage(picture, 0, 0, w, bottom - top, 0, top, w, bottom, null);
        } finally {
            g.dispose();
        }
        return grey;
    }

    /**
     * The header of the grey image as a binary PGM, which Leptonica reads from Tesseract's standard input: the
     * pixels follow as they are in memory, with nothing to compress and no file on disk.
     */
    static byte[] pgmHeader(BufferedImage grey) {
        return ("P5\n" + grey.getWidth() + " " + grey.getHeight() + "\n255\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The grey image's pixels, one byte each, row after row (what follows {@link #pgmHeader}). */
    static byte[] greyPixels(BufferedImage grey) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("expected a grey image");
        }
        return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    }
}
