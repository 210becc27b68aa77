package org.jobguard.patterns;

import org.jobguard.checker.Risk;
import org.jobguard.checker.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternServiceTest {
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
        try (StoreFixture f = new StoreFixture(dir)) {
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

            List<GroupSummary> queue = f.store.groups(GroupStatus.PENDING, 10, 0);
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

            long checked = f.store.checksPerDay(FROM, TO).stream().mapToLong(CheckCount::checked).sum();
            assertEquals(4, checked);
            assertTrue(f.store.ruleStats(FROM, TO).stream().allMatch(r -> r.hits() >= 1));
        }
    }

    @Test
    void aFlaggedMessageMadeToStallARegexIsStoredLikeAnyOther() {
        // 4,040 characters, under Telegram's limit: its redaction overflowed the stack and the report was lost
        for (String tail : List.of("a.".repeat(2_000), "1".repeat(4_000), "a@".repeat(2_000))) {
            try (StoreFixture f = new StoreFixture(dir.resolve(String.valueOf(tail.charAt(1))))) {
                PatternService.Recorded r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> f.check(SCAM + " " + tail + " 联系 @hr_boss88", Source.BOT));
                assertEquals(PatternService.Recorded.Status.STORED, r.status());
                assertEquals(1, f.store.patternCount());
                String stored = f.store.groupTexts(r.groupId(), 1).get(0);
                assertFalse(stored.contains("hr_boss88"), "redacted as ever");
            }
        }
    }

    @Test
    void sameContactAcrossMessagesIsCountedWithoutItsValue() {
        try (StoreFixture f = new StoreFixture(dir)) {
            f.check(SCAM, Source.BOT);
            f.check(OTHER_SCAM + " telegram @HR_Recruit_Fake", Source.BOT);
            GroupSummary g = f.store.groups(GroupStatus.PENDING, 10, 0).get(0);
            assertTrue(g.indicators().stream().anyMatch(i -> i.kind().equals("HANDLE") && i.patterns() == 2), g.indicators().toString());
        }
    }

    @Test
    void confirmingAGroupMakesTheCheckerRecogniseNearDuplicatesWithoutRestart() {
        try (StoreFixture f = new StoreFixture(dir)) {
            Verdict before = f.checker.check(TASK_SCAM_EDITED);
            assertNull(before.knownPattern());
            assertFalse(before.risk() == Risk.HIGH, "the rules alone should not rate this high: " + before.risk());

            PatternService.Recorded r = f.service.report(FeedbackKind.FALSE_NEGATIVE, f.checker.check(TASK_SCAM), TASK_SCAM, Source.BOT);
            assertEquals(PatternService.Recorded.Status.STORED, r.status());
            assertEquals(1, f.store.reports(true, 10).size());
            f.service.confirm(r.groupId(), "mod-anna", "hotel-rating task scam");

            Verdict after = f.checker.check(TASK_SCAM_EDITED);
            assertEquals(Risk.HIGH, after.risk());
            assertNotNull(after.knownPattern());
            assertEquals(r.groupId(), after.knownPattern().groupId());
            assertEquals(1, after.knownPattern().confirmedCount());
            assertTrue(f.store.reports(true, 10).isEmpty(), "a decision resolves the group's reports");
            assertNull(f.checker.check(OTHER_SCAM).knownPattern());

            f.service.confirm(r.groupId(), "mod-ben", null);
            assertEquals(2, f.checker.check(TASK_SCAM_EDITED).knownPattern().confirmedCount());
            f.service.reject(r.groupId(), "mod-ben", "duplicate of another template");
            assertNull(f.checker.check(TASK_SCAM_EDITED).knownPattern());
            assertEquals(List.of("confirm", "confirm", "reject"), f.store.decisions(r.groupId()).stream().map(Decision::action).toList());
        }
    }

    @Test
    void falsePositiveReportsCountPerRuleAndPerCategory() {
        try (StoreFixture f = new StoreFixture(dir)) {
            Verdict v = f.checker.check(SCAM);
            f.service.record(v, SCAM, Source.WEB, true);
            f.service.report(FeedbackKind.FALSE_POSITIVE, v, SCAM, Source.WEB);
            String rule = v.flags().get(0).ruleId();
            RuleStats stats = f.store.ruleStats(FROM, TO).stream()
                    .filter(s -> s.ruleId().equals(rule)).findFirst().orElseThrow();
            assertEquals(1, stats.hits());
            assertEquals(1, stats.falsePositives());
            ReportSummary report = f.store.reports(true, 10).get(0);
            assertEquals(FeedbackKind.FALSE_POSITIVE, report.kind());
            assertEquals(Source.WEB, report.source());
            assertFalse(report.redactedText().contains("hr_recruit_fake"));
            assertEquals(List.of(new DailyCount(LocalDate.parse("2026-11-26"), "false_positive", 1)),
                    f.store.reportsPerDay(FROM, TO));
            assertTrue(f.store.reportsPerCategory(FROM, TO).stream()
                    .anyMatch(d -> d.key().equals(v.flags().get(0).category().id()) && d.count() == 1));
        }
    }

    @Test
    void theBotsButtonReportsAStoredPatternOrJustTheVerdictWhenNothingWasStored() {
        try (StoreFixture f = new StoreFixture(dir)) {
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

            List<ReportSummary> reports = f.store.reports(true, 10);
            assertEquals(3, reports.size());
            ReportSummary missed = reports.stream().filter(x -> x.kind() == FeedbackKind.FALSE_NEGATIVE).findFirst().orElseThrow();
            assertNull(missed.patternId());
            assertNull(missed.redactedText());
            assertEquals(lowRules, missed.rules());
            assertEquals("en", missed.language());
            f.service.resolveReport(missed.id());
            assertEquals(2, f.store.reports(true, 10).size());
            String rule = flagged.flags().get(0).ruleId();
            assertEquals(2, f.store.ruleStats(FROM, TO).stream().filter(x -> x.ruleId().equals(rule)).findFirst().orElseThrow().falsePositives());
        }
    }

    @Test
    void ruleTogglesAreAuditedAppliedAndSurviveARestart() {
        String rule = StoreFixture.RULES.rules().get(0).id();
        try (StoreFixture f = new StoreFixture(dir)) {
            f.service.toggleRule(rule, false, false, "mod-anna", "too many false positives");
            assertEquals(1, f.toggles.size());
            assertEquals("mod-anna", f.store.ruleAudit(10).get(0).moderator());
        }
        try (StoreFixture f = new StoreFixture(dir)) {
            assertFalse(f.service.applyRuleStates(StoreFixture.RULES).rule(rule).orElseThrow().enabled());
        }
    }

    @Test
    void forgetDeletesWhatTheSenderSentWithinTheWindowAndNothingElse() {
        try (StoreFixture f = new StoreFixture(dir)) {
            f.service.record(f.checker.check(SCAM), SCAM, Source.BOT, false, Optional.of("chat-1"));
            f.service.record(f.checker.check(OTHER_SCAM), OTHER_SCAM, Source.BOT, false, Optional.of("chat-2"));
            f.service.record(f.checker.check(SCAM_EDITED), SCAM_EDITED, Source.BOT, false, Optional.of("chat-1"));
            assertEquals(3, f.store.patternCount());
            assertEquals(2, f.service.forget("chat-1"));
            assertEquals(1, f.store.patternCount());
            assertEquals(0, f.service.forget("chat-1"));

            f.clock.advance(Duration.ofHours(25));
            assertEquals(0, f.service.forget("chat-2"), "after the window nothing links chat-2 to its pattern");
            assertEquals(1, f.store.patternCount());
        }
    }

    @Test
    void anAlbumReadPictureByPictureIsStoredOnceAsAWholeAndCountedOnce() {
        String first = "高薪客服，无需经验，包吃包住包机票";
        String whole = first + "\n地点妙瓦底，护照公司保管，名额有限，私聊 @hr_recruit_fake";
        try (StoreFixture f = new StoreFixture(dir)) {
            Verdict firstVerdict = f.checker.check(first);
            PatternService.Recorded a = f.service.record(firstVerdict, first, Source.BOT, false, Optional.of("chat-1"));
            PatternService.Recorded b = f.service.replace(
                    a.status() == PatternService.Recorded.Status.STORED ? Optional.of(a.patternId()) : Optional.empty(),
                    f.checker.check(whole), whole, Source.BOT, false, Optional.of("chat-1"));
            assertEquals(PatternService.Recorded.Status.STORED, b.status());
            assertEquals(1, f.store.patternCount(), "one pattern for the album");
            List<String> texts = f.store.groupTexts(b.groupId(), 10);
            assertEquals(1, texts.size());
            assertTrue(texts.get(0).contains("妙瓦底") && texts.get(0).contains("客服"), texts.get(0));
            assertFalse(texts.get(0).contains("hr_recruit_fake"), "stored redacted: " + texts.get(0));
            CheckCount day = f.store.checksPerDay(FROM, TO).get(0);
            assertEquals(1, day.checked(), "one check for the album");
            assertEquals(1, day.flagged());
            assertEquals(1, f.service.forget("chat-1"), "/forget finds the album's pattern");
            assertEquals(0, f.store.patternCount());
        }
    }

    @Test
    void purgeDeletesOldPatternsButKeepsConfirmedTemplates() {
        try (StoreFixture f = new StoreFixture(dir)) {
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
            assertEquals(1, f.store.patternCount());
            assertTrue(f.store.group(oldOther.groupId()).isEmpty());
            GroupSummary kept = f.store.group(old.groupId()).orElseThrow();
            assertEquals(1, kept.size());
            assertEquals(LocalDate.parse("2026-11-26").plusDays(170), kept.firstDay());
            assertNotNull(f.checker.check(SCAM).knownPattern(), "the confirmed template still feeds the checker");
        }
    }

    @Test
    void nothingIdentifyingReachesTheDatabaseFiles() throws Exception {
        List<String> planted = List.of("hr_recruit_fake", "212345678", "212 345 678", "other_boss88", "12345678",
                "scout.li@example.com", "wx_example_01", "王小明");
        String extra = "联系人：王小明，邮箱 scout.li@example.com，加微信 wx_example_01，泰国园区高薪客服包机票，护照公司保管";
        try (StoreFixture f = new StoreFixture(dir)) {
            f.check(SCAM, Source.BOT);
            f.check(SCAM_EDITED, Source.WEB);
            f.check(extra, Source.BOT);
            f.service.report(FeedbackKind.FALSE_POSITIVE, f.checker.check(extra), extra, Source.WEB);
            assertEquals(4, f.store.patternCount());
            assertFiles(f.file.getParent(), planted);
        }
        assertFiles(dir, planted);
    }

    private static void assertFiles(Path root, List<String> planted) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                String latin = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                for (String s : planted) {
                    assertFalse(bytes.contains(s) || latin.contains(s), p + " contains " + s);
                }
            }
        }
    }
}
