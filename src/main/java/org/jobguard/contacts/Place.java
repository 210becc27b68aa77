package org.jobguard.contacts;

import org.jobguard.checker.Language;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A town, zone or area inside a country that people name instead of the country (妙瓦底, 西港, KK园区).
 *
 * @param id      stable id, such as {@code myawaddy}
 * @param country code of the country it lies in
 * @param name    display name with its region, in every language ("Myawaddy, Karen State")
 * @param aliases spellings and variants in any of the three languages
 */
public record Place(String id, String country, Map<Language, String> name, List<String> aliases) {
    public Place {
        for (Language l : Language.values()) {
            if (name.get(l) == null || name.get(l).isBlank()) {
                throw new IllegalArgumentException(id + ": name for " + l.tag() + " is missing");
            }
        }
        name = Map.copyOf(new EnumMap<>(name));
        aliases = List.copyOf(aliases);
    }

    public String name(Language language) {
        return name.get(language);
    }
}
