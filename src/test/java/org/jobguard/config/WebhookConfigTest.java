package org.jobguard.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code JOBGUARD_WEBHOOK_URL} and {@code JOBGUARD_WEBHOOK_SECRET}: what starts, and what fails fast and how. */
class WebhookConfigTest {
    private static final String HMAC = "config-test-hmac-secret-0123456789";

    @TempDir
    Path data;

    private Map<String, String> bot(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", "123:abc");
        env.put("JOBGUARD_HMAC_SECRET", HMAC);
        env.put("JOBGUARD_DATA_DIR", data.toString());
        if (url != null) {
            env.put("JOBGUARD_WEBHOOK_URL", url);
        }
        return env;
    }

    @Test
    void withoutTheUrlTheBotPollsAsBefore() {
        Config c = Config.load(bot(null));
        assertTrue(c.webhook().isEmpty());
        Map<String, String> blank = bot("  ");
        assertTrue(Config.load(blank).webhook().isEmpty());
    }

    @Test
    void theUrlsPathIsTheLocalRouteAndAGivenSecretIsUsed() {
        Map<String, String> env = bot("https://bot.example.org:8443/tg/hook");
        env.put("JOBGUARD_WEBHOOK_SECRET", "Abc_123-xyz");
        Webhook w = Config.load(env).webhook().orElseThrow();
        assertEquals("https://bot.example.org:8443/tg/hook", w.url().toString());
        assertEquals("/tg/hook", w.path());
        assertEquals("Abc_123-xyz", w.secretToken());
        assertFalse(w.toString().contains("Abc_123-xyz"), "toString never shows the secret");
        assertFalse(Config.load(env).toString().contains("Abc_123-xyz"));
    }

    @Test
    void withoutASecretOneIsDerivedFromTheHmacSecretStableAndValidForTelegram() {
        String first = Config.load(bot("https://bot.example.org/tg/hook")).webhook().orElseThrow().secretToken();
        String again = Config.load(bot("https://bot.example.org/tg/hook")).webhook().orElseThrow().secretToken();
        assertEquals(first, again, "the same after a restart");
        assertTrue(first.matches("[A-Za-z0-9_-]{1,256}"), first);
        assertFalse(first.contains(HMAC), "the HMAC secret itself never leaves the process");
        assertNotEquals(first, Config.derivedWebhookSecret("another-hmac-secret-0123456789"));
    }

    @Test
    void aUrlTelegramWouldNotDeliverToFailsAtStartNamingTheVariable() {
        for (String url : new String[]{"http://bot.example.org/tg/hook", "https://bot.example.org:8080/tg/hook",
                "https://bot.example.org", "https://bot.example.org/", "https://bot.example.org/tg/hook?x=1",
                "https://bot.example.org/tg/{id}", "https:///tg/hook", "bot.example.org/tg/hook", "https://a b/c"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> Config.load(bot(url)), url);
            assertEquals("JOBGUARD_WEBHOOK_URL", e.file(), url);
        }
        ConfigException port = assertThrows(ConfigException.class,
                () -> Config.load(bot("https://bot.example.org:8080/tg/hook")));
        assertTrue(port.reason().contains("443, 80, 88 or 8443"), port.reason());
        for (int ok : new int[]{443, 80, 88, 8443}) {
            assertTrue(Config.load(bot("https://bot.example.org:" + ok + "/hook")).webhook().isPresent());
        }
    }

    @Test
    void aSecretOutsideTelegramsRuleFailsWithoutEchoingIt() {
        for (String secret : new String[]{"has space", "ümlaut", "semi;colon", "a".repeat(257)}) {
            Map<String, String> env = bot("https://bot.example.org/tg/hook");
            env.put("JOBGUARD_WEBHOOK_SECRET", secret);
            ConfigException e = assertThrows(ConfigException.class, () -> Config.load(env));
            assertEquals("JOBGUARD_WEBHOOK_SECRET", e.file());
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    @Test
    void aWebhookWithoutABotTokenFailsRatherThanBeingIgnored() {
        Map<String, String> env = new HashMap<>();
        env.put("JOBGUARD_DATA_DIR", data.toString());
        env.put("JOBGUARD_WEBHOOK_URL", "https://bot.example.org/tg/hook");
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(env));
        assertEquals("JOBGUARD_WEBHOOK_URL", e.file());
        assertTrue(e.reason().contains("TELEGRAM_BOT_TOKEN"), e.reason());
    }
}
