package org.jobguard.picture;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;

/**
 * Turns the bytes of a photo or screenshot into what Tesseract reads best: one grey image whose text is large
 * enough. Decoding, cropping, greying and scaling are Java2D's (the JDK's imaging library; WebP through the
 * TwelveMonkeys ImageIO plugin); binarising is left to Leptonica inside Tesseract, whose adaptive Sauvola
 * threshold ({@link TesseractEngine}) copes with chat bubbles of several colours where one global threshold
 * loses either the dark text on light bubbles or the light text on dark ones.
 *
 * <ul>
 *   <li>A picture shaped like a phone screen (height 1.7 to 2.4 times its width) is taken for a screenshot: the
 *   status bar and the chat app's title bar at the top and its input bar at the bottom are cut off (a fifth of the
 *   width each, the height Android and iOS give them), so clock, battery and "Type a message" are not read.</li>
 *   <li>Narrow pictures (a thumbnail, a poster saved small) are scaled up to 1,200 pixels wide, at most 4 times:
 *   Tesseract's models read characters 20 to 40 pixels high best, and a 400-pixel poster's body text is 8.</li>
 *   <li>Wide ones (a camera photo of a poster) are scaled down to 2,400 pixels wide: their text stays large, and
 *   recognition time grows with the pixels.</li>
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
    private static final int NARROW = 1200;
    private static final int WIDE = 2400;
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

    /** Cropped, grey and scaled as the class comment says. */
    public static BufferedImage prepare(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        int top = 0;
        int bottom = h;
        double aspect = (double) h / w;
        if (aspect >= 1.7 && aspect <= 2.4) {
            top = w / 5;
            bottom = h - w / 5;
        }
        double scale = w < NARROW ? Math.min(MOST_ENLARGED, (double) NARROW / w) : w > WIDE ? (double) WIDE / w : 1.0;
        scale = Math.min(scale, Math.sqrt((double) MOST_PREPARED_PIXELS / ((long) w * (bottom - top))));
        int outW = Math.max(1, (int) Math.round(w * scale));
        int outH = Math.max(1, (int) Math.round((bottom - top) * scale));
        BufferedImage grey = new BufferedImage(outW, outH, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // a transparent PNG's clear pixels are white paper, not black
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, outW, outH);
            g.drawImage(picture, 0, 0, outW, outH, 0, top, w, bottom, null);
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
