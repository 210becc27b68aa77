package org.jobguard.checker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The foreign countries a verdict names, for the help contacts: the gazetteer's reading, hubs first. */
class CountriesNamedTest {
    private final RedFlagChecker checker = TestModels.shippedChecker();

    @Test
    void aFlagAOneCharacterCountryAndAHubNameTheirCountries() {
        assertEquals(List.of("KH"), checker.check("CSR needed 🇰🇭 pm").countriesNamed());
        assertEquals(List.of("KH"), checker.check("柬 缺人 底薪+提 私我").countriesNamed());
        // the hub's country comes before the transit city's, whatever the order in the text
        assertEquals(List.of("MM", "AE"), checker.check("先飞迪拜，再转到妙瓦底上班，包机票").countriesNamed());
    }

    @Test
    void aJobAtHomeNamesNoForeignCountry() {
        assertEquals(List.of(), checker.check("深圳龙华电子厂急招普工，包吃包住，月入8000").countriesNamed());
        assertEquals(List.of(), checker.check("").countriesNamed());
    }
}
