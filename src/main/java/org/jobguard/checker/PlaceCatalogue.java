package org.jobguard.checker;

import java.util.List;

/** Everything {@code config/places.yaml} holds, as loaded; a {@link Gazetteer} is built from it. */
public record PlaceCatalogue(List<PlaceEntry> entries, PlaceCues cues) {
    public PlaceCatalogue {
        entries = List.copyOf(entries);
    }
}
