package org.jobguard.patterns;

import org.jobguard.checker.Risk;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * The anonymized pattern database, SQLite or PostgreSQL: patterns, their rule hits and indicator hashes, groups of
 * near-duplicates, feedback reports, moderator decisions and rule toggles, and daily counters. It stores what it
 * is given; {@link PatternService} makes sure that is redacted. Thread-safe: writes are serialized on one writer
 * thread, reads use other connections.
 *
 * <p>Its parts: {@link PatternWrites} (what the bot and the web write), {@link Moderation}, {@link DashboardQueries},
 * {@link Statistics} and {@link PatternExport}.
 */
public final class PatternStore implements AutoCloseable {
    /** A rule that fired on a stored message; {@code category} is null for shadow rules. */
    record FiredRule(String ruleId, String category, boolean shadow) {
    }

    record HashedIndicator(String kind, String hash) {
    }

    record NewPattern(String origin, String redactedText, Risk risk, String language, LocalDate day, boolean forwarded,
                      Source source, long simhash, int shingles, List<FiredRule> rules, List<HashedIndicator> indicators) {
    }

    record Stored(long patternId, long groupId) {
    }

    record ConfirmedGroup(long groupId, long simhash, int confirmations) {
    }

    /**
     * Whether the store can write: its writer thread runs and the last writes did not all fail in the
     * database. {@code /health} answers 503 when not.
     *
     * @param failedInARow writes the database refused (read-only, full, I/O) since the last one it took
     */
    public record WriteHealth(boolean writerRunning, int failedInARow) {
        /** One failure can be a passing glitch; this many in a row, nothing is being stored. */
        public static final int FAILURES_BEFORE_UNHEALTHY = 3;

        public boolean ok() {
            return writerRunning && failedInARow < FAILURES_BEFORE_UNHEALTHY;
        }
    }

    private final Database db;
    private final PatternWrites writes;
    private final Moderation moderation;
    private final DashboardQueries dashboard;
    private final Statistics statistics;
    private final PatternExport export;
    private final BotStateStore botState;
    private final Optional<ChatLocks> chatLocks;

    /**
     * Opens (creating if needed) and migrates the database.
     *
     * @param maxBytes   SQLite only: 0 for no limit; otherwise writes fail once the file would grow past it, as on
     *                   a full disk
     * @param writerDied told once, on the dying thread, when an Error ended the writer: nothing can be stored
     *                   from then on, so a service stops and lets its supervisor start a clean process
     * @throws UnusableDatabase naming the file when it is not a database, is corrupt or read-only; a bad file
     *                          is never overwritten
     * @throws StoreException   naming the database when it cannot be opened
     */
    public PatternStore(StoreLocation location, Clock clock, long maxBytes, Consumer<Error> writerDied) {
        StoreConnections connections = location instanceof StoreLocation.Postgres p ? new PostgresConnections(p)
                : new SqliteConnections(((StoreLocation.SqliteFile) location).file(), maxBytes);
        GroupFingerprints groups = new GroupFingerprints();
        this.db = new Database(connections, c -> {
            groups.load(c);
            return null;
        }, groups::catchUp, writerDied);
        this.writes = new PatternWrites(db, groups);
        this.moderation = new Moderation(db, clock);
        this.dashboard = new DashboardQueries(db);
        this.statistics = new Statistics(db);
        this.export = new PatternExport(db);
        this.botState = new BotStateStore(db, clock);
        this.chatLocks = location instanceof StoreLocation.Postgres p ? Optional.of(new ChatLocks(p)) : Optional.empty();
        try {
            db.write(c -> {
                groups.load(c);
                return null;
            });
        } catch (StoreException e) {
            db.close();
            throw e;
        }
    }

    /** A SQLite file, e.g. {@code data/jobguard.db}; its directory is created with owner-only permissions. */
    public PatternStore(Path file, Clock clock, long maxBytes, Consumer<Error> writerDied) {
        this(new StoreLocation.SqliteFile(file), clock, maxBytes, writerDied);
    }

    /** The writer's death is logged (by the store) and otherwise ignored: for tools and tests. */
    public PatternStore(StoreLocation location, Clock clock) {
        this(location, clock, 0, error -> { });
    }

    public PatternStore(Path file, Clock clock, long maxBytes) {
        this(file, clock, maxBytes, error -> { });
    }

    public PatternStore(Path file, Clock clock) {
        this(file, clock, 0);
    }

    public WriteHealth writeHealth() {
        return db.writeHealth();
    }

    /** The database as logs name it: the file, or the PostgreSQL URL without its password. */
    public String where() {
        return db.where();
    }

    /** Whether other instances may share this store (PostgreSQL). */
    public boolean shared() {
        return db.shared();
    }

    /** The database's own consistency check ({@code PRAGMA integrity_check} on SQLite): "ok" when healthy. */
    public String integrityCheck() {
        return db.integrityCheck();
    }

    PatternWrites writes() {
        return writes;
    }

    Moderation moderation() {
        return moderation;
    }

    public DashboardQueries dashboard() {
        return dashboard;
    }

    public Statistics statistics() {
        return statistics;
    }

    public PatternExport export() {
        return export;
    }

    /** The bot's state instances share; used only when the store is {@link #shared()}. */
    public BotStateStore botState() {
        return botState;
    }

    /** Chats' turns among the instances; present on PostgreSQL, where several instances may share the store. */
    public Optional<ChatLocks> chatLocks() {
        return chatLocks;
    }

    @Override
    public void close() {
        chatLocks.ifPresent(ChatLocks::close);
        db.close();
    }
}
