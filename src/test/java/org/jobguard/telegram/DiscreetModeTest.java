package org.jobguard.telegram;

import org.jobguard.checker.Rule;
import org.jobguard.checker.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /discreet: neutral wording that names no scam, and the bot's replies deleted after the chosen time. */
class DiscreetModeTest {
    private static final long USER = 31_337;

    @Test
    void repliesInDiscreetModeContainNoRulePhraseAndNoScamWords() throws Exception {
        try (BotHarness h = new BotHarness(s -> s.withDiscreetDeleteAfter(Duration.ZERO), BotHarness.CHECKER::check)) {
            h.reply(Updates.text(USER, "/discreet"));
            int from = h.api.calls("sendMessage").size();
            for (String text : List.of(UpdateKindsTest.SCAM_EN, UpdateKindsTest.SCAM_HANS, UpdateKindsTest.SCAM_HANT,
                    "我儿子在妙瓦底，他们要交钱放人，赎金四万块", "Warehouse job, contract before travel", "🙂",
                    "/help", "/start", "/lang", "/discreet")) {
                h.reply(Updates.text(USER, text));
            }
            h.reply(Updates.photo(USER, null));
            h.reply(Updates.forwarded(USER, UpdateKindsTest.SCAM_EN, Updates.originChannel("x")));
            List<FakeBotApi.Call> replies = h.api.calls("sendMessage").subList(from, h.api.calls("sendMessage").size());
            assertEquals(12, replies.size());
            List<String> phrases = BotHarness.CHECKER.rules().rules().stream().map(Rule::phrases)
                    .flatMap(List::stream).map(p -> p.toLowerCase(Locale.ROOT)).toList();
            for (FakeBotApi.Call reply : replies) {
                String text = reply.text();
                Verdict v = BotHarness.CHECKER.check(text, Optional.empty());
                assertTrue(v.flags().isEmpty(), "the checker finds " + v.flags() + " in: " + text);
                for (String phrase : phrases) {
                    assertFalse(text.toLowerCase(Locale.ROOT).contains(phrase), "'" + phrase + "' in: " + text);
                }
                for (String word : List.of("scam", "passport", "ransom", "诈骗", "詐騙", "护照", "護照", "赎金", "贖金")) {
                    assertFalse(text.toLowerCase(Locale.ROOT).contains(word), "'" + word + "' in: " + text);
                }
                for (var row : reply.body().path("reply_markup").path("inline_keyboard")) {
                    for (var button : row) {
                        assertTrue(button.path("callback_data").asText().startsWith("l:"),
                                "only language buttons, nothing tell-tale: " + button);
                    }
                }
            }
            assertTrue(replies.get(6).text().contains("short note"), "/help looks like a generic assistant");

            h.reply(Updates.text(USER, "/discreet off"));
            assertTrue(h.reply(Updates.text(USER, UpdateKindsTest.SCAM_EN)).text().contains("High risk"));
        }
    }

    @Test
    void repliesAndTheUsersMessagesAreDeletedAfterTheChosenTime() throws Exception {
        try (BotHarness h = new BotHarness(s -> s.withDiscreetDeleteAfter(Duration.ofMillis(300)),
                BotHarness.CHECKER::check)) {
            var command = Updates.text(USER, "/discreet");
            FakeBotApi.Call on = h.reply(command);
            assertTrue(on.text().contains("remove them after"), on.text());
            var offer = Updates.text(USER, UpdateKindsTest.SCAM_HANS);
            FakeBotApi.Call verdict = h.reply(offer);
            long sentAt = verdict.nanos();
            List<FakeBotApi.Call> deletions = h.api.await(c -> c.method().equals("deleteMessage"), 4,
                    Duration.ofSeconds(10));
            List<Integer> deleted = deletions.stream().map(c -> c.body().path("message_id").asInt()).toList();
            assertTrue(deleted.contains(command.path("message").path("message_id").asInt()));
            assertTrue(deleted.contains(offer.path("message").path("message_id").asInt()));
            assertEquals(2, deleted.stream().filter(id -> id > 1_000_000).count(), "both bot replies: " + deleted);
            long waited = (deletions.get(3).nanos() - sentAt) / 1_000_000;
            assertTrue(waited >= 250, "deleted after " + waited + " ms");
        }
    }

    @Test
    void pendingDeletionsRunAtOnceWhenTheBotStopsInsteadOfBeingLost() throws Exception {
        try (BotHarness h = new BotHarness(s -> s, BotHarness.CHECKER::check)) {
            h.reply(Updates.text(USER, "/discreet 30"));
            h.reply(Updates.text(USER, UpdateKindsTest.SCAM_EN));
            h.api.awaitAllConfirmed(Duration.ofSeconds(10));
            assertEquals(2, h.bot().pendingDeletions());
            assertTrue(h.api.calls("deleteMessage").isEmpty());
            h.stopBot();
            assertEquals(4, h.api.calls("deleteMessage").size());
            h.startBot();
        }
    }
}
