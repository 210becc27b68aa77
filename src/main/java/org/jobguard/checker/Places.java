package org.jobguard.checker;

import java.util.List;

/** Finds the places a normalized text names ({@link Gazetteer} does, from {@code config/places.yaml}). */
@FunctionalInterface
public interface Places {
    Places NONE = text -> List.of();

    /** The places named, in text order, with their spans in the normalized text. */
    List<PlaceMention> find(NormalizedText text);

    /**
     * Countries whose compound hubs are where their own people work at home: the Manila-area POGO sites recruited
     * Chinese workers, while a Filipino reads "Makati" in an English ad as a commute.
     */
    java.util.Set<String> RISKY_ONLY_FOR_CHINESE = java.util.Set.of("PH");

    /**
     * The kinds of place among {@code mentions}, as a bit set of the risk model's {@link FeatureSpace.Zone}s; in an
     * English text a place in {@link #RISKY_ONLY_FOR_CHINESE} counts as domestic. The cities English ads name for
     * work at home (London, Nairobi, Colombo, Cebu) are abroad in a Chinese text, and Cebu is in a risky country
     * there: "工作地点：短期远程，未来胡志明/科伦坡" had read as a job at home.
     */
    static int zones(List<PlaceMention> mentions, boolean chinese) {
        int zones = 0;
        for (PlaceMention m : mentions) {
            FeatureSpace.Zone z = !chinese && RISKY_ONLY_FOR_CHINESE.contains(m.country())
                    ? FeatureSpace.Zone.DOMESTIC
                    : switch (m.kind()) {
                case HUB -> FeatureSpace.Zone.HUB;
                case RISKY_COUNTRY -> FeatureSpace.Zone.RISKY_COUNTRY;
                case ABROAD_OTHER -> FeatureSpace.Zone.ABROAD;
                case DOMESTIC_CN, DOMESTIC_TW, DOMESTIC_HK -> FeatureSpace.Zone.DOMESTIC;
                case DOMESTIC_OTHER -> !chinese ? FeatureSpace.Zone.DOMESTIC
                        : RISKY_ONLY_FOR_CHINESE.contains(m.country()) ? FeatureSpace.Zone.RISKY_COUNTRY
                        : FeatureSpace.Zone.ABROAD;
                    };
            zones |= 1 << z.ordinal();
        }
        return zones;
    }
}
