package org.jobguard.telegram;

import org.jobguard.checker.Language;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the bot hands what it checked and "this is wrong" reports; {@code App} adapts the pattern service.
 * The service redacts and hashes; the bot never writes anything itself.
 */
public interface PatternSink {
    /**
     * Counts a checked message and, when it is flagged, stores its anonymized pattern; called after the
     * reply is sent and before the update is acknowledged.
     *
     * @param sender an opaque key of the sender (the bot passes its keyed hash of the user id), kept by the
     *               sink in memory only so that /forget can find what was just sent
     * @return the stored pattern's id when one was stored, for a later report about the same message
     * @throws RuntimeException when it could not be kept (the store failed): the update is handled again
     */
    Optional<Long> record(Verdict verdict, String text, boolean forwarded, String sender);

    /**
     * The message recorded as {@code earlierId} (or counted without being stored, when empty) grew: an album's
     * next picture was read. What was stored for it gives way to the whole text's pattern, when that is flagged;
     * the message stays counted once.
     *
     * @return the stored pattern's id when one was stored
     * @throws RuntimeException when it could not be kept, as {@link #record}
     */
    Optional<Long> replace(Optional<Long> earlierId, Verdict verdict, String text, boolean forwarded, String sender);

    /** A user said the verdict was wrong (a false alarm, or a missed scam when risk was low or none). */
    void reportWrong(Optional<Long> recordId, List<String> ruleIds, Risk risk, Language language);

    /** /forget: deletes what {@code sender} sent within {@link #forgetWindow()}; returns how many records. */
    int forget(String sender);

    /**
     * A recruiter contact of {@code text} that at least two reports moderators confirmed as scams carry (compared
     * as keyed hashes); empty when none, or when the store cannot say.
     */
    default Optional<org.jobguard.patterns.ConfirmedContact> confirmedContact(String text) {
        return Optional.empty();
    }

    /** How far back /forget reaches; older records are linked to nobody. */
    Duration forgetWindow();
}
