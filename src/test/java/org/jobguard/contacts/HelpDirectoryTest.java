package org.jobguard.contacts;

import org.jobguard.checker.Language;
import org.jobguard.config.ContactsLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpDirectoryTest {

    private static HelpDirectory real;

    @BeforeAll
    static void loadRealFile() {
        real = new ContactsLoader(Clock.systemUTC()).load(Path.of("config", "contacts.yaml"));
    }

    private static List<String> ids(HelpAnswer a) {
        return a.contacts().stream().map(HelpContact::id).toList();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvFileSource(resources = "/contacts/lookups.csv", delimiter = '|')
    void eachPlaceAndNationalityGetsItsOwnLinesInOrder(String location, String nationality, String included,
                                                       String excluded) {
        List<String> ids = ids(real.lookup(Optional.of(location), Optional.of(nationality)));
        List<String> expected = List.of(included.split(" "));
        assertEquals(expected, ids.stream().filter(expected::contains).toList(), "order of " + ids);
        if (excluded != null) {
            for (String id : excluded.split(" ")) {
                assertFalse(ids.contains(id), id + " in " + ids);
            }
        }
    }

    @Test
    void aCountryTheCheckerReadWhereTheTextNamesNoKnownPlaceDecidesTheNumbers() {
        // "柬" alone and a flag are read by the checker's gazetteer, not by the directory's own names
        HelpAnswer a = real.answer("柬 缺人 底薪+提 私我", List.of("XX", "KH"));
        assertEquals(Optional.of("KH"), a.location());
        assertTrue(ids(a).contains("kh-police-117"), ids(a).toString());
        // a place the text names wins over the checker's list
        assertEquals(Optional.of("MM"), real.answer("我儿子在妙瓦底", List.of("KH")).location());
        assertEquals(Optional.empty(), real.answer("柬 缺人", List.of()).location());
    }

    @Test
    void chineseCitizenInLaosGetsLocalPoliceEmbassyHotlineAndHomeLines() {
        HelpAnswer a = real.lookup(Optional.of("LA"), Optional.of("CN"));
        List<String> ids = ids(a);
        assertEquals("la-police-1191", ids.get(0), "the police where the person is come first: " + ids);
        assertTrue(ids.containsAll(List.of("cn-embassy-laos", "cn-consulate-luang-prabang", "cn-consular-hotline",
                "cn-police-110", "cn-anti-fraud-96110")), ids.toString());
        assertTrue(ids.indexOf("la-police-1191") < ids.indexOf("cn-police-110"), "local police before home police");
        assertTrue(ids.indexOf("cn-embassy-laos") < ids.indexOf("cn-consular-hotline"));
        assertFalse(ids.contains("th-tourist-police-1155"), "nothing from other countries");
        assertFalse(ids.contains("hk-immd-1868"), "nothing for other nationalities");
        assertEquals(HelpAnswer.ADVICE, a.adviceKeys());
    }

    @Test
    void taiwaneseInCambodiaGetsTheirEmergencyLineAndANoteAboutTheMissingEmbassy() {
        HelpAnswer a = real.lookup(Optional.of("KH"), Optional.of("TW"));
        assertTrue(ids(a).contains("tw-mofa-emergency"));
        assertFalse(ids(a).contains("cn-embassy-cambodia"));
        assertTrue(a.noteKeys().contains("contacts.note.no_embassy_listed"), a.noteKeys().toString());
    }

    @Test
    void unknownNationalityGivesTheLocationsContactsAndAsks() {
        HelpAnswer a = real.lookup(Optional.of("TH"), Optional.empty());
        assertTrue(ids(a).containsAll(List.of("th-tourist-police-1155", "th-online-crime-1441")), ids(a).toString());
        assertTrue(a.contacts().stream().allMatch(c -> c.nationality().equals(HelpContact.ANY)), ids(a).toString());
        assertEquals(List.of("contacts.note.nationality_unknown"), a.noteKeys());
    }

    @Test
    void unknownLocationGivesTheNationalitysLinesThatWorkFromAnywhere() {
        HelpAnswer a = real.lookup(Optional.empty(), Optional.of("HK"));
        assertEquals(List.of("hk-immd-1868", "hk-adcc-18222"), ids(a));
        assertTrue(a.noteKeys().contains("contacts.note.location_unknown"));
    }

    @Test
    void unlistedCountriesAreNotGuessed() {
        HelpAnswer a = real.lookup(Optional.of("Atlantis"), Optional.of("ZZ"));
        assertEquals(Optional.empty(), a.location());
        assertEquals(Optional.empty(), a.nationality());
        assertTrue(a.noteKeys().containsAll(List.of("contacts.note.location_not_listed",
                "contacts.note.nationality_not_listed")), a.noteKeys().toString());
    }

    @Test
    void theSameNumberListedForTwoReasonsIsShownOnce() {
        HelpAnswer a = real.lookup(Optional.of("CN"), Optional.of("CN"));
        long police110 = a.contacts().stream().filter(c -> c.phone().map(p -> p.dial().equals("110")).orElse(false))
                .count();
        assertEquals(1, police110, ids(a).toString());
        assertFalse(a.noteKeys().contains("contacts.note.no_embassy_listed"), "no embassy needed at home");
    }

    @Test
    void aRelativesSentenceIsAnsweredInOneStep() {
        HelpAnswer a = real.answer("我兒子在妙瓦底，他們要四萬塊，我們是中國人");
        assertEquals(Optional.of("MM"), a.location());
        assertEquals(Optional.of("myawaddy"), a.place().map(Place::id));
        assertEquals(Optional.of("CN"), a.nationality());
        assertTrue(ids(a).contains("cn-consular-hotline"));
    }

    @Test
    void lowConfidenceEntriesComeWithAWarningNote() {
        HelpAnswer a = real.lookup(Optional.of("MM"), Optional.of("ID"));
        assertTrue(ids(a).contains("id-kbri-yangon"));
        assertTrue(a.noteKeys().contains("contacts.note.low_confidence"));
    }

    @Test
    void staleListsOnlyEntriesOlderThanTheLimitOldestFirst() {
        Map<Language, String> label = Map.of(Language.EN, "l", Language.ZH_HANS, "l", Language.ZH_HANT, "l");
        DialNumber police = DialNumber.parse("1155", "TH", false);
        HelpContact old = new HelpContact("old", ContactKind.POLICE, "TH", HelpContact.ANY, false,
                Optional.of(police), Optional.empty(), label, "s", LocalDate.of(2026, 1, 1), Confidence.HIGH);
        HelpContact older = new HelpContact("older", ContactKind.POLICE, "TH", HelpContact.ANY, false,
                Optional.of(police), Optional.empty(), label, "s", LocalDate.of(2025, 6, 1), Confidence.HIGH);
        HelpContact fresh = new HelpContact("fresh", ContactKind.POLICE, "TH", HelpContact.ANY, false,
                Optional.of(police), Optional.empty(), label, "s", LocalDate.of(2026, 11, 1), Confidence.HIGH);
        HelpDirectory d = new HelpDirectory(List.of(new Country("TH", List.of("泰国"), List.of("泰国人"))), List.of(),
                List.of(old, fresh, older));
        List<String> stale = d.stale(LocalDate.of(2026, 11, 26), 180).stream().map(HelpContact::id).toList();
        assertEquals(List.of("older", "old"), stale);
        assertEquals(List.of(), d.stale(LocalDate.of(2026, 11, 26), 600).stream().map(HelpContact::id).toList());
    }

    @Test
    void buttonsOfferEveryCountryWithContacts() {
        assertTrue(real.locations().containsAll(List.of("CN", "HK", "TW", "TH", "KH", "LA")), real.locations().toString());
        assertTrue(real.nationalities().containsAll(List.of("CN", "HK", "TW")), real.nationalities().toString());
    }
}
