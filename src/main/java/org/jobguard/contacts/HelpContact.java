package org.jobguard.contacts;

import org.jobguard.checker.Language;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One help line, embassy or organisation from contacts.yaml.
 *
 * @param location    country code where the person must be for this contact to apply, or {@link #ANY}
 * @param nationality country code of the citizens it serves, or {@link #ANY} for everyone
 * @param familyAtHome the line also serves citizens of {@code location} who are abroad, because their family at
 *                    home can call it (China's 110 for a son held in Myanmar)
 * @param phone       number to call; at least one of phone and link is present
 * @param link        http(s) address of a web page, form or messenger link, checked by the loader
 * @param label       what it is for, in every language
 * @param source      public URL or document the entry was checked against
 * @param verified    day the entry was last checked against its source
 */
public record HelpContact(String id, ContactKind kind, String location, String nationality, boolean familyAtHome,
                          Optional<DialNumber> phone, Optional<String> link, Map<Language, String> label,
                          String source, LocalDate verified, Confidence confidence) {

    public static final String ANY = "any";

    public HelpContact {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(location);
        Objects.requireNonNull(nationality);
        Objects.requireNonNull(source);
        Objects.requireNonNull(verified);
        Objects.requireNonNull(confidence);
        if (phone.isEmpty() && link.isEmpty()) {
            throw new IllegalArgumentException(id + ": needs a phone number or a link");
        }
        for (Language l : Language.values()) {
            if (label.get(l) == null || label.get(l).isBlank()) {
                throw new IllegalArgumentException(id + ": label for " + l.tag() + " is missing");
            }
        }
        label = Map.copyOf(new EnumMap<>(label));
    }

    public String label(Language language) {
        return label.get(language);
    }

    /** Whether this contact helps a citizen of {@code nationality} who is in {@code location}. */
    public boolean appliesTo(Optional<String> location, Optional<String> nationality) {
        boolean here = this.location.equals(ANY) || location.map(this.location::equals).orElse(false)
                || (familyAtHome && nationality.map(this.location::equals).orElse(false));
        boolean citizen = this.nationality.equals(ANY) || nationality.map(this.nationality::equals).orElse(false);
        return here && citizen;
    }

    /** Days since the entry was last verified, as of {@code today}. */
    public long ageInDays(LocalDate today) {
        return ChronoUnit.DAYS.between(verified, today);
    }
}
