package org.jobguard.patterns;

import org.jobguard.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriterDeathTest {
    @TempDir
    Path dir;

    @Test
    void aWriterKilledByAnErrorEndsTheProcessWithItsOwnExitCodeAndOneLogLine() throws Exception {
        Path output = dir.resolve("output.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriterDeathMain.class.getName(),
                dir.resolve("jobguard.db").toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = p.waitFor(40, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String log = Files.readString(output);
        assertTrue(ended, "still running after 40 s: " + log);
        assertEquals(App.EXIT_PART_DIED, p.exitValue(), log);
        // the waiting caller fails at once, unless the exit (on the writer's thread) wins the race to the log
        if (log.contains("write failed: ")) {
            assertTrue(log.contains("writer stopped (StackOverflowError)"), log);
        }
        assertEquals(1, log.split("the pattern store's writer stopped: java.lang.StackOverflowError", -1).length - 1,
                "logged once: " + log);
        assertTrue(log.contains("stopping the service (exit code 70)"), log);
        assertFalse(log.contains("still running"), log);
    }
}
