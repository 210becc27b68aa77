package org.jobguard.patterns;

import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's behaviour through {@link PatternService}, the same on both databases: {@link PatternServiceSqliteTest}
 * and {@link PatternServicePostgresTest} run every test here.
 */
abstract class PatternServiceTest {
    static final String SCAM = "【高薪急聘】泰国KK园区客服专员 月薪1.5万起+提成，包吃包住包机票，无需经验会打字就行！"
            + "名额有限，明天就可以出发，有意私聊纸飞机 @hr_recruit_fake 或电话 +95 9 212 345 678";
    static final String SCAM_EDITED = "转发：【高薪急聘】泰国KK园区客服专员 月薪2万起+提成，包吃包住包机票，无需经验会打字就行！🔥"
            + "名额有限，明天就可以出发，有意私聊纸飞机 @other_boss88 或电话 +855 12 345 678";
    static final String OTHER_SCAM = "Job in Cambodia, Bavet. Work in office, chat online with customer, salary 15-25 million VND, "
            + "food & sleep free, company pick up you at border Moc Bai, no need passport, come fast";
    /** A task scam the rules rate low: only a report and a moderator can teach the checker about it. */
    static final String TASK_SCAM = "Hello dear, we are a hotel rating agency. Part-time online, just rate hotels on your phone, "
            + "20 minutes a day, earn 300 to 800 pesos daily. Message our mentor on WhatsApp +63 917 123 4567 to begin today";
    static final String TASK_SCAM_EDITED = "Hello dear, we are a hotel rating agency. Part-time online, just rate hotels on your phone, "
            + "30 minutes a day, earn 500 to 900 pesos daily!! Message our mentor on WhatsApp +63 918 555 0101 to begin today";
    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final LocalDate TO = LocalDate.parse("2027-12-31");
    static final String CHAT = "明天一起吃饭吗？老地方见";

    @TempDir
    Path dir;

    @Test
    void flaggedMessagesAreStoredRedactedAndNearDuplicatesShareAGroup() {
        try (StoreFixture f = open(dir)) {
            PatternService.Recorded a = f.check(SCAM, Source.BOT);
            PatternService.Recorded b = f.check(SCAM_EDITED, Source.WEB);
            PatternService.Recorded c = f.check(OTHER_SCAM, Source.BOT);
            PatternService.Recorded d = f.check(CHAT, Source.BOT);
            assertEquals(PatternService.Recorded.Status.STORED, a.status());
            assertEquals(PatternService.Recorded.Status.STORED, b.status());
            assertEquals(PatternService.Recorded.Status.STORED, c.status());
            assertEquals(PatternService.Recorded.Status.COUNTED, d.status());
            assertEquals(a.groupId(), b.groupId());
            assertNotEquals(a.groupId(), c.groupId());

            List<GroupSummary> queue = f.store.dashboard().groups(GroupStatus.PENDING, 10, 0);
            assertEquals(2, queue.size());
            GroupSummary g = queue.stream().filter(x -> x.id() == a.groupId()).findFirst().orElseThrow();
            assertEquals(2, g.size());
            assertEquals(List.of("zh-Hans"), g.languages());
            assertFalse(g.rules().isEmpty());
            assertTrue(g.templateText().contains("<HANDLE>") && g.templateText().contains("<PHONE:+95>"), g.templateText());
            assertFalse(g.templateText().contains("hr_recruit_fake"));
            assertEquals(LocalDate.parse("2026-11-26"), g.firstDay());
            // two contacts per message, none shared between the two copies
            assertEquals(4, g.indicators().size());
            assertTrue(g.indicators().stream().allMatch(i -> i.patterns() == 1 && i.hash().length() == 64));

            long checked = f.store.statistics().checksPerDay(FROM, TO).stream().mapToLong(CheckCount::checked).sum();
            assertEquals(4, checked);
            assertTrue(f.store.statistics().ruleStats(FROM, TO).stream().allMatch(r -> r.hits() >= 1));
        }
    }

