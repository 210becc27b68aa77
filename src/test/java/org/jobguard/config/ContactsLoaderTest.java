package org.jobguard.config;

import org.jobguard.checker.Language;
import org.jobguard.contacts.ContactKind;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import org.jobguard.contacts.Confidence;
import org.jobguard.contacts.DialNumber;
import org.jobguard.contacts.HelpContact;
import org.jobguard.contacts.HelpDirectory;
import org.jobguard.i18n.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactsLoaderTest {

    private static final Path REAL = Path.of("config", "contacts.yaml");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static HelpDirectory real;

    @BeforeAll
    static void loadRealFile() {
        real = new ContactsLoader(Clock.systemUTC()).load(REAL);
    }

    @Test
    void everyRealEntryHasAWorkingNumberOrLinkASourceAndADate() {
        assertFalse(real.contacts().isEmpty());
        for (HelpContact c : real.contacts()) {
            assertTrue(c.phone().isPresent() || c.link().isPresent(), c.id());
            c.phone().ifPresent(p -> {
                assertTrue(p.telUri().matches("tel:\\+?[0-9]{3,15}"), c.id() + " " + p.telUri());
                assertEquals(p.shortCode(), p.e164().isEmpty(), c.id());
            });
            assertFalse(c.source().isBlank(), c.id());
            if (c.source().startsWith("http")) {
                URI source = URI.create(c.source());
                assertTrue(source.getHost() != null && !source.getHost().isBlank(), c.id());
            }
            assertFalse(c.verified().isAfter(LocalDate.now()), c.id());
            for (Language l : Language.values()) {
                assertFalse(c.label(l).isBlank(), c.id() + " " + l);
            }
        }
    }

    @Test
    void theRealFileCoversTheLocationsAndNationalitiesReliedOn() {
        for (String code : List.of("MM", "KH", "LA", "TH", "PH", "VN", "CN", "HK", "TW")) {
            assertTrue(real.locations().contains(code), "location " + code);
        }
        for (String code : List.of("CN", "HK", "TW", "MY", "PH", "ID", "VN", "IN", "KE")) {
            assertTrue(real.nationalities().contains(code), "nationality " + code);
        }
    }

    @Test
    void numbersSourcedFromLibphonenumbersDataAreEmergencyNumbersThere() {
        ShortNumberInfo shortNumbers = ShortNumberInfo.getInstance();
        List<HelpContact> fromMetadata = real.contacts().stream()
                .filter(c -> c.source().contains("libphonenumber")).toList();
        assertFalse(fromMetadata.isEmpty());
        for (HelpContact c : fromMetadata) {
            DialNumber p = c.phone().orElseThrow();
            assertTrue(shortNumbers.isEmergencyNumber(p.dial(), p.region()), c.id());
            assertTrue(c.confidence() != Confidence.HIGH, c.id() + ": a data file is not the body's own page");
        }
    }

    @Test
    void everyCountryKindAndConfidenceHasTextInAllThreeLanguages() {
        Messages messages = Messages.load(Path.of("messages"));
        for (Language l : Language.values()) {
            real.countries().forEach(c -> assertTrue(messages.has(l, "contacts.country." + c.code()),
                    l + " contacts.country." + c.code()));
            for (ContactKind k : ContactKind.values()) {
                assertTrue(messages.has(l, "contacts.kind." + k.id()), l + " " + k.id());
            }
            for (Confidence c : Confidence.values()) {
                assertTrue(messages.has(l, "contacts.confidence." + c.id()), l + " " + c.id());
            }
            for (String key : List.of("contacts.ask.location", "contacts.ask.nationality", "contacts.verified",
                    "contacts.source", "contacts.advice.no_ransom", "contacts.advice.report",
                    "contacts.advice.evidence", "contacts.note.location_unknown", "contacts.note.location_not_listed",
                    "contacts.note.nationality_unknown", "contacts.note.nationality_not_listed",
                    "contacts.note.no_embassy_listed", "contacts.note.low_confidence")) {
                assertTrue(messages.has(l, key), l + " " + key);
            }
        }
    }

    @Test
    void theJarCarriesTheSameFile() throws IOException {
        assertEquals(real.contacts().size(), new ContactsLoader(Clock.systemUTC()).loadBundled().contacts().size());
    }

    private static final String VALID = """
            countries:
              - code: TH
                names: [泰国, Thailand]
                citizens: [泰国人, Thai]
            places:
              - id: mae_sot
                country: TH
                name: {en: Mae Sot, zh-Hans: 湄索, zh-Hant: 湄索}
                aliases: [湄索, Mae Sot]
            contacts:
              - id: th-tourist-police
                kind: police
                location: TH
                nationality: any
                phone: "1155"
                label: {en: Tourist police, zh-Hans: 旅游警察, zh-Hant: 觀光警察}
                source: https://example.org/police
                verified: 2026-11-01
                confidence: medium
            """;

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("missing source", VALID.replace("    source: https://example.org/police\n", ""), 11,
                        "'source' is missing"),
                Arguments.of("bad number", VALID.replace("\"1155\"", "\"+66 12\""), 15, "+66 12"),
                Arguments.of("letters in number", VALID.replace("\"1155\"", "\"11 POLICE\""), 15, "only digits"),
                Arguments.of("bad date", VALID.replace("2026-11-01", "1 Nov 2026"), 18, "not an ISO date"),
                Arguments.of("future date", VALID.replace("2026-11-01", "2027-01-01"), 18, "in the future"),
                Arguments.of("bad confidence", VALID.replace("confidence: medium", "confidence: sure"), 19,
                        "high, medium or low"),
                Arguments.of("unknown kind", VALID.replace("kind: police", "kind: cops"), 12, "unknown kind 'cops'"),
                Arguments.of("unknown country", VALID.replace("location: TH", "location: XX"), 13,
                        "location 'XX'"),
                Arguments.of("missing language", VALID.replace(", zh-Hant: 觀光警察", ""), 16, "lacks zh-Hant"),
                Arguments.of("misspelt field", VALID.replace("verified:", "verfied:"), 18, "unknown field 'verfied'"),
                Arguments.of("no phone or link", VALID.replace("    phone: \"1155\"\n", ""), 11, "phone or a link"),
                Arguments.of("one name for two things", VALID.replace("aliases: [湄索, Mae Sot]",
                        "aliases: [湄索, 泰國]"), 9, "泰國"),
                Arguments.of("yaml syntax", VALID.replace("names: [泰国, Thailand]", "names: [泰国, Thailand"), 4,
                        "not valid YAML"),
                Arguments.of("missing section", VALID.substring(0, VALID.indexOf("contacts:")), 1,
                        "'contacts' is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileFailsWithFileLineAndReason(String name, String yaml, int line, String reason,
                                               @TempDir Path dir) throws IOException {
        Path file = dir.resolve("contacts.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        ConfigException e = assertThrows(ConfigException.class, () -> new ContactsLoader(NOW).load(file));
        assertEquals(file.toString(), e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), e.getMessage());
    }

    @Test
    void theValidSampleLoads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("contacts.yaml");
        Files.writeString(file, VALID, StandardCharsets.UTF_8);
        HelpDirectory d = new ContactsLoader(NOW).load(file);
        assertEquals(1, d.contacts().size());
        assertEquals("tel:1155", d.contacts().get(0).phone().orElseThrow().telUri());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> new ContactsLoader(NOW).load(file));
        assertTrue(e.getMessage().startsWith(file + ": cannot read"), e.getMessage());
    }
}
