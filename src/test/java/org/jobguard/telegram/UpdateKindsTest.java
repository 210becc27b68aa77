package org.jobguard.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per kind of update, each against the fake Bot API over real HTTP. */
class UpdateKindsTest {
    static final String SCAM_EN = "Customer service job in Myawaddy, high pay, no experience needed, free flight. "
            + "The company will keep your passport.";
    static final String SCAM_HANS = "高薪客服，无需经验，包吃包住包机票，地点妙瓦底，护照公司保管，名额有限";
    static final String SCAM_HANT = "高薪客服，毋須經驗，包食宿包機票，地點妙瓦底，護照公司保管，名額有限";

    private static BotHarness h;
    private static final AtomicLong USERS = new AtomicLong(10_000);

    @BeforeAll
    static void start() throws Exception {
        h = new BotHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static long newUser() {
        return USERS.incrementAndGet();
    }

    @Test
    void startUpRegistersTheCommandMenuInEnglishAndChinese() throws InterruptedException {
        List<FakeBotApi.Call> menus = h.api.await(c -> c.method().equals("setMyCommands"), 2, Duration.ofSeconds(10));
        assertEquals(2, menus.size());
        assertTrue(menus.stream().anyMatch(c -> c.body().path("language_code").isMissingNode()));
        JsonNode zh = menus.stream().filter(c -> c.body().path("language_code").asText().equals("zh")).findFirst()
                .orElseThrow().body();
        assertEquals(7, zh.path("commands").size());
        assertTrue(zh.toString().contains("求助电话"));
        assertEquals(1, h.api.calls("getMe").size());
    }

    @Test
    void textInEachLanguageGetsRiskEvidenceAdviceAndButtonsInThatLanguage() throws Exception {
        FakeBotApi.Call en = h.reply(Updates.text(newUser(), SCAM_EN));
        assertTrue(en.text().contains("High risk"), en.text());
        assertTrue(en.text().contains("passport</i>”"), "evidence quoted: " + en.text());
        assertTrue(en.text().contains("“<i>Myawaddy</i>”"), en.text());
        assertTrue(en.text().contains("What to do:") && en.text().contains("Never hand over your passport"),
                "advice: " + en.text());
        assertEquals("HTML", en.body().path("parse_mode").asText());
        String buttons = en.body().path("reply_markup").toString();
        assertTrue(buttons.contains("This is wrong") && buttons.contains("Help contacts")
                && buttons.contains("What should I do?"), buttons);

        FakeBotApi.Call hans = h.reply(Updates.text(newUser(), SCAM_HANS));
        assertTrue(hans.text().contains("高风险"), hans.text());
        assertTrue(hans.text().contains("护照公司保管"), hans.text());
        assertTrue(hans.body().path("reply_markup").toString().contains("判断有误"));

        FakeBotApi.Call hant = h.reply(Updates.text(newUser(), SCAM_HANT));
        assertTrue(hant.text().contains("高風險"), hant.text());
        assertTrue(hant.text().contains("護照公司保管"), "evidence is quoted as written: " + hant.text());
    }

    @Test
    void aContactInReportsModeratorsConfirmedIsNamedInTheReply() throws Exception {
        h.knownContact = java.util.Optional.of(new org.jobguard.patterns.ConfirmedContact("PHONE", 3));
        try {
            FakeBotApi.Call en = h.reply(Updates.text(newUser(), SCAM_EN + " Call +95 9 777 123 456"));
            assertTrue(en.text().contains("⚠️ <b>A contact in this message (a phone number) appears in 3 reports that"
                    + " moderators confirmed as scams.</b>"), en.text());
            FakeBotApi.Call hant = h.reply(Updates.text(newUser(), SCAM_HANT));
            assertTrue(hant.text().contains("出現在 3 筆經審核員確認的詐騙回報中"), hant.text());
        } finally {
            h.knownContact = java.util.Optional.empty();
        }
        assertFalse(h.reply(Updates.text(newUser(), SCAM_EN)).text().contains("confirmed as scams"));
    }

    @Test
    void checksAreStoredAfterTheReplyAndAcknowledgedOnlyOnceStored() throws Exception {
        h.api.awaitAllConfirmed(Duration.ofSeconds(10));
        int before = h.recorded.size();
        h.storeOpen = new java.util.concurrent.CountDownLatch(1);
        long update;
        FakeBotApi.Call reply;
        try {
            long chat = newUser();
            update = h.api.push(Updates.text(chat, SCAM_EN));
            reply = h.api.await(c -> c.method().equals("sendMessage") && c.chatId() == chat, 1,
                    Duration.ofSeconds(10)).get(0);
            Thread.sleep(300);
            assertTrue(h.api.confirmedOffset() <= update, "not acknowledged while its pattern is not stored");
        } finally {
            h.storeOpen.countDown();
        }
        h.api.awaitAllConfirmed(Duration.ofSeconds(10));
        assertTrue(h.api.confirmedOffset() > update);
        assertEquals(before + 1, h.recorded.size());
        assertTrue(h.recorded.get(before).nanos() > reply.nanos(), "the user waits for the warning, not the store");
        assertFalse(h.recorded.get(before).forwarded());

        FakeBotApi.Call plain = h.reply(Updates.text(newUser(), "Can we meet for lunch on Friday?"));
        h.api.awaitAllConfirmed(Duration.ofSeconds(10));
        assertEquals(before + 2, h.recorded.size(), "a harmless check is still counted");
        assertTrue(h.recorded.get(before + 1).nanos() > plain.nanos());
    }

    @Test
    void forwardedMessagesSayWhereFromInGeneralTermsNeverTheName() throws Exception {
        String[][] cases = {
                {"user", "Forwarded from a person."},
                {"hidden_user", "hides their account"},
                {"chat", "Forwarded from a group."},
                {"channel", "Forwarded from a channel."}};
        for (String[] c : cases) {
            var origin = switch (c[0]) {
                case "user" -> Updates.originUser("RecruiterZhang", "zhang_hr_888");
                case "hidden_user" -> Updates.originHiddenUser("Hidden Hiring Manager");
                case "chat" -> Updates.originChat("Thailand Jobs Group 2025");
                default -> Updates.originChannel("Overseas Jobs Channel");
            };
            FakeBotApi.Call reply = h.reply(Updates.forwarded(newUser(), SCAM_EN, origin));
            assertTrue(reply.text().contains(c[1]), reply.text());
            for (String secret : List.of("RecruiterZhang", "zhang_hr_888", "Hidden Hiring Manager",
                    "Thailand Jobs Group", "Overseas Jobs Channel")) {
                assertFalse(reply.text().contains(secret), reply.text());
            }
        }
        assertTrue(h.recorded.stream().anyMatch(BotHarness.Recorded::forwarded));
    }

    @Test
    void captionsOfPhotosAndDocumentsAreChecked() throws Exception {
        FakeBotApi.Call photo = h.reply(Updates.photo(newUser(), SCAM_EN));
        assertTrue(photo.text().contains("High risk"), photo.text());
        FakeBotApi.Call doc = h.reply(Updates.document(newUser(), SCAM_HANS));
        assertTrue(doc.text().contains("高风险"), doc.text());
    }

    @Test
    void mediaWithoutTextGetsAShortKindReply() throws Exception {
        long u = newUser();
        assertTrue(h.reply(Updates.photo(u, null)).text().contains("can't read pictures"));
        assertTrue(h.reply(Updates.document(u, null)).text().contains("can't open files"));
        assertTrue(h.reply(Updates.sticker(u)).text().contains("sticker"));
        assertTrue(h.reply(Updates.voice(u)).text().contains("voice messages"));
        assertTrue(h.reply(Updates.video(u)).text().contains("watch videos"));
        assertTrue(h.reply(Updates.location(u)).text().contains("/contacts"));
        FakeBotApi.Call contact = h.reply(Updates.contact(u));
        assertTrue(contact.text().contains("contact cards"));
        assertFalse(contact.text().contains("+66812345678"));
    }

    @Test
    void anEditedMessageEditsTheEarlierReplyInsteadOfSendingAnother() throws Exception {
        long u = newUser();
        var first = Updates.text(u, "Hello, how are you?");
        int messageId = first.path("message").path("message_id").asInt();
        FakeBotApi.Call reply = h.reply(first);
        assertTrue(reply.text().contains("No warning signs"), reply.text());

        h.api.push(Updates.edited(u, messageId, SCAM_EN));
        FakeBotApi.Call edit = h.api.await(c -> c.method().equals("editMessageText") && c.chatId() == u, 1,
                Duration.ofSeconds(10)).get(0);
        assertTrue(edit.text().contains("High risk"), edit.text());
        assertEquals(reply.body().path("message_id").asInt(0), 0, "the fake assigns ids in its answer");
        assertTrue(edit.body().path("message_id").asInt() > 1_000_000, "the bot's own reply is edited");
        assertTrue(edit.body().path("reply_markup").toString().contains("This is wrong"));
        h.api.awaitAllConfirmed(Duration.ofSeconds(5));
        assertEquals(1, h.api.calls("sendMessage").stream().filter(c -> c.chatId() == u).count());
    }

    @Test
    void aVeryLongTextIsCheckedWhollyAndTheReplyFitsTelegramsLimit() throws Exception {
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            longText.append("Day ").append(i).append(": ordinary words about a warehouse job. ");
        }
        longText.append("At the end: the company will keep your passport <b>&amp;</b> fly tomorrow.");
        for (int i = 0; i < 200; i++) {
            longText.append(" <tag>").append(i).append(" tourist visa, rent your bank account, free flight");
        }
        FakeBotApi.Call reply = h.reply(Updates.text(newUser(), longText.toString()));
        assertTrue(reply.text().length() <= 4096, "reply has " + reply.text().length() + " chars");
        assertTrue(reply.text().contains("passport</i>”"), "a flag near the end is found: " + reply.text());
        assertFalse(reply.text().contains("<tag>"), "user text is escaped");
    }

