package org.jobguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line contract of DESIGN.md section 7, through the real jar. */
class CommandLineIT {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void checkPrintsAVerdictWithCodePointEvidence() throws Exception {
        String ad = "😀😀 高薪招聘客服，包机票，到了再签合同，妙 瓦 底，加TG联系";
        JarProcess r = JarProcess.run(ad, "check", "--json");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode v = json.readTree(r.stdout());
        assertEquals("high", v.get("risk").asText());
        assertEquals("zh-Hans", v.get("language").asText());
        int[] cps = ad.codePoints().toArray();
        for (JsonNode f : v.get("flags")) {
            int s = f.get("start").asInt();
            int e = f.get("end").asInt();
            assertEquals(new String(cps, s, e - s), f.get("evidence").asText());
        }
        assertTrue(r.stdout().contains("到了再签合同"));
    }

    /**
     * The shade plugin keeps one file of a name: with licence and notice files of one name appended instead of all
     * but one dropped (and each dependency's manifest left out), the build has no overlap to warn about.
     */
    @Test
    void theJarKeepsEveryDependencysLicenceAndOneManifest() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JarProcess.JAR.toFile())) {
            String apache = new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE")).readAllBytes(),
                    StandardCharsets.UTF_8);
            int copies = apache.split("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", -1).length - 1;
            assertTrue(copies >= 5, "the licence files of Caffeine, Jackson and Javalin, one after another: " + copies);
            String txt = new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE.txt")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(txt.contains("QOS.ch") && txt.contains("Apache License"), "SLF4J's and Commons IO's");
            assertEquals("org.jobguard.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            assertEquals(null, jar.getEntry("META-INF/okio.kotlin_module"));
        }
    }

    @Test
    void everyCommandAnswersHelpWithItsUsageAndExitCode0() throws Exception {
        java.util.List<String> commands = new java.util.ArrayList<>(new picocli.CommandLine(new Main()).getSubcommands().keySet());
        commands.remove("help");
        assertTrue(commands.containsAll(java.util.List.of("check", "bench", "serve", "eval", "train")), commands.toString());
        for (String command : commands) {
            for (String[] args : new String[][]{{command, "--help"}, {"help", command}}) {
                JarProcess r = JarProcess.run("", args);
                String shown = String.join(" ", args) + ": " + r.stdout() + r.stderr();
                assertEquals(0, r.exitCode(), shown);
                assertTrue(r.stdout().startsWith("Usage: jobguard " + command), shown);
                assertTrue(r.stdout().contains("--help"), shown);
                assertEquals("", r.stderr(), shown);
            }
        }
    }

    @Test
    void checkPrintsTheBotsVerdictAsPlainTextInTheTextsLanguageOrTheOneAskedFor() throws Exception {
        org.jobguard.i18n.Messages messages = org.jobguard.i18n.Messages.load(Path.of("messages"));
        String ad = "高薪招聘客服<b>，包机票，到了再签合同，妙 瓦 底，加TG联系";
        JsonNode verdict = json.readTree(JarProcess.run(ad, "check", "--json").stdout());
        for (String lang : new String[]{"auto", "zh-Hans", "zh-Hant", "en"}) {
            JarProcess r = lang.equals("auto") ? JarProcess.run(ad, "check") : JarProcess.run(ad, "check", "--lang", lang);
            assertEquals(0, r.exitCode(), r.stderr());
            org.jobguard.checker.Language language = org.jobguard.checker.Language.fromTag(
                    lang.equals("auto") ? "zh-Hans" : lang).orElseThrow();
            String shown = lang + ":\n" + r.stdout();
            assertTrue(r.stdout().startsWith(plain(messages.get(language, "tg.headline.high")) + "\n"), shown);
            assertTrue(r.stdout().contains(plain(messages.get(language, "tg.flags.title"))), shown);
            assertTrue(r.stdout().contains(plain(messages.get(language, "tg.advice.title"))), shown);
            for (JsonNode flag : verdict.get("flags")) {
                assertTrue(r.stdout().contains(flag.get("evidence").asText()), shown);
                String key = flag.get("message_key").asText();
                if (messages.has(org.jobguard.checker.Language.EN, key)) {
                    assertTrue(r.stdout().contains(messages.get(language, key)), key + " in " + shown);
                }
            }
            for (JsonNode advice : verdict.get("advice")) {
                assertTrue(r.stdout().contains("• " + messages.get(language, advice.asText())), shown);
            }
            // the checked text is quoted as it is, the messages' own markup is dropped
            assertTrue(r.stdout().contains("<b>，") || !verdict.toString().contains("<b>"), shown);
            assertFalse(r.stdout().contains("<i>") || r.stdout().contains("</b>") || r.stdout().contains("&lt;"), shown);
            assertFalse(r.stdout().contains("flag.") || r.stdout().contains("advice.") || r.stdout().contains("{"), shown);
        }
    }

    @Test
    void checkOnAWarningOrNothingSaysWhatTheBotSays() throws Exception {
        org.jobguard.i18n.Messages messages = org.jobguard.i18n.Messages.load(Path.of("messages"));
        JarProcess empty = JarProcess.run("🎉🎉", "check", "--lang", "en");
        assertEquals(plain(messages.get(org.jobguard.checker.Language.EN, "tg.empty")) + "\n", empty.stdout());
    }

    private static String plain(String message) {
        return message.replaceAll("<[^<>]*>", "");
    }

    @Test
    void theRunCommandMapsAnArchiveOfTheServicesClassesBuiltWithTheJar(@TempDir Path elsewhere) throws Exception {
        // -Xshare:on turns an archive that does not fit this jar or this JVM from a silent slowdown into an error
        java.util.List<String> command = new java.util.ArrayList<>(org.jobguard.ReadmeRunCommand.command(
                JarProcess.JAR.toAbsolutePath(), "-Xshare:on", "-XX:+PrintSharedArchiveAndExit"));
        Process p = new ProcessBuilder(command).directory(elsewhere.toFile())
                .redirectOutput(elsewhere.resolve("out.txt").toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        String listing = Files.readString(elsewhere.resolve("out.txt"));
        assertEquals(0, p.exitValue(), listing);
        assertFalse(listing.contains("archive is invalid"), listing);
        // what the training run has to reach: the checker, the bot's reply path, the store, the web server
        for (String name : new String[]{"org.jobguard.checker.RedFlagChecker", "org.jobguard.telegram.UpdateRouter",
                "org.jobguard.telegram.ReplyComposer", "okhttp3.OkHttpClient",
                "org.telegram.telegrambots.meta.api.objects.Update", "org.jobguard.patterns.PatternStore",
                "org.sqlite.jdbc4.JDBC4PreparedStatement", "org.jobguard.web.WebServer", "io.javalin.Javalin"}) {
            assertTrue(listing.contains(": " + name + " app_loader"), name + " is not in the archive");
        }
    }

    @Test
    void jsonlAnswersEveryLineInOrderAndReportsBadOnes() throws Exception {
        String input = String.join("\n",
                "{\"id\": \"a\", \"text\": \"护照由公司保管，到了再签合同\"}",
                "not json",
                "[1, 2]",
                "{\"id\": 7}",
                "{\"id\": \"e\", \"text\": \"\"}",
                "{\"id\": \"z\", \"text\": \"周末一起吃饭吧\"}") + "\n";
        JarProcess r = JarProcess.run(input, "check", "--jsonl", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        String[] lines = r.stdout().split("\n");
        assertEquals(6, lines.length, r.stdout());
        assertEquals("a", json.readTree(lines[0]).get("id").asText());
        assertEquals("high", json.readTree(lines[0]).get("risk").asText());
        assertTrue(json.readTree(lines[1]).has("error"));
        assertTrue(json.readTree(lines[2]).has("error"));
        assertEquals(7, json.readTree(lines[3]).get("id").asInt());
        assertTrue(json.readTree(lines[3]).has("error"));
        assertEquals("none", json.readTree(lines[4]).get("risk").asText());
        assertEquals("none", json.readTree(lines[5]).get("risk").asText());
    }

    @Test
    void jsonlHoldsOneObjectPerLineWhateverTheLineEnd() throws Exception {
        String input = "{\"id\": 1, \"text\": \"a\"} {\"id\": 2, \"text\": \"b\"}\r"
                + "{\"id\": 3, \"text\": \"c\"}\r\n\n{\"id\": 4, \"text\": \"d\"} junk\n";
        JarProcess r = JarProcess.run(input, "check", "--jsonl", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        String[] lines = r.stdout().split("\n");
        assertEquals(3, lines.length, r.stdout());
        assertTrue(json.readTree(lines[0]).get("error").asText().startsWith("line 1:"), lines[0]);
        assertEquals(3, json.readTree(lines[1]).get("id").asInt());
        assertTrue(json.readTree(lines[1]).has("risk"), lines[1]);
        assertTrue(json.readTree(lines[2]).get("error").asText().startsWith("line 4:"), lines[2]);
    }

    @Test
    void badInputNeverCrashesNorPrintsAStackTrace() throws Exception {
        byte[][] inputs = {
            new byte[0],
            "   \n\t ".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, 0x28, (byte) 0xa0, (byte) 0xa1},
            ("高薪".repeat(500_000)).getBytes(StandardCharsets.UTF_8),
            "🎉🎉🎉".getBytes(StandardCharsets.UTF_8),
        };
        for (byte[] in : inputs) {
            JarProcess r = JarProcess.run(in, Map.of(), Path.of("."), "check", "--json");
            assertEquals(0, r.exitCode(), r.stderr());
            assertFalse(r.stderr().contains("Exception"), r.stderr());
            assertTrue(json.readTree(r.stdout()).has("risk"));
            JarProcess readable = JarProcess.run(in, Map.of(), Path.of("."), "check");
            assertEquals(0, readable.exitCode(), readable.stderr());
            assertEquals("", readable.stderr());
            assertFalse(readable.stdout().isBlank());
        }
    }

    @Test
    void aBrokenRulesFileStopsWithFileLineAndExitCode2(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/rules.yaml"), """
                rules:
                  - id: x.one
                    category: not_a_category
                    severity: weak
                    phrases: [abc]
                """);
        JarProcess r = JarProcess.run("hello".getBytes(StandardCharsets.UTF_8), Map.of(), home, "check");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("rules.yaml:3"), r.stderr());
        assertTrue(r.stderr().contains("unknown category"), r.stderr());
        assertFalse(r.stderr().contains("at org."), r.stderr());
    }

    @Test
    void theServiceStartedAsReadmeSaysStopsOnABrokenRulesFileWithFileLineAndExitCode2(@TempDir Path home)
            throws Exception {
        Files.createDirectories(home.resolve("config"));
        for (String file : new String[]{"jobguard.yaml", "contacts.yaml"}) {
            Files.copy(Path.of("config", file), home.resolve("config").resolve(file));
        }
        Files.writeString(home.resolve("config/rules.yaml"), "rules:\n  - id: x.one\n    severity: [\n");
        JarProcess r = JarProcess.run(new byte[0], Map.of("JOBGUARD_PORT", "0"), home);
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains("rules.yaml:3"), r.stderr());
        assertFalse(r.stderr().contains("at org."), r.stderr());
    }

    @Test
    void theServiceRefusesAReadOnlyDatabaseWithOneLineNamingItAndExitCode2(@TempDir Path data) throws Exception {
        Path db = data.resolve("jobguard.db");
        new org.jobguard.patterns.PatternStore(db, java.time.Clock.systemUTC()).close();
        try (org.jobguard.patterns.ReadOnlyPath readOnly = new org.jobguard.patterns.ReadOnlyPath(db)) {
            org.junit.jupiter.api.Assumptions.assumeTrue(readOnly.isReadOnly(), "cannot make a file read-only here");
            JarProcess r = JarProcess.run(new byte[0], Map.of("JOBGUARD_PORT", "0", "JOBGUARD_DATA_DIR", data.toString()),
                    Path.of("."));
            assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
            String error = r.stderr().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
            assertTrue(error.startsWith("error: " + db.toAbsolutePath() + ": the database file is read-only"), r.stderr());
            assertFalse(r.stderr().contains("at org."), r.stderr());
            assertFalse(r.stdout().contains("running"), "never started: " + r.stdout());
        }
    }

    @Test
    void aMissingFileIsAClearError() throws Exception {
        JarProcess r = JarProcess.run("", "check", "no-such-file.txt");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("no-such-file.txt"), r.stderr());
    }

    @Test
    void evalReportsRecallFalsePositivesAndMisses() throws Exception {
        JarProcess r = JarProcess.run("", "eval", "src/test/resources/corpus/holdout.jsonl");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("recall scam_recruit+ransom:"), r.stdout());
        assertTrue(r.stdout().contains("false alarms"), r.stdout());
        assertTrue(r.stdout().contains("cross-validated at training: recall scam_recruit+ransom"), r.stdout());
        assertTrue(java.util.regex.Pattern.compile("precision \\(flagged that are scam_recruit or ransom\\): [01]\\.\\d{3} \\(\\d+/\\d+\\)")
                .matcher(r.stdout()).find(), r.stdout());
        assertTrue(r.stdout().contains("misses (positive label"), r.stdout());
        assertTrue(r.stdout().contains("category hits"), r.stdout());
    }

    @Test
    void floodBenchPrintsItsFigures() throws Exception {
        JarProcess r = JarProcess.run("", "flood-bench", "--seconds", "2", "--updates", "20");
        assertEquals(0, r.exitCode(), r.stderr());
        for (String line : new String[] {"wrong logins:", "try-it posts:", "during a bot burst:", "requests/s",
                "/health p99", "check p99", "bot burst of 20 updates: 20 answered, 20 of them stored", "peak heap used",
                "peak resident memory"}) {
            assertTrue(r.stdout().contains(line), r.stdout());
        }
    }

    @Test
    void benchPrintsItsFigures() throws Exception {
        JarProcess r = JarProcess.run("", "bench", "--seconds", "0.2", "--messages", "200",
                "--max-warm-up", "1");
        assertEquals(0, r.exitCode(), r.stderr());
        for (String line : new String[] {"warm-up ", "checker ", "msgs per CPU-second", "normalize-only ", "ratio ", "heap used",
            "latency p50", "redaction of "}) {
            assertTrue(r.stdout().contains(line), r.stdout());
        }
    }
}
