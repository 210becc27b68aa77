package org.jobguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jobguard.config.ConfigFiles;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactsCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ContactsCommand(clock, ConfigFiles.locate(Map.of())));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static final String TWO_ENTRIES = """
            countries:
              - code: TH
                names: [泰国]
                citizens: [泰国人]
            places:
              - id: mae_sot
                country: TH
                name: {en: Mae Sot, zh-Hans: 湄索, zh-Hant: 湄索}
                aliases: [湄索]
            contacts:
              - id: old-line
                kind: police
                location: TH
                nationality: any
                phone: "1155"
                label: {en: Tourist police, zh-Hans: 旅游警察, zh-Hant: 觀光警察}
                source: https://example.org/old
                verified: 2025-01-10
                confidence: medium
              - id: fresh-line
                kind: anti_fraud
                location: TH
                nationality: any
                phone: "1441"
                label: {en: Scam line, zh-Hans: 反诈, zh-Hant: 反詐}
                source: https://example.org/fresh
                verified: 2026-11-01
                confidence: medium
            """;

    @Test
    void staleListsOnlyEntriesOlderThanTheLimitByTheInjectedClock(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("contacts.yaml");
        Files.writeString(file, TWO_ENTRIES, StandardCharsets.UTF_8);
        Run r = run(at("2026-11-26T08:00:00Z"), "--file", file.toString(), "--stale", "180");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("1 entries not verified for more than 180 days"), r.out());
        assertTrue(r.out().contains("old-line\tverified 2025-01-10 (685 days)"), r.out());
        assertFalse(r.out().contains("fresh-line"), r.out());

        Run later = run(at("2027-06-01T08:00:00Z"), "--file", file.toString(), "--stale", "180");
        assertTrue(later.out().contains("fresh-line"), later.out());
    }

    @Test
    void lookupPrintsNumbersSourcesDatesAndAdviceInTheChosenLanguage() {
        Run r = run(Clock.systemUTC(), "--location", "妙瓦底", "--nationality", "中国人", "--lang", "zh-Hans");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("这个人现在在哪里？ 缅甸"), r.out());
        assertTrue(r.out().contains("地点：妙瓦底（克伦邦）"), r.out());
        assertTrue(r.out().contains("拨打 +86 10 12308  tel:+861012308"), r.out());
        assertTrue(r.out().contains("tel:+861012308"), r.out());
        assertTrue(r.out().contains("来源"), r.out());
        assertTrue(r.out().contains("不要付赎金"), r.out());
    }

    @Test
    void lookupWithUnknownNationalitySaysSo() {
        Run r = run(Clock.systemUTC(), "--location", "Sihanoukville");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Tell us whose citizen they are"), r.out());
    }

    @Test
    void aBrokenFileExitsWithFileAndLineAndNoStackTrace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("contacts.yaml");
        Files.writeString(file, TWO_ENTRIES.replace("2025-01-10", "yesterday"), StandardCharsets.UTF_8);
        Run r = run(Clock.systemUTC(), "--file", file.toString(), "--stale", "30");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("contacts: " + file + ":18: verified 'yesterday'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void badOptionsAreRefused() {
        assertEquals(2, run(Clock.systemUTC(), "--stale", "-1").exit());
        assertEquals(2, run(Clock.systemUTC(), "--location", "MM", "--lang", "fr").exit());
    }
}
