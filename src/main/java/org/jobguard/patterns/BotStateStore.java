package org.jobguard.patterns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The bot's state that instances sharing a store must agree on (tables of {@code V5__bot_state_shared_by_instances}):
 * claims on update ids, users' choices and reply links, keyed by hashes the bot makes. Writes go through the store's
 * writer, so on PostgreSQL they take their turn with the other instances' writes.
 */
public final class BotStateStore {
    /**
     * A running claim not renewed for this long belongs to an instance that stopped while handling it: another may
     * take it over. The instance handling an update renews its claim every {@link #RENEW_EVERY}.
     */
    public static final Duration CLAIM_LEASE = Duration.ofSeconds(10);
    public static final Duration RENEW_EVERY = Duration.ofSeconds(3);
    /** Handled update ids are kept this long; Telegram redelivers within minutes and gives up within a day. */
    static final Duration HANDLED_KEPT = Duration.ofDays(2);
    /** Telegram lets a bot edit its messages for 48 hours; a reply link is useless after that. */
    static final Duration REPLIES_KEPT = Duration.ofDays(2);

    public enum Claim {
        MINE,
        /** mine: the instance that claimed it first stopped before it was done (its reply may have been sent) */
        TAKEN_OVER,
        HANDLED,
        TAKEN
    }

    /** @param language a language tag, or null */
    public record Choices(String language, boolean discreet, long deleteAfterSeconds) {
    }

    private final Database db;
    private final Clock clock;

    BotStateStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Claims an update for the instance whose chat-lock session is {@code ownerSession} ({@link ChatLocks#session}).
     * A running claim is taken over when its lease ran out or, on PostgreSQL, when its owner's session is gone: the
     * server closed the connection of an instance that was killed, so it is not handling the update any more.
     */
    public Claim claimUpdate(long updateId, long ownerSession) {
        return db.write(c -> {
            long now = clock.millis();
            try (PreparedStatement st = c.prepareStatement("INSERT INTO bot_update (update_id, state, claimed_at, owner_session)"
                    + " VALUES (?, 'running', ?, ?) ON CONFLICT DO NOTHING")) {
                st.setLong(1, updateId);
                st.setLong(2, now);
                st.setLong(3, ownerSession);
                if (st.executeUpdate() == 1) {
                    return Claim.MINE;
                }
            }
            String ownerGone = db.dialect() == Dialect.POSTGRESQL
                    ? " OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = bot_update.owner_session)" : "";
            try (PreparedStatement st = c.prepareStatement("UPDATE bot_update SET claimed_at = ?, owner_session = ?"
                    + " WHERE update_id = ? AND state = 'running' AND (claimed_at < ? OR owner_session IS NULL" + ownerGone + ")")) {
                st.setLong(1, now);
                st.setLong(2, ownerSession);
                st.setLong(3, updateId);
                st.setLong(4, now - CLAIM_LEASE.toMillis());
                if (st.executeUpdate() == 1) {
                    return Claim.TAKEN_OVER;
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT state FROM bot_update WHERE update_id = ?")) {
                st.setLong(1, updateId);
                try (ResultSet r = st.executeQuery()) {
                    // gone between the statements cannot happen: this transaction holds the store's write turn
                    return r.next() && "done".equals(r.getString(1)) ? Claim.HANDLED : Claim.TAKEN;
                }
            }
        });
    }

    /** Renews the lease of claims this instance is still working on, so that no other instance takes them over. */
    public void renewClaims(java.util.Collection<Long> updateIds) {
        if (updateIds.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE bot_update SET claimed_at = ? WHERE update_id = ? AND state = 'running'")) {
                for (long id : updateIds) {
                    st.setLong(1, clock.millis());
                    st.setLong(2, id);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    public void updateHandled(long updateId) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE bot_update SET state = 'done' WHERE update_id = ?")) {
                st.setLong(1, updateId);
                st.executeUpdate();
            }
            return null;
        });
    }

    public void releaseUpdate(long updateId) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM bot_update WHERE update_id = ? AND state = 'running'")) {
                st.setLong(1, updateId);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** The user's choices; reading them on a new day marks the user seen that day, so they outlive quiet periods only. */
    public Optional<Choices> choices(String userHash) {
        String today = today();
        Optional<String[]> row = db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT language, discreet, delete_after_seconds, last_day FROM user_preference WHERE user_hash = ?")) {
                st.setString(1, userHash);
                try (ResultSet r = st.executeQuery()) {
                    return r.next() ? Optional.of(new String[]{r.getString(1), r.getString(2), r.getString(3), r.getString(4)})
                            : Optional.<String[]>empty();
                }
            }
        });
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String[] r = row.get();
        if (!today.equals(r[3])) {
            db.write(c -> {
                try (PreparedStatement st = c.prepareStatement("UPDATE user_preference SET last_day = ? WHERE user_hash = ?")) {
                    st.setString(1, today);
                    st.setString(2, userHash);
                    st.executeUpdate();
                }
                return null;
            });
        }
        return Optional.of(new Choices(r[0], "1".equals(r[1]), Long.parseLong(r[2])));
    }

    public void saveChoices(String userHash, Optional<Choices> choices) {
        db.write(c -> {
            if (choices.isEmpty()) {
                delete(c, "DELETE FROM user_preference WHERE user_hash = ?", userHash);
                return null;
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO user_preference (user_hash, language, discreet, delete_after_seconds, last_day) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (user_hash) DO UPDATE SET language = excluded.language, discreet = excluded.discreet, "
                            + "delete_after_seconds = excluded.delete_after_seconds, last_day = excluded.last_day")) {
                st.setString(1, userHash);
                st.setString(2, choices.get().language());
                st.setInt(3, choices.get().discreet() ? 1 : 0);
                st.setLong(4, choices.get().deleteAfterSeconds());
                st.setString(5, today());
                st.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Integer> reply(String messageHash) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT reply_message_id FROM reply_index WHERE message_hash = ?")) {
                st.setString(1, messageHash);
                try (ResultSet r = st.executeQuery()) {
                    return r.next() ? Optional.of(r.getInt(1)) : Optional.<Integer>empty();
                }
            }
        });
    }

    public void rememberReply(String messageHash, String userHash, int replyMessageId) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO reply_index (message_hash, user_hash, reply_message_id, day) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (message_hash) DO UPDATE SET reply_message_id = excluded.reply_message_id")) {
                st.setString(1, messageHash);
                st.setString(2, userHash);
                st.setLong(3, replyMessageId);
                st.setString(4, today());
                st.executeUpdate();
            }
            return null;
        });
    }

    public void forgetUser(String userHash) {
        db.write(c -> {
            delete(c, "DELETE FROM user_preference WHERE user_hash = ?", userHash);
            delete(c, "DELETE FROM reply_index WHERE user_hash = ?", userHash);
            return null;
        });
    }

    /**
     * Deletes handled update ids and reply links past their use, and the choices of users quiet for
     * {@code rememberFor}. Run daily with the retention purge.
     */
    public void purge(Duration rememberFor) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM bot_update WHERE claimed_at < ?")) {
                st.setLong(1, clock.millis() - HANDLED_KEPT.toMillis());
                st.executeUpdate();
            }
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            delete(c, "DELETE FROM reply_index WHERE day < ?", today.minusDays(REPLIES_KEPT.toDays()).toString());
            delete(c, "DELETE FROM user_preference WHERE last_day < ?", today.minusDays(rememberFor.toDays()).toString());
            return null;
        });
    }

    private String today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
    }

    private static void delete(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, key);
            st.executeUpdate();
        }
    }
}
