package org.jobguard.contacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who to call for a person in a given country with a given citizenship.
 * <p>
 * A contact applies when its location is the person's location or {@code any} (or the person's home, for lines
 * the family can call from there) and its nationality is the person's nationality or {@code any}. So the answer
 * for a Chinese citizen in Myanmar holds Myanmar's police and hotlines, China's embassy in Myanmar if listed,
 * China's consular hotline and the police and anti-fraud lines the family can call at home. Whatever is unknown
 * is left out and explained by a note, never guessed.
 */
public final class HelpDirectory {

    private final List<Country> countries;
    private final List<Place> places;
    private final List<HelpContact> contacts;
    private final PlaceFinder finder;

    public HelpDirectory(List<Country> countries, List<Place> places, List<HelpContact> contacts) {
        this.countries = List.copyOf(countries);
        this.places = List.copyOf(places);
        this.contacts = List.copyOf(contacts);
        this.finder = new PlaceFinder(this.countries, this.places);
    }

    /** Contacts for a person in {@code location} (country code) who is a citizen of {@code nationality}. */
    public HelpAnswer lookup(Optional<String> location, Optional<String> nationality) {
        return lookup(location, Optional.empty(), nationality);
    }

    public HelpAnswer lookup(Mention mention) {
        return lookup(mention.location(), mention.place(), mention.nationality());
    }

    /** Finds the place and nationality named in a relative's message and looks them up. */
    public HelpAnswer answer(String text) {
        return answer(text, List.of());
    }

    /**
     * As {@link #answer(String)}; when the text names no place this directory knows by name, the first of
     * {@code countriesNamed} it has contacts for (the checker's gazetteer reads 柬 on its own, and flags).
     */
    public HelpAnswer answer(String text, List<String> countriesNamed) {
        Mention m = finder.find(text);
        if (m.location().isEmpty()) {
            for (String code : countriesNamed) {
                if (isKnown(code)) {
                    return lookup(new Mention(Optional.of(code), Optional.empty(), m.nationality()));
                }
            }
        }
        return lookup(m);
    }

    private HelpAnswer lookup(Optional<String> location, Optional<Place> place, Optional<String> nationality) {
        Optional<String> where = location.filter(this::isKnown);
        Optional<String> who = nationality.filter(this::isKnown);
        List<HelpContact> found = new ArrayList<>();
        for (HelpContact c : contacts) {
            if (c.appliesTo(where, who)) {
                found.add(c);
            }
        }
        // Within a kind, the line where the person is comes before the one at home: Myanmar's police, then 110.
        found.sort(Comparator.comparing(HelpContact::kind)
                .thenComparing(c -> !where.map(c.location()::equals).orElse(false))
                .thenComparing(HelpContact::confidence));
        List<HelpContact> unique = withoutRepeatedNumbers(found);

        List<String> notes = new ArrayList<>();
        if (where.isEmpty()) {
            notes.add(location.isPresent() ? "contacts.note.location_not_listed" : "contacts.note.location_unknown");
        }
        if (who.isEmpty()) {
            notes.add(nationality.isPresent() ? "contacts.note.nationality_not_listed"
                    : "contacts.note.nationality_unknown");
        }
        if (where.isPresent() && who.isPresent() && !where.equals(who)
                && unique.stream().noneMatch(c -> c.kind() == ContactKind.EMBASSY)) {
            notes.add("contacts.note.no_embassy_listed");
        }
        if (unique.stream().anyMatch(c -> c.confidence() == Confidence.LOW)) {
            notes.add("contacts.note.low_confidence");
        }
        Optional<Place> placeThere = place.filter(p -> where.equals(Optional.of(p.country())));
        return new HelpAnswer(where, placeThere, who, unique, notes, HelpAnswer.ADVICE);
    }

    /** The same line listed for two reasons (110 for people in China and for their family) is shown once. */
    private static List<HelpContact> withoutRepeatedNumbers(List<HelpContact> sorted) {
        Set<String> seen = new HashSet<>();
        List<HelpContact> out = new ArrayList<>();
        for (HelpContact c : sorted) {
            String key = c.phone().map(p -> p.region() + ":" + p.dial()).orElseGet(() -> c.link().orElseThrow());
            if (seen.add(key)) {
                out.add(c);
            }
        }
        return out;
    }

    private boolean isKnown(String code) {
        return countries.stream().anyMatch(c -> c.code().equals(code));
    }

    /** The place and nationality named in free text. */
    public Mention find(String text) {
        return finder.find(text);
    }

    /** A code ("MM"), name ("缅甸", "Burma") or place ("妙瓦底") as a country code. */
    public Optional<String> country(String nameOrCode) {
        return finder.country(nameOrCode);
    }

    /**
     * Countries with contacts for people who are there, in the order of the countries section (compound countries
     * first): the answers to "where is the person?".
     */
    public List<String> locations() {
        Set<String> codes = new HashSet<>();
        contacts.stream().map(HelpContact::location).forEach(codes::add);
        return countries.stream().map(Country::code).filter(codes::contains).toList();
    }

    /** Countries with contacts for their own citizens, in the same order: the answers to "whose citizen are they?". */
    public List<String> nationalities() {
        Set<String> codes = new HashSet<>();
        contacts.stream().map(HelpContact::nationality).forEach(codes::add);
        contacts.stream().filter(HelpContact::familyAtHome).map(HelpContact::location).forEach(codes::add);
        return countries.stream().map(Country::code).filter(codes::contains).toList();
    }

    /** Entries last verified more than {@code days} days before {@code today}, oldest first. */
    public List<HelpContact> stale(LocalDate today, int days) {
        return contacts.stream()
                .filter(c -> c.ageInDays(today) > days)
                .sorted(Comparator.comparing(HelpContact::verified).thenComparing(HelpContact::id))
                .toList();
    }

    public List<HelpContact> contacts() {
        return contacts;
    }

    public List<Country> countries() {
        return countries;
    }

    public List<Place> places() {
        return places;
    }
}
