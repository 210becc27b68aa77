package org.jobguard.picture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Debian's {@code tesseract} run as a process, one per picture: the picture goes in on standard input and the text
 * comes back on standard output, so neither ever touches the disk. A process rather than the library in this JVM
 * (tess4j, bytedeco): the models' 100-odd MB stay out of the service's 128 MB heap, a crash or a hang in native
 * code kills one reading instead of the service, and a reading past its time limit can actually be stopped
 * (native code in the JVM cannot be interrupted). Each process loads its models again (about 0.2 s), which
 * {@code ocr-eval} includes in the time it prints.
 *
 * <p>Tesseract reads with one thread each ({@code OMP_THREAD_LIMIT=1}): the pool runs as many readings as there
 * are cores to give, and OpenMP's own threads would only fight over them.
 */
public final class TesseractEngine {
    /** The language data needed: Simplified and Traditional Chinese, and English for the probe's sake. */
    public static final List<String> LANGUAGES = List.of("chi_sim", "chi_tra", "eng");
    private static final int MOST_TEXT_BYTES = 256 * 1024;

    private final String command;
    private final ScheduledExecutorService deadlines;

    /**
     * @param command   the tesseract executable, {@code tesseract} on the PATH unless configured
     * @param deadlines where the per-picture time limits wait (one thread does for every reading)
     */
    TesseractEngine(String command, ScheduledExecutorService deadlines) {
        this.command = command;
        this.deadlines = deadlines;
    }

    /**
     * Why pictures cannot be read on this machine, or empty when they can: the executable runs and knows every
     * language of {@link #LANGUAGES}.
     */
    Optional<String> missing(Duration timeout) {
        try {
            Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            p.getOutputStream().close();
            ScheduledFuture<?> stop = deadlines.schedule(p::destroyForcibly, timeout.toMillis(), TimeUnit.MILLISECONDS);
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } finally {
                stop.cancel(false);
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.of("'" + command + " --list-langs' failed");
            }
            List<String> known = out.lines().map(String::trim).toList();
            List<String> absent = new ArrayList<>();
            for (String lang : LANGUAGES) {
                if (!known.contains(lang)) {
                    absent.add(lang);
                }
            }
            return absent.isEmpty() ? Optional.empty()
                    : Optional.of("Tesseract has no language data for " + String.join(", ", absent));
        } catch (IOException e) {
            return Optional.of("'" + command + "' was not found");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while looking for Tesseract");
        }
    }

    /**
     * What one reading gave: the text (lines as Tesseract found them, words joined by spaces), the mean confidence
     * of its characters (0 to 100), or that it ran out of time.
     */
    record Reading(String text, double confidence, boolean timedOut) {
        static final Reading TIMED_OUT = new Reading("", 0, true);
    }

    /**
     * Recognises the text of one prepared picture ({@link PicturePreparation#prepare}) with one language's model.
     * Page segmentation 6 (one block of text: it read both the posters and the chat screenshots of {@code
     * ocr-eval} better than automatic segmentation, which lost lines to noise and decorations); Sauvola
     * thresholding ({@code thresholding_method=2}), which binarises each neighbourhood by its own contrast.
     *
     * @throws IOException when Tesseract could not be run or failed on the picture
     */
    Reading recognise(java.awt.image.BufferedImage grey, String language, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command, "stdin", "stdout", "-l", language,
                "--psm", "6", "-c", "thresholding_method=2", "tsv")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        AtomicBoolean killed = new AtomicBoolean();
        ScheduledFuture<?> stop = deadlines.schedule(() -> {
            killed.set(true);
            p.destroyForcibly();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(PicturePreparation.pgmHeader(grey));
                in.write(PicturePreparation.greyPixels(grey));
            } catch (IOException e) {
                // a process killed at its deadline, or one that gave up on the picture, closes its input early
                if (!killed.get() && p.isAlive()) {
                    throw e;
                }
            }
            byte[] out;
            try (InputStream text = p.getInputStream()) {
                out = text.readNBytes(MOST_TEXT_BYTES);
                text.transferTo(OutputStream.nullOutputStream());
            }
            int exit = p.waitFor();
            if (killed.get()) {
                return Reading.TIMED_OUT;
            }
            if (exit != 0) {
                throw new IOException("tesseract exited with " + exit);
            }
            return fromTsv(new String(out, StandardCharsets.UTF_8));
        } finally {
            stop.cancel(false);
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /**
     * Tesseract's TSV: one row per page, block, paragraph, line and word; a word row has level 5, its confidence
     * in column 11 and its text in column 12. Lines are rebuilt from the block, paragraph and line numbers.
     */
    static Reading fromTsv(String tsv) {
        StringBuilder text = new StringBuilder();
        String line = null;
        double weighted = 0;
        int chars = 0;
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !c[0].equals("5") || c[11].isBlank()) {
                continue;
            }
            double conf;
            try {
                conf = Double.parseDouble(c[10]);
            } catch (NumberFormatException e) {
                continue;
            }
            String at = c[2] + "." + c[3] + "." + c[4];
            if (line != null) {
                text.append(at.equals(line) ? ' ' : '\n');
            }
            line = at;
            String word = c[11].strip();
            text.append(word);
            int n = word.codePointCount(0, word.length());
            weighted += Math.max(0, conf) * n;
            chars += n;
        }
        return new Reading(text.toString(), chars == 0 ? 0 : weighted / chars, false);
    }
}
