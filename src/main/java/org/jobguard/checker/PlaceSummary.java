package org.jobguard.checker;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The places of one message reduced to what scoring asks: how many different places of each kind it names, and
 * which countries. Counted per place, not per mention, so repeating 西港 ten times does not weigh ten times.
 *
 * @param hubs           different compound hubs named
 * @param riskyCountries different risky countries (or places in them that are not hubs) named
 * @param abroadOther    different other foreign places named
 * @param domestic       different domestic places named, of any of the domestic kinds
 * @param countries      the countries of all of them, sorted
 */
public record PlaceSummary(int hubs, int riskyCountries, int abroadOther, int domestic, List<String> countries) {
    public static final PlaceSummary NONE = new PlaceSummary(0, 0, 0, 0, List.of());

    public PlaceSummary {
        countries = List.copyOf(countries);
    }

    public static PlaceSummary of(List<PlaceMention> mentions) {
        if (mentions.isEmpty()) {
            return NONE;
        }
        Set<String> seen = new HashSet<>();
        Set<String> countries = new TreeSet<>();
        int hubs = 0;
        int risky = 0;
        int abroad = 0;
        int domestic = 0;
        for (PlaceMention m : mentions) {
            countries.add(m.country());
            if (!seen.add(m.id())) {
                continue;
            }
            switch (m.kind()) {
                case HUB -> hubs++;
                case RISKY_COUNTRY -> risky++;
                case ABROAD_OTHER -> abroad++;
                default -> domestic++;
            }
        }
        return new PlaceSummary(hubs, risky, abroad, domestic, List.copyOf(countries));
    }

    public boolean hasHub() {
        return hubs > 0;
    }

    public boolean hasRiskyCountry() {
        return riskyCountries > 0;
    }

    public boolean hasAbroadOther() {
        return abroadOther > 0;
    }

    public boolean hasDomestic() {
        return domestic > 0;
    }

    /** Any foreign place of the three foreign kinds; domestic_other is not among them (see {@link PlaceKind}). */
    public boolean abroad() {
        return hubs + riskyCountries + abroadOther > 0;
    }
}
