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
}
