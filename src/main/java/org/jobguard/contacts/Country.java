package org.jobguard.contacts;

import java.util.List;

/**
 * A country or territory the directory knows, with the words people use for it.
 * Display names live in the messages files under {@code contacts.country.<code>}.
 *
 * @param code     ISO 3166-1 alpha-2 code (HK and TW are listed on their own)
 * @param names    names and variants that mean "in this place", any of the three languages
 * @param citizens words that mean "a citizen of this place" (中国人, 台灣人, Filipino)
 */
public record Country(String code, List<String> names, List<String> citizens) {
    public Country {
        names = List.copyOf(names);
        citizens = List.copyOf(citizens);
    }
}
