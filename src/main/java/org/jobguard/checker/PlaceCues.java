package org.jobguard.checker;

import java.util.List;

/**
 * The words around an ambiguous place name that say a place is meant, and words that merely contain a place name.
 *
 * @param before    travel and recruitment words right before a place: 去, 在, 到, 飞, 招, in, to
 * @param after     work words right after a place: 工作, 上班, 发展, 打工
 * @param notPlaces ordinary words that contain or overlap a place name (平台 against 台中 in 平台中, 老板, 迪士尼,
 *                  夸下海口): they take their characters away from the place like a longer name would
 */
public record PlaceCues(List<String> before, List<String> after, List<String> notPlaces) {
    public PlaceCues {
        before = List.copyOf(before);
        after = List.copyOf(after);
        notPlaces = List.copyOf(notPlaces);
    }

    public static PlaceCues none() {
        return new PlaceCues(List.of(), List.of(), List.of());
    }
}
