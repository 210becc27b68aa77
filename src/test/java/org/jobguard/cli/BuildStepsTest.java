package org.jobguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's own runs of the code (the compiled-rules image, the class-archive training) only save start-up
 * time: a broken configuration file must not stop the build, so that README's run command gets to the service,
 * which names the file and line and exits with 2.
 */
class BuildStepsTest {
    private static Path brokenHome(Path home) throws Exception {
        Files.createDirectories(home.resolve("config"));
        for (String file : new String[]{"jobguard.yaml", "contacts.yaml"}) {
            Files.copy(Path.of("config", file), home.resolve("config").resolve(file));
        }
        Files.writeString(home.resolve("config/rules.yaml"), "rules:\n  - id: x.one\n    severity: [\n");
        return home;
    }

    @Test
    void aBrokenRulesFileBuildsNoImageAndLeavesNoStaleOne(@TempDir Path home) throws Exception {
        Path image = home.resolve("out/compiledrules.bin.gz");
        Files.createDirectories(image.getParent());
        Files.writeString(image, "an image of earlier rules");
        CompiledRulesResource.main(new String[]{image.toString(), brokenHome(home).resolve("config").toString()});
        assertFalse(Files.exists(image));
    }

    @Test
    void aBrokenRulesFileSkipsTheTrainingWithTheFileAndLine(@TempDir Path home) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ClassArchiveTraining.train(Map.of("JOBGUARD_HOME", brokenHome(home).toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("class-archive training skipped: ") && said.contains("rules.yaml:3"), said);
    }

    @Test
    void aTrainingRunThatAnswersAsDesignedPrintsNothing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, ClassArchiveTraining.train(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTrainingRunWithAnUnansweredUpdateSaysSo() throws Exception {
        com.fasterxml.jackson.databind.node.ArrayNode updates = (com.fasterxml.jackson.databind.node.ArrayNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                        [{"update_id": 1, "message": {"chat": {"id": 1, "type": "private"}, "text": "a"}},
                         {"update_id": 2, "message": {"chat": {"id": 2, "type": "private"}, "text": "b"}},
                         {"update_id": 3, "message": {"chat": {"id": -3, "type": "supergroup"}, "text": "c"}}]""");
        assertEquals(java.util.Optional.empty(), ClassArchiveTraining.unexpectedReplies(2, updates));
        String said = ClassArchiveTraining.unexpectedReplies(1, updates).orElseThrow();
        assertTrue(said.startsWith("class-archive training: 1 replies to 3 updates, expected 2"), said);
        assertTrue(ClassArchiveTraining.unexpectedReplies(3, updates).isPresent());
    }

    /** README's run command starts with Maven: its output must show nothing when nothing is wrong. */
    @Test
    void mavenInBatchModePrintsNoTerminalCodes() throws Exception {
        Process maven;
        try {
            maven = new ProcessBuilder("mvn", "-B", "-q", "-o", "validate").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no mvn on the PATH: " + e.getMessage());
            return;
        }
        maven.getOutputStream().close();
        String said = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, maven.waitFor(), said);
        assertEquals("", said);
    }
}
