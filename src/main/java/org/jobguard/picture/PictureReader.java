package org.jobguard.picture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the text in pictures on a bounded pool: {@link PictureSettings#workers()} at once, {@link
 * PictureSettings#queue()} waiting, and the next one answered {@link PictureText.Outcome#BUSY} at once rather than
 * queued without end (a burst of photos would otherwise hold every bot worker for minutes). Each reading is cut off
 * after {@link PictureSettings#timeout()}.
 *
 * <p>The picture and its text stay in memory: the bytes go to Tesseract through a pipe, and nothing here logs text
 * (log lines carry outcomes and times only).
 *
 * <p>Without Tesseract (or without its Chinese and English language data) the service still starts: {@link
 * #available()} is false, {@link #unavailableLine()} says in one line how to enable reading pictures, and every
 * picture is answered {@link PictureText.Outcome#UNAVAILABLE}.
 */
public final class PictureReader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PictureReader.class);
    /** Said once at start when pictures cannot be read. */
    public static final String HOW_TO_ENABLE = "apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra";

    private final PictureSettings settings;
    private final Optional<String> missing;
    private final ScheduledExecutorService deadlines;
    private final TesseractEngine engine;
    private final ThreadPoolExecutor pool;

    private PictureReader(PictureSettings settings, Optional<String> missing, ScheduledExecutorService deadlines) {
        this.settings = settings;
        this.missing = missing;
        this.deadlines = deadlines;
        this.engine = new TesseractEngine(settings.command(), deadlines);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.queue())), r -> {
            Thread t = new Thread(r, "picture-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Looks for Tesseract and its languages (a fraction of a second) and starts the pool. */
    public static PictureReader start(PictureSettings settings) {
        ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "picture-deadlines");
            t.setDaemon(true);
            return t;
        });
        Optional<String> missing = settings.enabled()
                ? new TesseractEngine(settings.command(), deadlines).missing(Duration.ofSeconds(10))
                : Optional.of("reading pictures is switched off (pictures.enabled in jobguard.yaml)");
        return new PictureReader(settings, missing, deadlines);
    }

    /** A reader that reads nothing, without looking for Tesseract: for a bot or web server built without one. */
    public static PictureReader off() {
        PictureSettings settings = PictureSettings.defaults();
        return new PictureReader(new PictureSettings(false, settings.command(), 1, 0, settings.timeout(),
                settings.maxBytes()), Optional.of("reading pictures is switched off"), null);
    }

    public boolean available() {
        return missing.isEmpty();
    }

    /** One line for the start-up log when pictures cannot be read, saying how to enable it; empty when they can. */
    public Optional<String> unavailableLine() {
        return missing.map(why -> settings.enabled()
                ? "Pictures are not read (" + why + "); to read the text in photos and screenshots: " + HOW_TO_ENABLE
                : "Pictures are not read: " + why);
    }

    public PictureSettings settings() {
        return settings;
    }

    /**
     * Reads one picture's text. Completes at once when it cannot be read (unavailable, too large, not a
     * JPEG/PNG/WebP, the queue full); otherwise when a reader has read it or its time ran out. Never completes
     * exceptionally.
     */
    public CompletableFuture<PictureText> read(byte[] picture) {
        if (!available()) {
            return CompletableFuture.completedFuture(PictureText.of(PictureText.Outcome.UNAVAILABLE, 0));
        }
        if (picture.length > settings.maxBytes()) {
            return CompletableFuture.completedFuture(PictureText.of(PictureText.Outcome.TOO_LARGE, 0));
        }
        if (PictureFormat.of(picture).isEmpty()) {
            return CompletableFuture.completedFuture(PictureText.of(PictureText.Outcome.UNSUPPORTED, 0));
        }
        CompletableFuture<PictureText> result = new CompletableFuture<>();
        try {
            pool.execute(() -> result.complete(readNow(picture)));
        } catch (RejectedExecutionException e) {
            result.complete(PictureText.of(PictureText.Outcome.BUSY, 0));
        }
        return result;
    }

    private PictureText readNow(byte[] picture) {
        long t0 = System.nanoTime();
        try {
            Optional<BufferedImage> prepared = PicturePreparation.decode(picture).map(PicturePreparation::prepare);
            if (prepared.isEmpty()) {
                return PictureText.of(PictureText.Outcome.BROKEN, millisSince(t0));
            }
            TesseractEngine.Reading reading = recognise(prepared.get(), t0);
            long millis = millisSince(t0);
            if (reading.timedOut()) {
                log.warn("A picture was not read within {} s", settings.timeout().toSeconds());
                return PictureText.of(PictureText.Outcome.TIMED_OUT, millis);
            }
            String text = RecognisedText.tidy(reading.text());
            return text.isEmpty() ? PictureText.of(PictureText.Outcome.NO_TEXT, millis)
                    : new PictureText(PictureText.Outcome.READ, text, millis);
        } catch (IOException e) {
            // the message names the exit code at most, never the text
            log.warn("Tesseract failed on a picture: {}", e.getMessage());
            return PictureText.of(PictureText.Outcome.BROKEN, millisSince(t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PictureText.of(PictureText.Outcome.TIMED_OUT, millisSince(t0));
        } catch (RuntimeException e) {
            log.error("Reading a picture failed: {}", e.getClass().getName());
            return PictureText.of(PictureText.Outcome.BROKEN, millisSince(t0));
        }
    }

    /**
     * Simplified Chinese's model first: it reads most ads, and English as well as English's own model does. When
     * that text is Chinese and Tesseract was not sure of it (mean confidence under {@link #SURE}), Traditional
     * Chinese's model reads it too, and its text is taken when Tesseract is surer of it by {@link
     * #TRADITIONAL_MARGIN} points. One model at a time: with {@code chi_sim+chi_tra+eng} Tesseract picks a model per
     * word, and Simplified ads came back in a mix of Traditional characters and English letters for Chinese ones
     * (character accuracy on posters 0.50 against 0.71).
     */
    private TesseractEngine.Reading recognise(BufferedImage grey, long t0) throws IOException, InterruptedException {
        TesseractEngine.Reading simplified = engine.recognise(grey, "chi_sim", left(t0));
        if (simplified.timedOut() || simplified.confidence() >= SURE || hanShare(simplified.text()) < 0.2) {
            return simplified;
        }
        TesseractEngine.Reading traditional = engine.recognise(grey, "chi_tra", left(t0));
        return !traditional.timedOut() && traditional.confidence() > simplified.confidence() + TRADITIONAL_MARGIN
                ? traditional : simplified;
    }

    /**
     * Measured on ocr-eval's 142 Chinese pictures of the dev corpus: chi_sim read Traditional ones at most 89 sure
     * (all but two under 88) and half of the Simplified ones at 88 or more, so a second reading is spared for those.
     * Of the pictures read twice, chi_tra was surer of every Traditional text (by 0 to 26 points) and of a fifth of
     * the Simplified ones (by up to 13). With a margin of 1.5 points character accuracy is 0.88 for Simplified and 0.86
     * for Traditional (0.91 and 0.88 if each were read with its own model); a margin of 3 gives 0.90 and 0.84, with
     * the same verdicts, but Traditional is then often quoted back in Simplified characters, which a reader from Hong
     * Kong or Taiwan takes for a misreading.
     */
    static final double SURE = 88.0;
    static final double TRADITIONAL_MARGIN = 1.5;

    private Duration left(long t0) {
        Duration left = settings.timeout().minusNanos(System.nanoTime() - t0);
        return left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
    }

    /** The share of Chinese characters among the letters of a text. */
    static double hanShare(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return letters == 0 ? 0 : (double) han / letters;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        if (deadlines != null) {
            deadlines.shutdownNow();
        }
    }
}
