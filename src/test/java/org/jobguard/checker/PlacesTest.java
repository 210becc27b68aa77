package org.jobguard.checker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlacesTest {
    private static int zone(FeatureSpace.Zone z) {
        return 1 << z.ordinal();
    }

    private static PlaceMention at(String id, PlaceKind kind, String country) {
        return new PlaceMention(id, kind, country, 0, 2, false);
    }

    @Test
    void aCityEnglishAdsNameForWorkAtHomeIsAbroadInAChineseText() {
        List<PlaceMention> colombo = List.of(at("lk_colombo", PlaceKind.DOMESTIC_OTHER, "LK"));
        assertEquals(zone(FeatureSpace.Zone.DOMESTIC), Places.zones(colombo, false));
        assertEquals(zone(FeatureSpace.Zone.ABROAD), Places.zones(colombo, true));
    }

    @Test
    void cebuIsHomeToAFilipinoAndARiskyCountryToAChineseReader() {
        List<PlaceMention> cebu = List.of(at("ph_cebu", PlaceKind.DOMESTIC_OTHER, "PH"));
        assertEquals(zone(FeatureSpace.Zone.DOMESTIC), Places.zones(cebu, false));
        assertEquals(zone(FeatureSpace.Zone.RISKY_COUNTRY), Places.zones(cebu, true));
        List<PlaceMention> makati = List.of(at("makati", PlaceKind.HUB, "PH"));
        assertEquals(zone(FeatureSpace.Zone.DOMESTIC), Places.zones(makati, false));
        assertEquals(zone(FeatureSpace.Zone.HUB), Places.zones(makati, true));
    }

    @Test
    void aChineseCityIsHomeInEveryLanguage() {
        List<PlaceMention> shenzhen = List.of(at("cn_shenzhen", PlaceKind.DOMESTIC_CN, "CN"),
                at("hk_kwun_tong", PlaceKind.DOMESTIC_HK, "HK"));
        assertEquals(zone(FeatureSpace.Zone.DOMESTIC), Places.zones(shenzhen, true));
        assertEquals(zone(FeatureSpace.Zone.DOMESTIC), Places.zones(shenzhen, false));
    }
}
