package org.jobguard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StopDeadlineTest {
    @TempDir
    Path dir;

    @Test
    void sigtermEndsAProcessWhoseStopHangsAtTheDeadlineWithOneLogLine() throws Exception {
        Path output = dir.resolve("output.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StopDeadlineMain.class.getName(), "2"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long waitStart = System.nanoTime();
        while (!Files.readString(output).contains("running") && System.nanoTime() - waitStart < 20_000_000_000L) {
            Thread.sleep(50);
        }
        long sent = System.nanoTime();
        p.destroy(); // SIGTERM
        boolean ended = p.waitFor(15, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String log = Files.readString(output);
        assertTrue(ended, "still running 15 s after SIGTERM: " + log);
        long seconds = (System.nanoTime() - sent) / 1_000_000_000L;
        assertTrue(seconds >= 1 && seconds < 10, seconds + " s");
        assertEquals(StopDeadline.EXIT_STOP_OVERRAN, p.exitValue(), log);
        assertEquals(1, log.split("Stopping took over 2 s: halting", -1).length - 1, log);
    }
}