    @Test
    void userTextIsEscapedForHtml() throws Exception {
        FakeBotApi.Call reply = h.reply(Updates.text(newUser(),
                "<b>Urgent</b> we keep your passport & pay 5000 <a href=\"x\">here</a>"));
        assertFalse(reply.text().contains("<a href"), reply.text());
        assertFalse(reply.text().contains("<b>Urgent"), reply.text());
    }

    @Test
    void emojiOnlyAndEmptyTextsAskForTheAd() throws Exception {
        long u = newUser();
        assertTrue(h.reply(Updates.text(u, "🙂🙂🔥")).text().contains("no words to check"));
        assertTrue(h.reply(Updates.text(u, " \u200b ")).text().contains("no words to check"));
    }

    @Test
    void unknownCommandsPointToHelp() throws Exception {
        assertTrue(h.reply(Updates.text(newUser(), "/dance")).text().contains("/help"));
    }

    @Test
    void commandsAnswer() throws Exception {
        long u = newUser();
        assertTrue(h.reply(Updates.text(u, "/start")).text().contains("scam compounds"));
        String help = h.reply(Updates.text(u, "/help")).text();
        assertTrue(help.contains("For example") && help.contains("passport"), help);
        String privacy = h.reply(Updates.text(u, "/privacy")).text();
        assertTrue(privacy.contains("180 days") && privacy.contains("never keep"), privacy);
        FakeBotApi.Call contacts = h.reply(Updates.text(u, "/contacts"));
        assertTrue(contacts.text().contains("Where is the person now?"), contacts.text());
        assertTrue(contacts.body().path("reply_markup").toString().contains("\"cl:MM\""));
        assertTrue(h.reply(Updates.text(u, "/forget")).text().contains("cleared"));
    }

