package org.jobguard.cli;

import org.jobguard.picture.PictureReader;
import org.jobguard.picture.PictureText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Resident memory of this process and its child processes (Linux /proc), sampled while pictures are read. */
final class PeakMemory {
    private PeakMemory() {
    }

    /** The peaks of this JVM's resident memory and of the sum of its Tesseract processes', and of both together. */
    record Peaks(long jvm, long tesseract, long total) {
    }

    /** Resident memory sampled every 10 ms while {@code pictures} are read, all handed to the reader at once. */
    static Peaks whileReading(PictureReader reader, List<byte[]> pictures) throws InterruptedException {
        List<CompletableFuture<PictureText>> reading = pictures.stream().map(reader::read).toList();
        CompletableFuture<Void> all = CompletableFuture.allOf(reading.toArray(CompletableFuture[]::new));
        long jvm = 0;
        long tesseract = 0;
        long total = 0;
        while (!all.isDone()) {
            long own = ownRss();
            // Tesseract's only: Chromium, which drew the screenshots, may leave helper processes behind
            long children = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("tesseract")).orElse(false))
                    .mapToLong(p -> rss(p.pid())).sum();
            jvm = Math.max(jvm, own);
            tesseract = Math.max(tesseract, children);
            total = Math.max(total, own + children);
            Thread.sleep(10);
        }
        return new Peaks(jvm, tesseract, total);
    }

    static long ownRss() {
        return rss(ProcessHandle.current().pid());
    }

    /** VmRSS in bytes; 0 when the process is gone or this is not Linux. */
    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading
        }
        return 0;
    }
}
