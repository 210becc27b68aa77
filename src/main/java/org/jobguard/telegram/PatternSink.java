package org.jobguard.telegram;

import org.jobguard.checker.Language;
import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;

import java.util.List;
import java.util.Optional;

/**
 * Where the bot hands flagged messages and "this is wrong" reports; {@code App} adapts the pattern store.
 * The store redacts and hashes; the bot never writes anything itself.
 */
public interface PatternSink {
    /**
     * Stores the anonymized pattern of a flagged message, before the reply is sent.
     *
     * @return the stored record's id, for a later report about the same message
     */
    Optional<Long> record(Verdict verdict, String text, boolean forwarded);

    /**
     * As {@link #record(Verdict, String, boolean)}, and links the stored record to the user's hash in memory
     * only, for a limited time, so that /forget can delete it.
     */
    default Optional<Long> record(Verdict verdict, String text, boolean forwarded, String userHash) {
        return record(verdict, text, forwarded);
    }

    /** Deletes the stored records still linked in memory to this user; returns how many (0 when none). */
    default int forget(String userHash) {
        return 0;
    }

    /** A user said the verdict was wrong (a false alarm, or a missed scam when risk was low or none). */
    void reportWrong(Optional<Long> recordId, List<String> ruleIds, Risk risk, Language language);

    static PatternSink none() {
        return new PatternSink() {
            @Override
            public Optional<Long> record(Verdict verdict, String text, boolean forwarded) {
                return Optional.empty();
            }

            @Override
            public void reportWrong(Optional<Long> recordId, List<String> ruleIds, Risk risk, Language language) {
                // nothing stores reports in this configuration
            }
        };
    }
}
