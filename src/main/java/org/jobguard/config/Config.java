package org.jobguard.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobguard.patterns.StoreLocation;
import org.jobguard.picture.PictureSettings;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the service needs to start, from {@code config/jobguard.yaml} with environment overrides.
 * {@code App} wires every part from this one record.
 *
 * @param hmacSecret keyed-hash secret: {@code JOBGUARD_HMAC_SECRET} (required with a bot token), or in local mode
 *                   one generated once and kept in the data directory (owner-only)
 * @param store      the pattern store: {@code JOBGUARD_DATABASE_URL} ({@code postgresql://...}) when set, otherwise
 *                   the SQLite file {@code jobguard.db} in the data directory
 * @param webhook    set by {@code JOBGUARD_WEBHOOK_URL}: Telegram posts updates to the web server instead of the bot
 *                   polling for them
 * @param pictures   how the text of photos and screenshots is read ({@code pictures:}; {@code JOBGUARD_TESSERACT}
 *                   names the executable, {@code JOBGUARD_PICTURES=off} switches reading off)
 */
public record Config(ConfigFiles files, Path dataDir, StoreLocation store, int retentionDays, int port, int maxCheckedChars,
                     Optional<String> telegramToken, URI telegramApiUrl, int botWorkers, int messagesPerMinute,
                     int pollTimeoutSeconds, int discreetDeleteAfterMinutes, String hmacSecret,
                     Optional<Webhook> webhook, PictureSettings pictures, Map<String, String> env) {
    /** Telegram delivers webhooks over HTTPS to these ports only (Bot API, setWebhook). */
    private static final Set<Integer> WEBHOOK_PORTS = Set.of(443, 80, 88, 8443);
    /** Telegram's rule for secret_token. */
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    /** Route paths are patterns to Javalin ({@code {id}}, {@code *}); only plain characters keep this one literal. */
    private static final Pattern WEBHOOK_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+/?");

    /** The SQLite file used when no {@code JOBGUARD_DATABASE_URL} is set. */
    public static Path sqliteFile(Path dataDir) {
        return dataDir.resolve("jobguard.db");
    }

    public boolean localMode() {
        return telegramToken.isEmpty();
    }

    @Override
    public String toString() {
        return "Config[dataDir=" + dataDir + ", store=" + store.describe() + ", port=" + port + ", bot=" + !localMode()
                + ", webhook=" + webhook.isPresent() + "]";
    }

    public static Config load(Map<String, String> env) {
        ConfigFiles files = ConfigFiles.locate(env);
        YamlDocument doc = files.yaml("jobguard.yaml");
        JsonNode root = doc.root();
        Path dataDir = Path.of(env.getOrDefault("JOBGUARD_DATA_DIR", text(doc, root, "/store/data_dir", "data")));
        StoreLocation store = storeLocation(env, dataDir);
        int retention = number(doc, env, "JOBGUARD_RETENTION_DAYS", "/store/retention_days", 180, 1, 3650);
        int port = number(doc, env, "JOBGUARD_PORT", "/web/port", 8080, 0, 65535);
        int maxChars = number(doc, env, null, "/web/max_checked_chars", 20000, 100, 1_000_000);
        Optional<String> token = Optional.ofNullable(env.get("TELEGRAM_BOT_TOKEN")).map(String::trim)
                .filter(s -> !s.isEmpty());
        String api = env.getOrDefault("TELEGRAM_API_URL", text(doc, root, "/telegram/api_url", "https://api.telegram.org"));
        URI apiUrl;
        try {
            apiUrl = URI.create(api.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("TELEGRAM_API_URL", 0, "not a URL: " + api);
        }
        int workers = number(doc, env, null, "/telegram/workers", 8, 1, 64);
        int perMinute = number(doc, env, null, "/telegram/messages_per_minute", 20, 1, 10_000);
        int pollTimeout = number(doc, env, null, "/telegram/poll_timeout_seconds", 25, 0, 50);
        int deleteAfter = number(doc, env, null, "/telegram/discreet_delete_after_minutes", 10, 0, 24 * 60);
        String secret = hmacSecret(env, dataDir, token.isPresent());
        Optional<Webhook> webhook = webhook(env, token.isPresent(), secret);
        return new Config(files, dataDir, store, retention, port, maxChars, token, apiUrl, workers, perMinute, pollTimeout,
                deleteAfter, secret, webhook, pictures(doc, root, env), Map.copyOf(env));
    }

    private static PictureSettings pictures(YamlDocument doc, JsonNode root, Map<String, String> env) {
        String enabled = env.getOrDefault("JOBGUARD_PICTURES", text(doc, root, "/pictures/enabled", "true")).trim();
        if (!Set.of("true", "false", "on", "off").contains(enabled)) {
            throw env.containsKey("JOBGUARD_PICTURES")
                    ? new ConfigException("JOBGUARD_PICTURES", 0, "must be on or off, got " + enabled)
                    : doc.error("/pictures/enabled", "pictures.enabled must be true or false");
        }
        String command = env.getOrDefault("JOBGUARD_TESSERACT", text(doc, root, "/pictures/tesseract", "tesseract")).trim();
        int readers = number(doc, env, null, "/pictures/readers", 2, 1, 16);
        int queue = number(doc, env, null, "/pictures/queue", 8, 0, 1000);
        int timeout = number(doc, env, null, "/pictures/timeout_seconds", 20, 1, 600);
        int maxMb = number(doc, env, null, "/pictures/max_mb", 10, 1, 20);
        return new PictureSettings(enabled.equals("true") || enabled.equals("on"), command.isEmpty() ? "tesseract" : command,
                readers, queue, java.time.Duration.ofSeconds(timeout), maxMb * 1024 * 1024);
    }

    private static StoreLocation storeLocation(Map<String, String> env, Path dataDir) {
        String url = env.get("JOBGUARD_DATABASE_URL");
        if (url == null || url.isBlank()) {
            return new StoreLocation.SqliteFile(sqliteFile(dataDir));
        }
        try {
            return StoreLocation.postgres(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("JOBGUARD_DATABASE_URL", 0, e.getMessage());
        }
    }

    /**
     * Checked here rather than left to setWebhook: Telegram's refusal would only say "bad webhook" at start-up,
     * while this names the variable and the rule.
     */
    private static Optional<Webhook> webhook(Map<String, String> env, boolean bot, String hmacSecret) {
        String value = env.get("JOBGUARD_WEBHOOK_URL");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String var = "JOBGUARD_WEBHOOK_URL";
        if (!bot) {
            throw new ConfigException(var, 0, "needs TELEGRAM_BOT_TOKEN: the webhook delivers the bot's updates");
        }
        URI url;
        try {
            url = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException(var, 0, "not a URL: " + value.trim());
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new ConfigException(var, 0, "must be an https:// URL with a host (Telegram delivers webhooks over"
                    + " HTTPS only), got " + value.trim());
        }
        if (url.getPort() != -1 && !WEBHOOK_PORTS.contains(url.getPort())) {
            throw new ConfigException(var, 0, "Telegram delivers webhooks only to ports 443, 80, 88 or 8443, got "
                    + url.getPort());
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new ConfigException(var, 0, "must not carry a user, query or fragment: the secret token header"
                    + " authenticates Telegram");
        }
        if (url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/")
                || !WEBHOOK_PATH.matcher(url.getRawPath()).matches()) {
            throw new ConfigException(var, 0, "needs a path of letters, digits and / . _ ~ - such as"
                    + " https://bot.example.org/tg/hook: the web server serves that path on JOBGUARD_PORT and its own"
                    + " pages on /");
        }
        String given = env.get("JOBGUARD_WEBHOOK_SECRET");
        String secret;
        if (given != null && !given.isBlank()) {
            secret = given.trim();
            if (!WEBHOOK_SECRET.matcher(secret).matches()) {
                // the value itself is not echoed: it is a secret
                throw new ConfigException("JOBGUARD_WEBHOOK_SECRET", 0,
                        "must be 1 to 256 characters of A-Z a-z 0-9 _ - (Telegram's rule for secret_token)");
            }
        } else {
            secret = derivedWebhookSecret(hmacSecret);
        }
        return Optional.of(new Webhook(url, secret));
    }

    /**
     * No extra set-up and the same value after every restart (Telegram keeps the one given to setWebhook), while
     * the HMAC secret itself, which keys the stored hashes, never leaves the process: HMAC is one-way.
     */
    static String derivedWebhookSecret(String hmacSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("jobguard telegram webhook secret v1"
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * A key generated into the data folder would travel with every copy of that folder and let its holder test
     * phone numbers against the stored hashes, so the bot, which stores real reports, needs one from the
     * environment. Local mode, someone trying JobGuard on their own machine, generates one so it starts with no
     * set-up.
     */
    private static String hmacSecret(Map<String, String> env, Path dataDir, boolean bot) {
        String fromEnv = env.get("JOBGUARD_HMAC_SECRET");
        if (fromEnv != null && !fromEnv.isBlank()) {
            if (fromEnv.trim().length() < 16) {
                throw new ConfigException("JOBGUARD_HMAC_SECRET", 0, "must be at least 16 characters");
            }
            return fromEnv.trim();
        }
        if (bot) {
            throw new ConfigException("JOBGUARD_HMAC_SECRET", 0, "is required when TELEGRAM_BOT_TOKEN is set; "
                    + "make one with: openssl rand -hex 32");
        }
        Path file = dataDir.resolve("hmac.secret");
        try {
            if (Files.isRegularFile(file)) {
                String s = Files.readString(file).trim();
                if (s.length() < 16) {
                    throw new ConfigException(file.toString(), 1, "secret too short; delete the file to make a new one");
                }
                return s;
            }
            Files.createDirectories(dataDir);
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            String s = HexFormat.of().formatHex(b);
            Files.writeString(file, s + "\n");
            PrivateFiles.restrict(file, "rw-------");
            return s;
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "cannot read or create the HMAC secret: " + e.getMessage());
        }
    }

    private static String text(YamlDocument doc, JsonNode root, String pointer, String fallback) {
        JsonNode n = root.at(pointer);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.isValueNode() || n.asText().isBlank()) {
            throw doc.error(pointer, pointer.substring(1).replace('/', '.') + " must be text");
        }
        return n.asText();
    }

    private static int number(YamlDocument doc, Map<String, String> env, String var, String pointer, int fallback,
                              int min, int max) {
        String name = pointer.substring(1).replace('/', '.');
        if (var != null && env.get(var) != null && !env.get(var).isBlank()) {
            try {
                int v = Integer.parseInt(env.get(var).trim());
                if (v < min || v > max) {
                    throw new ConfigException(var, 0, "must be between " + min + " and " + max + ", got " + v);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new ConfigException(var, 0, "not a number: " + env.get(var));
            }
        }
        JsonNode n = doc.root().at(pointer);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw doc.error(pointer, name + " must be a whole number, not '" + n.asText() + "'");
        }
        int v = n.asInt();
        if (v < min || v > max) {
            throw doc.error(pointer, name + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }
}
