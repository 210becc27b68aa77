package org.jobguard.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.atomic.AtomicInteger;

/** Bot API update JSON as Telegram sends it, for the fake server. */
final class Updates {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger MESSAGE_IDS = new AtomicInteger(1);

    private Updates() {
    }

    static int nextMessageId() {
        return MESSAGE_IDS.incrementAndGet();
    }

    static ObjectNode user(long id, String firstName, String username, String languageCode) {
        ObjectNode u = JSON.createObjectNode().put("id", id).put("is_bot", false).put("first_name", firstName);
        if (username != null) {
            u.put("username", username);
        }
        if (languageCode != null) {
            u.put("language_code", languageCode);
        }
        return u;
    }

    /** A private-chat message from user {@code userId} (chat id = user id, as in Telegram). */
    static ObjectNode privateMessage(long userId, int messageId) {
        ObjectNode m = JSON.createObjectNode().put("message_id", messageId).put("date", 1_764_000_000);
        m.putObject("chat").put("id", userId).put("type", "private").put("first_name", "Mei");
        m.set("from", user(userId, "Mei", "mei_" + userId, "en"));
        return m;
    }

    static ObjectNode text(long userId, String text) {
        return wrap("message", privateMessage(userId, nextMessageId()).put("text", text));
    }

    static ObjectNode wrap(String kind, ObjectNode message) {
        ObjectNode u = JSON.createObjectNode();
        u.set(kind, message);
        return u;
    }

    static ObjectNode edited(long userId, int messageId, String text) {
        ObjectNode m = privateMessage(userId, messageId).put("text", text).put("edit_date", 1_764_000_100);
        return wrap("edited_message", m);
    }

    static ObjectNode forwarded(long userId, String text, ObjectNode origin) {
        ObjectNode m = privateMessage(userId, nextMessageId()).put("text", text);
        m.set("forward_origin", origin);
        return wrap("message", m);
    }

    static ObjectNode originUser(String firstName, String username) {
        ObjectNode o = JSON.createObjectNode().put("type", "user").put("date", 1_763_000_000);
        o.set("sender_user", user(424242, firstName, username, null));
        return o;
    }

    static ObjectNode originHiddenUser(String name) {
        return JSON.createObjectNode().put("type", "hidden_user").put("date", 1_763_000_000)
                .put("sender_user_name", name);
    }

    static ObjectNode originChat(String title) {
        ObjectNode o = JSON.createObjectNode().put("type", "chat").put("date", 1_763_000_000);
        o.putObject("sender_chat").put("id", -100777).put("type", "supergroup").put("title", title);
        return o;
    }

    static ObjectNode originChannel(String title) {
        ObjectNode o = JSON.createObjectNode().put("type", "channel").put("date", 1_763_000_000).put("message_id", 77);
        o.putObject("chat").put("id", -100888).put("type", "channel").put("title", title);
        return o;
    }

    static ObjectNode photo(long userId, String caption) {
        ObjectNode m = privateMessage(userId, nextMessageId());
        m.putArray("photo").addObject().put("file_id", "p1").put("file_unique_id", "up1").put("width", 90)
                .put("height", 90);
        if (caption != null) {
            m.put("caption", caption);
        }
        return wrap("message", m);
    }

    /** A photo in Telegram's sizes (a thumbnail and the full picture, {@code fileId}), optionally in an album. */
    static ObjectNode photo(long userId, String fileId, String caption, String mediaGroupId) {
        ObjectNode m = privateMessage(userId, nextMessageId());
        var sizes = m.putArray("photo");
        sizes.addObject().put("file_id", "thumb-" + fileId).put("file_unique_id", "ut" + fileId).put("width", 90)
                .put("height", 200);
        sizes.addObject().put("file_id", fileId).put("file_unique_id", "u" + fileId).put("width", 1080)
                .put("height", 2400);
        if (caption != null) {
            m.put("caption", caption);
        }
        if (mediaGroupId != null) {
            m.put("media_group_id", mediaGroupId);
        }
        return wrap("message", m);
    }

