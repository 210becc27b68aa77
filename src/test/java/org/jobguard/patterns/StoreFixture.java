package org.jobguard.patterns;

import org.jobguard.MutableClock;
import org.jobguard.checker.Normalizer;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.RuleSet;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.RulesLoader;
import org.jobguard.privacy.IndicatorHasher;
import org.jobguard.privacy.Redactor;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real store (a SQLite file in a temp directory, or a PostgreSQL database), the service on top, and the real checker reading its confirmed patterns. */
final class StoreFixture implements AutoCloseable {
    static final String SECRET = "fixture-secret-0123456789abcdef";
    static final RuleSet RULES = RulesLoader.load(ConfigFiles.locate(Map.of()).yaml("rules.yaml"));

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:15:30Z"));
    /** The SQLite file; null on PostgreSQL */
    final Path file;
    final StoreLocation location;
    final PatternStore store;
    final ConfirmedPatternIndex index;
    final RedFlagChecker checker;
    final PatternService service;
    final List<RuleToggle> toggles = new ArrayList<>();

    StoreFixture(Path dir) {
        this(dir, 0);
    }

    StoreFixture(Path dir, long maxBytes) {
        this(new StoreLocation.SqliteFile(dir.resolve("data").resolve("jobguard.db")), maxBytes);
    }

    StoreFixture(StoreLocation location) {
        this(location, 0);
    }

    private StoreFixture(StoreLocation location, long maxBytes) {
        this.location = location;
        file = location instanceof StoreLocation.SqliteFile f ? f.file() : null;
        store = new PatternStore(location, clock, maxBytes, error -> { });
        Normalizer normalizer = new Normalizer();
        Redactor redactor = new Redactor();
        index = new ConfirmedPatternIndex(store, new Fingerprinter(normalizer, redactor));
        checker = new RedFlagChecker(RULES, normalizer, org.jobguard.checker.TestModels.shipped(),
                org.jobguard.checker.TestModels.shippedPlaces(), index);
        service = new PatternService(store, redactor, new IndicatorHasher(SECRET), normalizer, index, clock,
                checker::rules, toggles::add, Duration.ofHours(24));
    }

    PatternService.Recorded check(String text, Source source) {
        return service.record(checker.check(text), text, source, false);
    }

    @Override
    public void close() {
        store.close();
    }
}
