package org.jobguard.contacts;

import org.jobguard.config.ContactsLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceFinderTest {

    private static HelpDirectory directory;

    @BeforeAll
    static void loadRealFile() {
        directory = new ContactsLoader(Clock.systemUTC()).load(Path.of("config", "contacts.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/contacts/mentions.csv", delimiter = '|')
    void findsPlaceAndNationalityInFreeText(String text, String location, String place, String nationality) {
        Mention m = directory.find(text);
        assertEquals(Optional.ofNullable(location), m.location(), "location of: " + text);
        assertEquals(Optional.ofNullable(place), m.place().map(Place::id), "place of: " + text);
        assertEquals(Optional.ofNullable(blankToNull(nationality)), m.nationality(), "nationality of: " + text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Test
    void countryOptionAcceptsCodesNamesAndPlaces() {
        assertEquals(Optional.of("MM"), directory.country("mm"));
        assertEquals(Optional.of("MM"), directory.country("缅甸"));
        assertEquals(Optional.of("MM"), directory.country("Myawaddy"));
        assertEquals(Optional.of("TW"), directory.country("台灣人"));
        assertEquals(Optional.of("IN"), directory.country("IN"));
        assertEquals(Optional.empty(), directory.country("Atlantis"));
    }

    @Test
    void codesAreNotReadAsWordsInFreeText() {
        // "in" and "my" are English words, not India and Malaysia
        assertTrue(directory.find("my son is in a compound").isEmpty());
    }

    @Test
    void oneSpellingForTwoThingsIsRejected() {
        List<Country> countries = List.of(
                new Country("MM", List.of("缅甸"), List.of("缅甸人")),
                new Country("LA", List.of("老挝"), List.of("老挝人")));
        List<Place> places = List.of(new Place("x", "LA", Map.of(
                org.jobguard.checker.Language.EN, "X", org.jobguard.checker.Language.ZH_HANS, "X",
                org.jobguard.checker.Language.ZH_HANT, "X"), List.of("緬甸")));
        PlaceFinder.AmbiguousNameException e = assertThrows(PlaceFinder.AmbiguousNameException.class,
                () -> new PlaceFinder(countries, places));
        assertEquals("緬甸", e.name());
    }
}