    @Test
    void forgetAlsoDeletesWhatTheUserJustSentThroughTheSameOpaqueKey() throws Exception {
        long u = newUser();
        int before = h.recorded.size();
        h.reply(Updates.text(u, SCAM_EN));
        String sender = h.recorded(before).sender();
        assertFalse(sender.contains(String.valueOf(u)), "the sink gets a keyed hash, not the id");
        String done = h.reply(Updates.text(u, "/forget")).text();
        assertTrue(h.forgotten.contains(sender));
        assertTrue(done.contains("deleted 1 stored report"), done);
        assertTrue(h.reply(Updates.text(u, "/privacy")).text().contains("only for 24 hours"));
    }

    @Test
    void langOverridesTheReplyLanguageUntilForget() throws Exception {
        long u = newUser();
        FakeBotApi.Call ask = h.reply(Updates.text(u, "/lang"));
        assertTrue(ask.body().path("reply_markup").toString().contains("繁體中文"));
        assertTrue(h.reply(Updates.text(u, "/lang zh-Hant")).text().contains("繁體中文"));
        FakeBotApi.Call reply = h.reply(Updates.text(u, SCAM_EN));
        assertTrue(reply.text().contains("高風險"), reply.text());
        h.reply(Updates.text(u, "/forget"));
        assertTrue(h.reply(Updates.text(u, SCAM_EN)).text().contains("High risk"));
    }

