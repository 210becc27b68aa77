package org.jobguard.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** One real web server per test class, on a fresh data directory, shared by its tests over HTTP. */
abstract class RunningWebTest {
    @TempDir
    static Path data;
    static RunningWeb web;

    @BeforeAll
    static void start() {
        web = new RunningWeb(data);
    }

    @AfterAll
    static void stop() {
        web.close();
    }
}
