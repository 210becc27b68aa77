package org.jobguard.telegram;

import java.time.Duration;
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
        /**
         * this instance handles the update, which an instance that stopped (killed, or its database connection lost)
         * had claimed and not finished: its reply may have been sent already
         */
        TAKEN_OVER,
        /** an instance handled it already: answer without handling it again */
        HANDLED,
        /** an instance is handling it now: Telegram is asked to send it again later */
        TAKEN
    }

    /** One chat's turn: while an instance holds it, no other handles an update of that chat. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits up to {@code wait} for the chat's turn among the instances, so that one chat's updates are handled one
     * at a time whichever instance they reach; updates without a chat (key 0) need no turn.
     *
     * @return empty when another instance kept the turn all that time
     */
    Optional<Turn> takeTurn(long chatKey, Duration wait) throws InterruptedException;

    /**
     * Claims an update, within its chat's turn; a claim whose instance stopped (its lease ran out, or its database
     * session is gone) is taken over. A claim is renewed while this instance works on it.
     */
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
