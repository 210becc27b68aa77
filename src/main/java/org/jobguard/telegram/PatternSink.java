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
