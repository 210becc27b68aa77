package org.jobguard;

import org.jobguard.checker.Normalizer;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.RulesLoader;
import org.jobguard.patterns.ConfirmedPatternIndex;
import org.jobguard.patterns.Fingerprinter;
import org.jobguard.patterns.PatternService;
import org.jobguard.patterns.PatternStore;
import org.jobguard.privacy.IndicatorHasher;
import org.jobguard.privacy.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bot's side of the store: /forget deletes what that user sent recently, nothing of anyone else's. */
class StoredPatternsTest {
    private static final String SCAM = "泰国KK园区高薪招聘客服，月薪2万，包吃包住包机票，护照公司保管，先出国再签合同，联系飞机 @hr_recruit_fake";

    @TempDir
    Path dir;

    /** The bot's sink over a real store, with the shipped checker reading the store's confirmed patterns. */
    private record Wired(RedFlagChecker checker, StoredPatterns sink) {
    }

    private static Wired wired(PatternStore store) {
        Normalizer normalizer = new Normalizer();
        Redactor redactor = new Redactor();
        ConfirmedPatternIndex index = new ConfirmedPatternIndex(store, new Fingerprinter(normalizer, redactor));
        RedFlagChecker checker = new RedFlagChecker(RulesLoader.load(ConfigFiles.locate(Map.of()).yaml("rules.yaml")),
                normalizer, org.jobguard.checker.TestModels.shipped(), org.jobguard.checker.TestModels.shippedPlaces(),
                index);
        PatternService service = new PatternService(store, redactor, new IndicatorHasher("stored-patterns-test-secret"),
                normalizer, index, Clock.systemUTC(), checker::rules, t -> { }, PatternService.DEFAULT_FORGET_WINDOW);
        return new Wired(checker, new StoredPatterns(service, PatternService.DEFAULT_FORGET_WINDOW));
    }

    @Test
    void forgetDeletesTheUsersRecentRecordsAndTheButtonStillReports() {
        try (PatternStore store = new PatternStore(dir.resolve("jobguard.db"), Clock.systemUTC())) {
            Wired w = wired(store);
            RedFlagChecker checker = w.checker();
            StoredPatterns sink = w.sink();

            Optional<Long> mine = sink.record(checker.check(SCAM), SCAM, true, "user-a");
            Optional<Long> theirs = sink.record(checker.check(SCAM), SCAM, false, "user-b");
            assertTrue(mine.isPresent() && theirs.isPresent());
            sink.reportWrong(theirs, List.of(), checker.check(SCAM).risk(), checker.check(SCAM).language());

            assertEquals(1, sink.forget("user-a"));
            assertEquals(0, sink.forget("user-a"));
            assertEquals(1, store.dashboard().patternCount());
            assertEquals(1, store.dashboard().reports(true, 10).size());
        }
    }

    @Test
    void anAlbumsLaterPictureReplacesWhatItsFirstStored() {
        try (PatternStore store = new PatternStore(dir.resolve("jobguard.db"), Clock.systemUTC())) {
            Wired w = wired(store);
            RedFlagChecker checker = w.checker();
            StoredPatterns sink = w.sink();

            String first = SCAM.substring(0, SCAM.indexOf("，先出国"));
            Optional<Long> one = sink.record(checker.check(first), first, false, "user-a");
            Optional<Long> whole = sink.replace(one, checker.check(SCAM), SCAM, false, "user-a");
            assertTrue(one.isPresent() && whole.isPresent());
            assertEquals(1, store.dashboard().patternCount(), "the album is stored once");
            assertEquals(1, sink.forget("user-a"));
            assertEquals(0, store.dashboard().patternCount());
        }
    }
}
