package org.jobguard.checker;

import java.util.List;
import java.util.Objects;

/**
 * One place of the gazetteer.
 *
 * @param id             stable id, such as {@code sihanoukville}
 * @param kind           what a job there suggests
 * @param country        ISO 3166-1 alpha-2 code of the country or territory it lies in ({@code HK}, {@code TW} apart)
 * @param names          every spelling that means this place wherever it stands: Simplified, Traditional, English,
 *                       pinyin, abbreviations (matching normalizes them like the text, so one of 臺中/台中 would do)
 * @param ambiguousNames spellings that are also ordinary words or names (缅, 老, 菲, KK, 木牌): they count only
 *                       where the text around them says a place is meant, see {@link Gazetteer}
 */
public record PlaceEntry(String id, PlaceKind kind, String country, List<String> names, List<String> ambiguousNames) {
    public PlaceEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(country, "country");
        names = List.copyOf(names);
        ambiguousNames = List.copyOf(ambiguousNames);
        if (names.isEmpty() && ambiguousNames.isEmpty()) {
            throw new IllegalArgumentException(id + " has no names");
        }
    }

    public PlaceEntry(String id, PlaceKind kind, String country, List<String> names) {
        this(id, kind, country, names, List.of());
    }
}
