package org.jobguard.contacts;

import java.util.Optional;

/**
 * Where a person is and whose citizen they are, as far as a piece of free text says.
 *
 * @param location    country code of the place named, from {@code place} when a town or zone was named
 * @param place       the town or zone, when one was named rather than only a country
 * @param nationality country code of the citizenship named ("我是台湾人", "he is Kenyan")
 */
public record Mention(Optional<String> location, Optional<Place> place, Optional<String> nationality) {
    public static final Mention NONE = new Mention(Optional.empty(), Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return location.isEmpty() && nationality.isEmpty();
    }
}