    /** A picture sent as a file, with its declared type. */
    static ObjectNode imageDocument(long userId, String fileId, String mimeType) {
        ObjectNode m = privateMessage(userId, nextMessageId());
        m.putObject("document").put("file_id", fileId).put("file_unique_id", "u" + fileId)
                .put("file_name", "screenshot.png").put("mime_type", mimeType);
        return wrap("message", m);
    }

    static ObjectNode document(long userId, String caption) {
        ObjectNode m = privateMessage(userId, nextMessageId());
        m.putObject("document").put("file_id", "d1").put("file_unique_id", "ud1").put("file_name", "offer.pdf");
        if (caption != null) {
            m.put("caption", caption);
        }
        return wrap("message", m);
    }

    static ObjectNode sticker(long userId) {
        ObjectNode m = privateMessage(userId, nextMessageId());
        m.putObject("sticker").put("file_id", "s1").put("file_unique_id", "us1").put("type", "regular")
                .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
        return wrap("message", m);
    }

    static ObjectNode voice(long userId) {
        ObjectNode m = privateMessage(userId, nextMessageId());
        m.putObject("voice").put("file_id", "v1").put("file_unique_id", "uv1").put("duration", 4);
        return wrap("message", m);
    }

    static ObjectNode video(long userId) {
        ObjectNode m = privateMessage(userId, nextMessageId());
        m.putObject("video").put("file_id", "vi1").put("file_unique_id", "uvi1").put("width", 640)
                .put("height", 480).put("duration", 9);
        return wrap("message", m);
    }

    static ObjectNode location(long userId) {
        ObjectNode m = privateMessage(userId, nextMessageId());
        m.putObject("location").put("latitude", 16.69).put("longitude", 98.50);
        return wrap("message", m);
    }

    static ObjectNode contact(long userId) {
        ObjectNode m = privateMessage(userId, nextMessageId());
        m.putObject("contact").put("phone_number", "+66812345678").put("first_name", "Recruiter");
        return wrap("message", m);
    }

    /** A group message with one entity (bot_command or mention) covering {@code entityText} at its start. */
    static ObjectNode group(long userId, String text, String entityType, int entityLength) {
        ObjectNode m = JSON.createObjectNode().put("message_id", nextMessageId()).put("date", 1_764_000_000);
        m.putObject("chat").put("id", -5000L - userId).put("type", "supergroup").put("title", "Jobs Group");
        m.set("from", user(userId, "Mei", "mei_" + userId, "zh-hans"));
        m.put("text", text);
        if (entityType != null) {
            m.putArray("entities").addObject().put("type", entityType).put("offset", 0).put("length", entityLength);
        }
        return wrap("message", m);
    }

    static ObjectNode channelPost(String text) {
        ObjectNode m = JSON.createObjectNode().put("message_id", nextMessageId()).put("date", 1_764_000_000);
        m.putObject("chat").put("id", -100999L).put("type", "channel").put("title", "Jobs Channel");
        m.put("text", text);
        return wrap("channel_post", m);
    }

    static ObjectNode callback(long userId, int botMessageId, String data) {
        ObjectNode q = JSON.createObjectNode().put("id", "cb" + nextMessageId()).put("chat_instance", "ci")
                .put("data", data);
        q.set("from", user(userId, "Mei", "mei_" + userId, "en"));
        ObjectNode m = q.putObject("message").put("message_id", botMessageId).put("date", 1_764_000_000);
        m.putObject("chat").put("id", userId).put("type", "private");
        m.set("from", user(FakeBotApi.BOT_ID, "JobGuard", FakeBotApi.BOT_USERNAME, null).put("is_bot", true));
        m.put("text", "verdict");
        return wrap("callback_query", q);
    }
}