    @Test
    void buttonsAreAnsweredAndWrongIsReportedOnce() throws Exception {
        long u = newUser();
        FakeBotApi.Call verdict = h.reply(Updates.text(u, SCAM_EN));
        String wrongData = null;
        for (JsonNode row : verdict.body().path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (b.path("callback_data").asText().startsWith("w:")) {
                    wrongData = b.path("callback_data").asText();
                }
            }
        }
        int botMessage = 1;
        int answers = h.api.calls("answerCallbackQuery").size();
        assertTrue(h.reply(Updates.callback(u, botMessage, "s")).text().contains("written contract"));
        h.api.push(Updates.callback(u, botMessage, wrongData));
        FakeBotApi.Call thanks = h.api.await(c -> c.method().equals("answerCallbackQuery")
                && c.body().path("text").asText().contains("Thank you"), 1, Duration.ofSeconds(10)).get(0);
        assertTrue(thanks.body().path("callback_query_id").asText().startsWith("cb"));
        assertEquals(1, h.reports.size());
        assertTrue(h.reports.get(0).recordId().isPresent());
        h.api.push(Updates.callback(u, botMessage, wrongData));
        h.api.await(c -> c.method().equals("answerCallbackQuery")
                && c.body().path("text").asText().contains("expired"), 1, Duration.ofSeconds(10));
        assertEquals(1, h.reports.size(), "a second press does not count twice");
        assertTrue(h.reply(Updates.callback(u, botMessage, "c")).text().contains("Where is the person now?"));
        h.api.await(c -> c.method().equals("answerCallbackQuery"), answers + 4, Duration.ofSeconds(10));
    }

    @Test
    void aRelativesMessageGetsTheNumbersForThePlaceNamedAndTheAdviceNotAJobVerdict() throws Exception {
        FakeBotApi.Call hans = h.reply(Updates.text(newUser(), "我儿子在妙瓦底，他们要交钱放人，不然就把他转卖"));
        assertTrue(hans.text().contains("求助电话") && hans.text().contains("妙瓦底"), hans.text());
        assertTrue(hans.text().contains("不要付赎金") && hans.text().contains("核实"), hans.text());
        assertFalse(hans.text().contains("招工"), "not a job-ad verdict: " + hans.text());
        assertTrue(hans.text().startsWith("🔴 <b>高风险：这很像勒索赎金</b>"), "says what it reads as: " + hans.text());
        assertTrue(hans.text().contains("“<i>"), "quotes the demand, as every verdict does: " + hans.text());
        assertTrue(hans.body().path("reply_markup").toString().contains("\"c\""), "asks whose citizen he is");

        FakeBotApi.Call hant = h.reply(Updates.text(newUser(), "我兒子被關在妙瓦底，他們要贖金才放人，他是台灣人"));
        assertTrue(hant.text().contains("求助電話") && hant.text().contains("不要付贖金"), hant.text());
        assertTrue(hant.text().contains("0800"), "Taiwan's overseas emergency line: " + hant.text());

        FakeBotApi.Call en = h.reply(Updates.text(newUser(),
                "My daughter is held in Sihanoukville and they want ransom to release her. She is Filipino."));
        assertTrue(en.text().contains("Help contacts") && en.text().contains("Do not pay ransom"), en.text());
        assertTrue(en.text().contains("Sihanoukville"), en.text());

        // the issue's own example names no ransom word, only a place and a sum
        FakeBotApi.Call plain = h.reply(Updates.text(newUser(), "我儿子在妙瓦底，他们要四万块"));
        assertTrue(plain.text().contains("求助电话") && plain.text().contains("不要付赎金"), plain.text());
        // nor does a demand in words no rule lists: its ideas (an account to settle, a release, a sum) are quoted
        FakeBotApi.Call unlisted = h.reply(Updates.text(newUser(), "你弟的账还没平，平了账就能放，家里凑一凑大概十万，越拖越贵"));
        assertTrue(unlisted.text().contains("这很像勒索赎金") && unlisted.text().contains("不要付赎金"), unlisted.text());
        assertTrue(unlisted.text().contains("“<i>"), unlisted.text());
        assertFalse(unlisted.text().contains("招聘信息"), "its wording is a demand's, not a recruiter's: " + unlisted.text());

        // a plea a mother forwards asks for no money: it is answered as someone held, with the same numbers
        FakeBotApi.Call plea = h.reply(Updates.text(newUser(), "我儿子刚发来的：妈 救救我 我在缅甸 坐船过的河 手机被收了 这是偷偷借的 看完删 别发网上"));
        assertTrue(plea.text().startsWith("🔴 <b>高风险：有人可能被困，失去人身自由</b>"), plea.text());
        assertFalse(plea.text().contains("勒索赎金") || plea.text().contains("要钱才肯放人，这是敲诈勒索"),
                "nobody asked for money: " + plea.text());
        assertTrue(plea.text().contains("求助电话") && plea.text().contains("缅甸"), plea.text());
    }

    @Test
    void contactsTakeTwoTapsAndShowNumbersWithSourceAndVerifiedDate() throws Exception {
        long u = newUser();
        FakeBotApi.Call ask = h.reply(Updates.text(u, "/contacts"));
        int questionId = 1_000_000 + 1;
        h.api.push(Updates.callback(u, questionId, "cl:MM"));
        FakeBotApi.Call second = h.api.await(c -> c.method().equals("editMessageText") && c.chatId() == u, 1,
                Duration.ofSeconds(10)).get(0);
        assertTrue(second.text().contains("Whose citizen"), second.text());
        assertTrue(second.body().path("reply_markup").toString().contains("\"cn:MM:CN\""));
        h.api.push(Updates.callback(u, questionId, "cn:MM:CN"));
        FakeBotApi.Call answer = h.api.await(c -> c.method().equals("editMessageText") && c.chatId() == u, 2,
                Duration.ofSeconds(10)).get(1);
        String text = answer.text();
        assertTrue(text.contains("+861012308") || text.contains("12308"), "China's consular hotline: " + text);
        assertTrue(text.contains("verified") && text.contains("source"), text);
        assertTrue(text.contains("Do not pay ransom"), text);
        assertTrue(answer.body().path("reply_markup").isMissingNode(), "the questions' buttons are gone");
        assertTrue(ask.text().contains("Where is the person"));
    }

    @Test
    void groupsHearNothingUnlessAddressedAndThenOnlyToGoPrivate() throws Exception {
        long u = newUser();
        int recordedBefore = h.recorded.size();
        int before = h.api.calls("sendMessage").size();
        h.api.push(Updates.group(u, SCAM_EN, null, 0));
        h.api.push(Updates.group(u, "/start@SomeOtherBot", "bot_command", 19));
        h.api.push(Updates.channelPost(SCAM_EN));
        String mention = "@" + FakeBotApi.BOT_USERNAME + " " + SCAM_HANS;
        FakeBotApi.Call reply = h.reply(Updates.group(u, mention, "mention", FakeBotApi.BOT_USERNAME.length() + 1));
        assertEquals(before + 1, h.api.calls("sendMessage").size(), "only the mention is answered");
        assertEquals(-5000L - u, reply.chatId());
        assertTrue(reply.text().contains("私聊") && reply.text().contains("t.me/" + FakeBotApi.BOT_USERNAME),
                reply.text());
        assertFalse(reply.text().contains("护照") || reply.text().contains("风险"), "nothing read is leaked");
        FakeBotApi.Call command = h.reply(Updates.group(u, "/help@" + FakeBotApi.BOT_USERNAME, "bot_command",
                6 + FakeBotApi.BOT_USERNAME.length()));
        assertTrue(command.text().contains("私聊"));
        assertEquals(recordedBefore, h.recorded.size(), "group messages are not even checked");
    }
}
