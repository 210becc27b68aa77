package org.jobguard.config;

import org.jobguard.checker.Gazetteer;
import org.jobguard.checker.Normalizer;
import org.jobguard.checker.PlaceCatalogue;
import org.jobguard.checker.PlaceEntry;
import org.jobguard.checker.PlaceKind;
import org.jobguard.checker.PlaceMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacesLoaderTest {
    private static final Normalizer NORMALIZER = new Normalizer();
    private static final String GOOD = """
            context:
              before: {zh-Hans: [去]}
              after: [工作]
              not_places: [老板]
            groups:
              - kind: hub
                country: KH
                source: https://en.wikipedia.org/wiki/Sihanoukville
                places:
                  - id: sihanoukville
                    names: {zh-Hans: [西港], en: [Sihanoukville]}
                  - id: bavet
                    names: [巴域]
                    ambiguous: [木牌]
              - kind: risky_country
                source: https://en.wikipedia.org/wiki/Laos
                places:
                  - id: laos
                    country: LA
                    names: {zh-Hans: [老挝]}
                    ambiguous: [老]
            """;

    @Test
    void readsEntriesWithWhatTheyInheritFromTheirGroup() {
        PlaceCatalogue catalogue = PlacesLoader.read(YamlDocument.parse("places.yaml", GOOD));
        assertEquals(List.of(
                new PlaceEntry("sihanoukville", PlaceKind.HUB, "KH", List.of("西港", "Sihanoukville"), List.of()),
                new PlaceEntry("bavet", PlaceKind.HUB, "KH", List.of("巴域"), List.of("木牌")),
                new PlaceEntry("laos", PlaceKind.RISKY_COUNTRY, "LA", List.of("老挝"), List.of("老"))),
                catalogue.entries());
        assertEquals(List.of("去"), catalogue.cues().before());
        assertEquals(List.of("工作"), catalogue.cues().after());
        assertEquals(List.of("老板"), catalogue.cues().notPlaces());
    }

    @Test
    void buildsAGazetteerThatUsesTheCues() {
        Gazetteer g = PlacesLoader.load(YamlDocument.parse("places.yaml", GOOD), NORMALIZER);
        List<String> found = g.find(NORMALIZER.normalize("老板去老工作，西港")).stream().map(PlaceMention::id).toList();
        assertEquals(List.of("laos", "sihanoukville"), found);
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "id: bavet|id: sihanoukville|12|duplicate place id 'sihanoukville'",
        "id: bavet|id: Bavet|12|place id 'Bavet' must be lower case",
        "kind: risky_country|kind: risky|15|unknown kind 'risky' of place laos",
        "kind: hub|kind: hubs|6|unknown kind 'hubs' of place sihanoukville",
        "names: {zh-Hans: [西港], en: [Sihanoukville]}|names: {zh-Hans: []}|11|place sihanoukville has no names",
        "names: {zh-Hans: [西港], en: [Sihanoukville]}|REMOVE|10|place sihanoukville has no names",
        "names: [巴域]|names: [巴域, '  ']|13|empty name",
        "names: {zh-Hans: [西港], en: [Sihanoukville]}|names: {zh-Hans: [西港], fr: [Sihanoukville]}|11|"
            + "unknown kind of name 'fr'",
        "country: LA|country: Laos|19|country 'Laos' of place laos must be an ISO 3166-1 alpha-2 code",
        "country: KH|REMOVE|6|place sihanoukville has no country",
        "source: https://en.wikipedia.org/wiki/Laos|source: wikipedia|16|source of place laos must be an http(s) address",
        "source: https://en.wikipedia.org/wiki/Laos|REMOVE|15|place laos has no source",
        "ambiguous: [木牌]|ambigous: [木牌]|14|unknown field in place 'ambigous'",
        "names: [巴域]|names: [巴域, Sihanoukville]|13|'Sihanoukville' of bavet is also a name of sihanoukville",
        "names: {zh-Hans: [老挝]}|names: {zh-Hans: [老挝, 巴 域]}|20|'巴 域' of laos is also a name of bavet",
        "ambiguous: [老]|ambiguous: [老, 西港]|21|'西港' of laos is also a name of sihanoukville",
        "not_places: [老板]|not_places: [老板, 西港]|4|'西港' is listed as not a place but is a name of sihanoukville",
        "before: {zh-Hans: [去]}|before: {zh: [去]}|2|unknown language 'zh'",
        "after: [工作]|after: [工作|4|not valid YAML",
        "  - kind: risky_country|  - kind: risky_country\\n    colour: red|16|unknown field in group 'colour'",
    })
    void brokenFilesNameFileLineAndReason(String from, String to, int line, String reason) {
        String broken = to.equals("REMOVE")
                ? GOOD.replaceFirst("(?m)^ *" + java.util.regex.Pattern.quote(from) + "\n", "")
                : GOOD.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertNotEquals(GOOD, broken, "the case changes the file");
        ConfigException e = assertThrows(ConfigException.class,
                () -> PlacesLoader.load(YamlDocument.parse("places.yaml", broken), NORMALIZER));
        assertEquals("places.yaml", e.file());
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
    }

    @Test
    void aFileWithoutGroupsIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> PlacesLoader.read(YamlDocument.parse("places.yaml", "context: {}\n")));
        assertTrue(e.getMessage().contains("'groups' must be a non-empty list"), e.getMessage());
    }

    @Test
    void theShippedFileLoadsWithEveryKind() throws Exception {
        Gazetteer g = PlacesLoader.load(YamlDocument.parse("config/places.yaml",
                Files.readString(Path.of("config/places.yaml"))), NORMALIZER);
        Map<PlaceKind, Integer> perKind = new EnumMap<>(PlaceKind.class);
        g.entries().forEach(e -> perKind.merge(e.kind(), 1, Integer::sum));
        assertTrue(perKind.getOrDefault(PlaceKind.HUB, 0) >= 20, perKind.toString());
        assertTrue(perKind.getOrDefault(PlaceKind.RISKY_COUNTRY, 0) >= 4, perKind.toString());
        assertTrue(perKind.getOrDefault(PlaceKind.ABROAD_OTHER, 0) >= 40, perKind.toString());
        assertTrue(perKind.getOrDefault(PlaceKind.DOMESTIC_CN, 0) >= 130, perKind.toString());
        assertTrue(perKind.getOrDefault(PlaceKind.DOMESTIC_TW, 0) >= 20, perKind.toString());
        assertTrue(perKind.getOrDefault(PlaceKind.DOMESTIC_HK, 0) >= 18, perKind.toString());
        assertTrue(perKind.getOrDefault(PlaceKind.DOMESTIC_OTHER, 0) >= 5, perKind.toString());
    }

    @Test
    void theJarCarriesTheFileWhereConfigFilesLooksForIt() {
        // target/classes is laid out like the jar: pom.xml copies config/ to jobguard/config/
        ConfigFiles noConfigDir = new ConfigFiles(null, null);
        Gazetteer g = PlacesLoader.load(noConfigDir, NORMALIZER);
        assertTrue(g.entries().size() > 300);
        assertTrue(noConfigDir.yamlOrBundled(PlacesLoader.FILE).file().startsWith("classpath:jobguard/config/"));
    }

    @Test
    void aConfigDirectoryWithoutTheFileReadsTheJarsCopy(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.copy(Path.of("config/rules.yaml"), home.resolve("config/rules.yaml"));
        ConfigFiles files = ConfigFiles.locate(Map.of("JOBGUARD_HOME", home.toString()));
        assertTrue(files.yamlOrBundled(PlacesLoader.FILE).file().startsWith("classpath:"));

        Files.writeString(home.resolve("config/places.yaml"), GOOD);
        assertEquals(home.resolve("config/places.yaml").toString(), files.yamlOrBundled(PlacesLoader.FILE).file());
        assertEquals(3, PlacesLoader.load(files, NORMALIZER).entries().size());
    }

    @Test
    void anOperatorsBrokenCopyStopsTheLoadWithItsPath(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.copy(Path.of("config/rules.yaml"), home.resolve("config/rules.yaml"));
        Files.writeString(home.resolve("config/places.yaml"), GOOD.replace("kind: hub", "kind: compound"));
        ConfigFiles files = ConfigFiles.locate(Map.of("JOBGUARD_HOME", home.toString()));
        ConfigException e = assertThrows(ConfigException.class, () -> PlacesLoader.load(files, NORMALIZER));
        assertEquals(home.resolve("config/places.yaml").toString(), e.file());
        assertEquals(6, e.line());
    }
}
