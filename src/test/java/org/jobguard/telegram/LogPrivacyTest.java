package org.jobguard.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.jobguard.CapturedLog;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives every path that logs (errors included) with planted values and greps the captured log for them. */
class LogPrivacyTest {
    private static final long USER_ID = 987_654_321_987L;
    private static final String USERNAME = "planted_user_x";
    private static final String FIRST_NAME = "PlantedFirstName";
    private static final String TEXT_MARK = "PLANTEDTEXTqz7";
    private static final String ORIGIN_NAME = "PlantedRecruiterName";
    private static final String CRASH_MARK = "CRASHqz7";

    @Test
    void noMessageTextUserIdUsernameOrNameReachesTheLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        CapturedLog captured = CapturedLog.start();
        root.setLevel(Level.TRACE);
        TextChecker failing = (text, lang) -> {
            if (text.contains(CRASH_MARK)) {
                throw new IllegalStateException("cannot check: " + text);
            }
            return BotHarness.CHECKER.check(text, lang);
        };
        List<FakeBotApi.Call> sent;
        try (BotHarness h = new BotHarness(s -> s, failing)) {
            h.api.fail("sendMessage", 2, 500, null);
            h.api.fail("sendMessage", 1, 429, 1);
            h.api.fail("sendMessage", 1, FakeBotApi.DROP_CONNECTION, null);
            h.api.fail("getUpdates", 1, 502, null);
            String scam = UpdateKindsTest.SCAM_EN + " " + TEXT_MARK;
            ObjectNode first = planted(Updates.text(USER_ID, scam));
            h.api.push(first);
            h.api.push(planted(Updates.forwarded(USER_ID, scam, Updates.originUser(ORIGIN_NAME, "planted_origin"))));
            h.api.push(planted(Updates.forwarded(USER_ID, scam, Updates.originChannel(ORIGIN_NAME))));
            h.api.push(planted(Updates.text(USER_ID, "boom " + CRASH_MARK + " " + TEXT_MARK)));
            h.api.push(planted(Updates.photo(USER_ID, null)));
            h.api.push(planted(Updates.text(USER_ID, "/discreet 1")));
            h.api.push(planted(Updates.group(USER_ID, "@" + FakeBotApi.BOT_USERNAME + " " + TEXT_MARK, "mention",
                    FakeBotApi.BOT_USERNAME.length() + 1)));
            h.api.fail("editMessageText", 1, 400, null);
            ObjectNode edit = Updates.edited(USER_ID, first.path("message").path("message_id").asInt(), scam + "!");
            ((ObjectNode) edit.path("edited_message").path("from")).put("username", USERNAME)
                    .put("first_name", FIRST_NAME);
            h.api.push(edit);
            h.api.awaitAllConfirmed(Duration.ofSeconds(20));
            sent = h.api.calls("sendMessage");
        } finally {
            captured.close();
            root.setLevel(level);
        }
        List<String> lines = captured.events().stream().map(LogPrivacyTest::render).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("answered 500")), "the failures were logged: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("IllegalStateException")), "the crash was logged");
        assertTrue(sent.stream().anyMatch(c -> c.text().contains("went wrong")),
                "the user still got an answer");
        for (String line : lines) {
            for (String planted : List.of(TEXT_MARK, CRASH_MARK, String.valueOf(USER_ID), USERNAME, FIRST_NAME,
                    ORIGIN_NAME, "planted_origin", FakeBotApi.TOKEN)) {
                assertFalse(line.contains(planted), "log line leaks " + planted + ": " + line);
            }
        }
    }

    private static ObjectNode planted(ObjectNode update) {
        ObjectNode m = (ObjectNode) update.path("message");
        ObjectNode from = (ObjectNode) m.path("from");
        from.put("id", USER_ID).put("username", USERNAME).put("first_name", FIRST_NAME);
        if (m.path("chat").path("type").asText().equals("private")) {
            ((ObjectNode) m.path("chat")).put("id", USER_ID).put("first_name", FIRST_NAME).put("username", USERNAME);
        }
        return update;
    }

    private static String render(ILoggingEvent e) {
        String thrown = e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy());
        return e.getLoggerName() + " " + e.getThreadName() + " " + e.getFormattedMessage() + " " + thrown
                + " " + e.getMDCPropertyMap();
    }
}