    /** Moderators read what was sent: Traditional characters, case and punctuation as written, identifiers replaced. */
    @Test
    void aPatternIsStoredAsWrittenWithItsIdentifiersReplacedAndGroupedByItsNormalizedForm() {
        String traditional = "【高薪急聘】泰國KK園區客服專員 月薪1.5萬起+提成，包吃包住包機票，無需經驗會打字就行！"
                + "名額有限，明天就可以出發，有意私聊 Telegram @HR_Recruit_Fake 或電話 +95 9 212 345 678";
        try (StoreFixture f = open(dir)) {
            PatternService.Recorded first = f.check(traditional, Source.BOT);
            String stored = f.store.dashboard().groupTexts(first.groupId(), 1).get(0);
            assertTrue(stored.startsWith("【高薪急聘】泰國KK園區客服專員 月薪1.5萬起+提成"), "script, case and punctuation kept: " + stored);
            assertTrue(stored.contains("Telegram <HANDLE>") && stored.contains("<PHONE:+95>"), stored);
            assertFalse(stored.contains("HR_Recruit_Fake") || stored.contains("212 345"), stored);
            PatternService.Recorded simplified = f.check(SCAM, Source.BOT);
            assertEquals(first.groupId(), simplified.groupId(), "the fingerprint still reads the normalized form");
        }
    }

    /** When only normalizing shows a number (split by zero-width characters), the normalized form is what is kept. */
    @Test
    void aNumberOnlyNormalizingRevealsIsNeverStoredInClear() {
        String hidden = String.join("\u200b", "1 3 8 0 0 1 3 8 0 0 0".split(" "));
        try (StoreFixture f = open(dir)) {
            PatternService.Recorded r = f.check(SCAM.replace("+95 9 212 345 678", hidden), Source.BOT);
            String stored = f.store.dashboard().groupTexts(r.groupId(), 1).get(0);
            assertFalse(stored.replace("\u200b", "").contains("13800138000"), stored);
            assertTrue(stored.contains("<PHONE"), stored);
        }
    }

    /** A recruiter's contact seen in reports moderators confirmed, counted by keyed hash only, from two reports on. */
    @Test
    void aContactInConfirmedReportsIsKnownFromTwoOnAndNeverStoredItself() throws Exception {
        String handle = "@kk_boss_2026";
        String phone = "+95 9 777 123 456";
        StoreFixture f = open(dir);
        try {
            PatternService.Recorded first = f.check(SCAM.replace("@hr_recruit_fake", handle), Source.BOT);
            String later = "Myawaddy call center job, free flight, passport kept by the company, telegram " + handle;
            assertEquals(Optional.empty(), f.service.confirmedContact(later), "nothing confirmed yet");
            f.service.confirm(first.groupId(), "moderator", null);
            assertEquals(Optional.empty(), f.service.confirmedContact(later), "one confirmed report is not enough");
            PatternService.Recorded second = f.check(OTHER_SCAM + " telegram " + handle + " " + phone, Source.WEB);
            f.check(OTHER_SCAM + " whatsapp " + phone, Source.WEB);
            assertEquals(Optional.empty(), f.service.confirmedContact(later), "reports not yet confirmed do not count");
            f.service.confirm(second.groupId(), "moderator", null);
            assertEquals(Optional.of(new ConfirmedContact("HANDLE", 2)), f.service.confirmedContact(later));
            assertEquals(Optional.of(new ConfirmedContact("PHONE", 2)), f.service.confirmedContact("call +95 9 777 123 456 now"),
                    "the same number however it is written: " + f.service.confirmedContact("call +95 9 777 123 456 now"));
            assertEquals(Optional.empty(), f.service.confirmedContact("Myawaddy job, telegram @someone_else"));
        } finally {
            f.close();
        }
        assertNoneStored(f, List.of("kk_boss_2026", "777123456", "777 123 456"), "the store never keeps the contact itself");
    }

