package org.jobguard.checker;

/** Which kinds of place a text names, as a bit set of {@link FeatureSpace.Zone} ordinals. */
@FunctionalInterface
public interface PlaceZones {
    PlaceZones NONE = text -> 0;

    int zones(NormalizedText text);
}
