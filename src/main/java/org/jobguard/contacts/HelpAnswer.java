package org.jobguard.contacts;

import java.util.List;
import java.util.Optional;

/**
 * The contacts for one person: where they are and whose citizen they are, the numbers in the order to
 * try them, and notes on what is missing.
 *
 * @param noteKeys   message keys explaining gaps ({@code contacts.note.*}), to show above the list
 * @param adviceKeys message keys of the advice for relatives ({@code contacts.advice.*}), in order
 */
public record HelpAnswer(Optional<String> location, Optional<Place> place, Optional<String> nationality,
                         List<HelpContact> contacts, List<String> noteKeys, List<String> adviceKeys) {

    public static final List<String> ADVICE = List.of(
            "contacts.advice.no_ransom", "contacts.advice.report", "contacts.advice.evidence");

    public HelpAnswer {
        contacts = List.copyOf(contacts);
        noteKeys = List.copyOf(noteKeys);
        adviceKeys = List.copyOf(adviceKeys);
    }

    /**
     * The same answer for someone who is not where the person is (a parent at home, a job seeker who has not left):
     * first the numbers anyone can dial from anywhere (the embassy, international hotlines, the place's full
     * numbers), then the short codes of the person's own country (which the family at home can dial), last the
     * place's short codes, which work only when dialled there. Otherwise in the directory's order.
     */
    public HelpAnswer reachableFromAbroadFirst() {
        List<HelpContact> sorted = new java.util.ArrayList<>(contacts);
        sorted.sort(java.util.Comparator.comparingInt(this::reach));
        return new HelpAnswer(location, place, nationality, sorted, noteKeys, adviceKeys);
    }

    private int reach(HelpContact c) {
        if (c.phone().isEmpty() || !c.phone().get().shortCode()) {
            return 0;
        }
        String region = c.phone().get().region();
        return nationality.map(region::equals).orElse(false) || location.map(l -> !l.equals(region)).orElse(false)
                ? 1 : 2;
    }

    /** Whether the person's place or citizenship is still unknown, so that asking for them gives better numbers. */
    public boolean incomplete() {
        return location.isEmpty() || nationality.isEmpty();
    }
}