    @Test
    void aFlaggedMessageMadeToStallARegexIsStoredLikeAnyOther() {
        // 4,040 characters, under Telegram's limit: its redaction overflowed the stack and the report was lost
        for (String tail : List.of("a.".repeat(2_000), "1".repeat(4_000), "a@".repeat(2_000))) {
            try (StoreFixture f = open(dir.resolve(String.valueOf(tail.charAt(1))))) {
                PatternService.Recorded r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> f.check(SCAM + " " + tail + " 联系 @hr_boss88", Source.BOT));
                assertEquals(PatternService.Recorded.Status.STORED, r.status());
                assertEquals(1, f.store.dashboard().patternCount());
                String stored = f.store.dashboard().groupTexts(r.groupId(), 1).get(0);
                assertFalse(stored.contains("hr_boss88"), "redacted as ever");
            }
        }
    }

    @Test
    void sameContactAcrossMessagesIsCountedWithoutItsValue() {
        try (StoreFixture f = open(dir)) {
            f.check(SCAM, Source.BOT);
            f.check(OTHER_SCAM + " telegram @HR_Recruit_Fake", Source.BOT);
            GroupSummary g = f.store.dashboard().groups(GroupStatus.PENDING, 10, 0).get(0);
            assertTrue(g.indicators().stream().anyMatch(i -> i.kind().equals("HANDLE") && i.patterns() == 2), g.indicators().toString());
        }
    }

    @Test
    void confirmingAGroupMakesTheCheckerRecogniseNearDuplicatesWithoutRestart() {
        try (StoreFixture f = open(dir)) {
            Verdict before = f.checker.check(TASK_SCAM_EDITED);
            assertNull(before.knownPattern());
            assertFalse(before.risk() == Risk.HIGH, "the rules alone should not rate this high: " + before.risk());

            PatternService.Recorded r = f.service.report(FeedbackKind.FALSE_NEGATIVE, f.checker.check(TASK_SCAM), TASK_SCAM, Source.BOT);
            assertEquals(PatternService.Recorded.Status.STORED, r.status());
            assertEquals(1, f.store.dashboard().reports(true, 10).size());
            f.service.confirm(r.groupId(), "mod-anna", "hotel-rating task scam");

            Verdict after = f.checker.check(TASK_SCAM_EDITED);
            assertEquals(Risk.HIGH, after.risk());
            assertNotNull(after.knownPattern());
            assertEquals(r.groupId(), after.knownPattern().groupId());
            assertEquals(1, after.knownPattern().confirmedCount());
            assertTrue(f.store.dashboard().reports(true, 10).isEmpty(), "a decision resolves the group's reports");
            assertNull(f.checker.check(OTHER_SCAM).knownPattern());

            f.service.confirm(r.groupId(), "mod-ben", null);
            assertEquals(2, f.checker.check(TASK_SCAM_EDITED).knownPattern().confirmedCount());
            f.service.reject(r.groupId(), "mod-ben", "duplicate of another template");
            assertNull(f.checker.check(TASK_SCAM_EDITED).knownPattern());
            assertEquals(List.of("confirm", "confirm", "reject"), f.store.dashboard().decisions(r.groupId()).stream().map(Decision::action).toList());
        }
    }

    @Test
    void falsePositiveReportsCountPerRuleAndPerCategory() {
        try (StoreFixture f = open(dir)) {
            Verdict v = f.checker.check(SCAM);
            f.service.record(v, SCAM, Source.WEB, true);
            f.service.report(FeedbackKind.FALSE_POSITIVE, v, SCAM, Source.WEB);
            String rule = v.flags().get(0).ruleId();
            RuleStats stats = f.store.statistics().ruleStats(FROM, TO).stream()
                    .filter(s -> s.ruleId().equals(rule)).findFirst().orElseThrow();
            assertEquals(1, stats.hits());
            assertEquals(1, stats.falsePositives());
            ReportSummary report = f.store.dashboard().reports(true, 10).get(0);
            assertEquals(FeedbackKind.FALSE_POSITIVE, report.kind());
            assertEquals(Source.WEB, report.source());
            assertFalse(report.redactedText().contains("hr_recruit_fake"));
            assertEquals(List.of(new DailyCount(LocalDate.parse("2026-11-26"), "false_positive", 1)),
                    f.store.statistics().reportsPerDay(FROM, TO));
            assertTrue(f.store.statistics().reportsPerCategory(FROM, TO).stream()
                    .anyMatch(d -> d.key().equals(v.flags().get(0).category().id()) && d.count() == 1));
        }
    }

    @Test
    void theBotsButtonReportsAStoredPatternOrJustTheVerdictWhenNothingWasStored() {
        try (StoreFixture f = open(dir)) {
            Verdict flagged = f.checker.check(SCAM);
            PatternService.Recorded r = f.service.record(flagged, SCAM, Source.BOT, false);
            PatternService.Recorded onPattern = f.service.reportStored(FeedbackKind.FALSE_POSITIVE, r.patternId(),
                    List.of(), flagged.risk(), flagged.language(), Source.BOT);
            assertEquals(r.groupId(), onPattern.groupId());

            Verdict low = f.checker.check(TASK_SCAM);
            List<String> lowRules = low.flags().stream().map(x -> x.ruleId()).toList();
            assertEquals(PatternService.Recorded.Status.COUNTED,
                    f.service.reportUnstored(FeedbackKind.FALSE_NEGATIVE, lowRules, low.risk(), low.language(), Source.BOT).status());
            List<String> flaggedRules = flagged.flags().stream().map(x -> x.ruleId()).toList();
            assertTrue(f.service.reportWrong(Optional.of(9999L), flaggedRules, flagged.risk(), flagged.language(), Source.BOT),
                    "a purged pattern: the report is kept without it");

            List<ReportSummary> reports = f.store.dashboard().reports(true, 10);
            assertEquals(3, reports.size());
            ReportSummary missed = reports.stream().filter(x -> x.kind() == FeedbackKind.FALSE_NEGATIVE).findFirst().orElseThrow();
            assertNull(missed.patternId());
            assertNull(missed.redactedText());
            assertEquals(lowRules, missed.rules());
            assertEquals("en", missed.language());
            f.service.resolveReport(missed.id());
            assertEquals(2, f.store.dashboard().reports(true, 10).size());
            String rule = flagged.flags().get(0).ruleId();
            assertEquals(2, f.store.statistics().ruleStats(FROM, TO).stream().filter(x -> x.ruleId().equals(rule)).findFirst().orElseThrow().falsePositives());
        }
    }

    @Test
    void ruleTogglesAreAuditedAppliedAndSurviveARestart() {
        String rule = StoreFixture.RULES.rules().get(0).id();
        try (StoreFixture f = open(dir)) {
            f.service.toggleRule(rule, false, false, "mod-anna", "too many false positives");
            assertEquals(1, f.toggles.size());
            assertEquals("mod-anna", f.store.dashboard().ruleAudit(10).get(0).moderator());
        }
        try (StoreFixture f = open(dir)) {
            assertFalse(f.service.applyRuleStates(StoreFixture.RULES).rule(rule).orElseThrow().enabled());
        }
    }

    @Test
    void forgetDeletesWhatTheSenderSentWithinTheWindowAndNothingElse() {
        try (StoreFixture f = open(dir)) {
            f.service.record(f.checker.check(SCAM), SCAM, Source.BOT, false, Optional.of("chat-1"));
            f.service.record(f.checker.check(OTHER_SCAM), OTHER_SCAM, Source.BOT, false, Optional.of("chat-2"));
            f.service.record(f.checker.check(SCAM_EDITED), SCAM_EDITED, Source.BOT, false, Optional.of("chat-1"));
            assertEquals(3, f.store.dashboard().patternCount());
            assertEquals(2, f.service.forget("chat-1"));
            assertEquals(1, f.store.dashboard().patternCount());
            assertEquals(0, f.service.forget("chat-1"));

            f.clock.advance(Duration.ofHours(25));
            assertEquals(0, f.service.forget("chat-2"), "after the window nothing links chat-2 to its pattern");
            assertEquals(1, f.store.dashboard().patternCount());
        }
    }

    @Test
    void anAlbumReadPictureByPictureIsStoredOnceAsAWholeAndCountedOnce() {
        String first = "高薪客服，无需经验，包吃包住包机票";
        String whole = first + "\n地点妙瓦底，护照公司保管，名额有限，私聊 @hr_recruit_fake";
        try (StoreFixture f = open(dir)) {
            Verdict firstVerdict = f.checker.check(first);
            PatternService.Recorded a = f.service.record(firstVerdict, first, Source.BOT, false, Optional.of("chat-1"));
            PatternService.Recorded b = f.service.replace(
                    a.status() == PatternService.Recorded.Status.STORED ? Optional.of(a.patternId()) : Optional.empty(),
                    f.checker.check(whole), whole, Source.BOT, false, Optional.of("chat-1"));
            assertEquals(PatternService.Recorded.Status.STORED, b.status());
            assertEquals(1, f.store.dashboard().patternCount(), "one pattern for the album");
            List<String> texts = f.store.dashboard().groupTexts(b.groupId(), 10);
            assertEquals(1, texts.size());
            assertTrue(texts.get(0).contains("妙瓦底") && texts.get(0).contains("客服"), texts.get(0));
            assertFalse(texts.get(0).contains("hr_recruit_fake"), "stored redacted: " + texts.get(0));
            CheckCount day = f.store.statistics().checksPerDay(FROM, TO).get(0);
            assertEquals(1, day.checked(), "one check for the album");
            assertEquals(1, day.flagged());
            assertEquals(1, f.service.forget("chat-1"), "/forget finds the album's pattern");
            assertEquals(0, f.store.dashboard().patternCount());
        }
    }

    @Test
    void purgeDeletesOldPatternsButKeepsConfirmedTemplates() {
        try (StoreFixture f = open(dir)) {
            PatternService.Recorded old = f.check(SCAM, Source.BOT);
            PatternService.Recorded oldOther = f.check(OTHER_SCAM, Source.BOT);
            f.service.confirm(old.groupId(), "mod-anna", null);
            f.clock.advance(Duration.ofDays(170));
            f.check(SCAM_EDITED, Source.BOT);
            f.clock.advance(Duration.ofDays(20));

            RetentionJob job = new RetentionJob(f.service, 180);
            PurgeResult r = job.runOnce();
            assertEquals(LocalDate.parse("2026-11-26").plusDays(190).minusDays(180), r.cutoff());
            assertEquals(2, r.patterns());
            assertEquals(1, r.groups(), "the unconfirmed group left empty goes");
            assertEquals(1, f.store.dashboard().patternCount());
            assertTrue(f.store.dashboard().group(oldOther.groupId()).isEmpty());
            GroupSummary kept = f.store.dashboard().group(old.groupId()).orElseThrow();
            assertEquals(1, kept.size());
            assertEquals(LocalDate.parse("2026-11-26").plusDays(170), kept.firstDay());
            assertNotNull(f.checker.check(SCAM).knownPattern(), "the confirmed template still feeds the checker");
        }
    }

    @Test
    void nothingIdentifyingReachesTheDatabase() throws Exception {
        List<String> planted = List.of("hr_recruit_fake", "212345678", "212 345 678", "other_boss88", "12345678",
                "scout.li@example.com", "wx_example_01", "王小明");
        String extra = "联系人：王小明，邮箱 scout.li@example.com，加微信 wx_example_01，泰国园区高薪客服包机票，护照公司保管";
        StoreFixture f = open(dir);
        try {
            f.check(SCAM, Source.BOT);
            f.check(SCAM_EDITED, Source.WEB);
            f.check(extra, Source.BOT);
            f.service.report(FeedbackKind.FALSE_POSITIVE, f.checker.check(extra), extra, Source.WEB);
            assertEquals(4, f.store.dashboard().patternCount());
            assertNoneStored(f, planted, "while open");
        } finally {
            f.close();
        }
        assertNoneStored(f, planted, "after closing");
    }

    /** 8 writers and 4 readers at once: every write is acknowledged and present, no reader fails. */
    @Test
    void eightWritersAndFourReadersNeverFail() throws Exception {
        long seconds = Long.getLong("jobguard.store.concurrency.seconds", 3);
        try (StoreFixture f = open(dir)) {
            List<String> texts = new ArrayList<>();
            List<Verdict> verdicts = new ArrayList<>();
            for (String base : List.of(SCAM, OTHER_SCAM, SCAM_EDITED)) {
                for (int i = 0; i < 10; i++) {
                    String t = base + " 编号" + i;
                    texts.add(t);
                    verdicts.add(f.checker.check(t));
                }
            }
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            long[] written = new long[8];
            long[] failed = new long[8];
            long[] reads = new long[4];
            List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int id = w;
                threads.add(new Thread(() -> {
                    int i = id;
                    while (System.nanoTime() < deadline) {
                        int k = i++ % texts.size();
                        PatternService.Recorded r = f.service.record(verdicts.get(k), texts.get(k), id % 2 == 0 ? Source.BOT : Source.WEB, false);
                        if (r.status() == PatternService.Recorded.Status.STORED) {
                            written[id]++;
                        } else {
                            failed[id]++;
                        }
                    }
                }));
            }
            for (int rd = 0; rd < 4; rd++) {
                int id = rd;
                threads.add(new Thread(() -> {
                    try {
                        while (System.nanoTime() < deadline) {
                            f.store.dashboard().groups(GroupStatus.PENDING, 20, 0);
                            f.store.statistics().ruleStats(FROM, TO);
                            f.store.dashboard().reports(true, 20);
                            reads[id]++;
                        }
                    } catch (Throwable t) {
                        errors.add(t);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(seconds * 1000 + 60_000);
            }
            long total = Arrays.stream(written).sum();
            System.out.printf("concurrency on %s: %d s, %d patterns stored (%.0f/s), %d reader rounds, %d failed writes%n",
                    getClass().getSimpleName(), seconds, total, total / (double) seconds, Arrays.stream(reads).sum(),
                    Arrays.stream(failed).sum());
            assertEquals(List.of(), errors);
            assertEquals(0, Arrays.stream(failed).sum());
            assertEquals(total, f.store.dashboard().patternCount());
            assertTrue(Arrays.stream(reads).allMatch(n -> n > 0));
            assertEquals("ok", f.store.integrityCheck());
        }
    }

    /** A store for this test; the same directory gives the same database (a restart). */
    abstract StoreFixture open(Path dir);

    /** Fails when any planted identifier is anywhere in what the database keeps (its files, or a dump). */
    abstract void assertNoneStored(StoreFixture f, List<String> planted, String when) throws Exception;

    static void assertNotIn(byte[] data, String what, List<String> planted) {
        String utf8 = new String(data, StandardCharsets.UTF_8);
        String latin = new String(data, StandardCharsets.ISO_8859_1);
        for (String s : planted) {
            assertFalse(utf8.contains(s) || latin.contains(s), what + " contains " + s);
        }
    }
}
