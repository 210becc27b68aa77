package org.jobguard.telegram;

import java.util.Optional;

/**
 * What several bot instances behind one webhook must agree on, kept in the store they share (PostgreSQL): which
 * updates were handled, users' /lang and /discreet choices, and which reply answered which message. A single
 * instance has none and keeps all of it in memory. Users are only ever keyed hashes here.
 */
public interface SharedBotState {
    /** What {@link #claimUpdate} found. */
    enum Claim {
        /** this instance handles the update */
        MINE,
        /** an instance handled it already: answer without handling it again */
        HANDLED,
        /** an instance is handling it now: Telegram is asked to send it again later */
        TAKEN
    }

    /** Claims an update; a claim older than the lease (its instance died) is taken over. */
    Claim claimUpdate(int updateId);

    /** The update was handled: a redelivery to any instance is answered without handling it. */
    void updateHandled(int updateId);

    /** Handling failed or stopped here: the redelivery may be handled by any instance. */
    void releaseUpdate(int updateId);

    /** @param language a language tag, or null to follow each message's language */
    record StoredPreferences(String language, boolean discreet, long deleteAfterSeconds) {
    }

    Optional<StoredPreferences> preferences(String userHash);

    /** Keeps the choices (empty: back to the defaults, nothing kept) and the day of the user's last message. */
    void savePreferences(String userHash, Optional<StoredPreferences> preferences);

    Optional<Integer> reply(String messageHash);

    void rememberReply(String messageHash, String userHash, int replyMessageId);

    /** /forget: the user's choices and reply links. */
    void forgetUser(String userHash);
}
