package org.jobguard.checker;

import java.util.List;

/** Finds the places a normalized text names ({@link Gazetteer} does, from {@code config/places.yaml}). */
@FunctionalInterface
public interface Places {
    Places NONE = text -> List.of();

    /** The places named, in text order, with their spans in the normalized text. */
    List<PlaceMention> find(NormalizedText text);

    /** The kinds of place among {@code mentions}, as a bit set of the risk model's {@link FeatureSpace.Zone}s. */
    static int zones(List<PlaceMention> mentions) {
        int zones = 0;
        for (PlaceMention m : mentions) {
            FeatureSpace.Zone z = switch (m.kind()) {
                case HUB -> FeatureSpace.Zone.HUB;
                case RISKY_COUNTRY -> FeatureSpace.Zone.RISKY_COUNTRY;
                case ABROAD_OTHER -> FeatureSpace.Zone.ABROAD;
                case DOMESTIC_CN, DOMESTIC_TW, DOMESTIC_HK, DOMESTIC_OTHER -> FeatureSpace.Zone.DOMESTIC;
            };
            zones |= 1 << z.ordinal();
        }
        return zones;
    }
}
