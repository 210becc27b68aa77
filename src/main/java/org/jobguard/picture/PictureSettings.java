package org.jobguard.picture;

import java.time.Duration;

/**
 * How pictures are read; {@code App} builds it from the {@code pictures:} section of {@code jobguard.yaml}.
 *
 * @param enabled   false: pictures are not read even where Tesseract is installed
 * @param command   the tesseract executable
 * @param workers   pictures read at once; each reading takes one core for about a second
 * @param queue     pictures waiting beyond those; one more is answered "busy, try again"
 * @param timeout   longest one reading may take (decoding, preparing and recognising)
 * @param maxBytes  largest picture accepted; Telegram's photos are at most a few MB, a screenshot sent as a
 *                  file can be more
 */
public record PictureSettings(boolean enabled, String command, int workers, int queue, Duration timeout, int maxBytes) {
    public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

    public PictureSettings {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("the tesseract command is empty");
        }
        if (workers < 1 || queue < 0 || maxBytes < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("workers, queue, timeout and maxBytes must be positive");
        }
    }

    public static PictureSettings defaults() {
        return new PictureSettings(true, "tesseract", 2, 8, Duration.ofSeconds(20), DEFAULT_MAX_BYTES);
    }

    public PictureSettings withCommand(String tesseract) {
        return new PictureSettings(enabled, tesseract, workers, queue, timeout, maxBytes);
    }

    public PictureSettings withPool(int readers, int waiting, Duration limit) {
        return new PictureSettings(enabled, command, readers, waiting, limit, maxBytes);
    }
}
