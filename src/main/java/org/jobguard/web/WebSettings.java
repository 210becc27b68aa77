package org.jobguard.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the web server runs.
 *
 * @param port              0 picks a free port
 * @param dataDir           where the hashed admin credentials live when they are not given by the environment
 * @param maxCheckedChars   longer texts are cut to this many code points before checking, and the page says so
 * @param adminUser         from {@code JOBGUARD_ADMIN_USER}: the login's user name (default {@code admin})
 * @param adminPassword     from {@code JOBGUARD_ADMIN_PASSWORD}: with it no credentials file is used (this is how a
 *                          lost generated password is replaced); kept only as a hash
 * @param apiToken          from {@code JOBGUARD_API_TOKEN}: a bearer token for scripts using {@code /api/*}
 * @param secureCookies     set when the server is reached over HTTPS (behind a proxy)
 * @param loginFailureLimit failed logins allowed per client address and user name within {@code loginWindow}
 *                          (four times as many per address over all user names)
 * @param passwordHashingSlots password checks that may run at once: each Argon2 check holds 19 MiB
 * @param trustedProxies    from {@code JOBGUARD_TRUSTED_PROXIES}: reverse proxies whose {@code X-Forwarded-For}
 *                          names the client (see {@link ClientAddress})
 * @param publicLimits      requests and stored patterns allowed from strangers on the public entry points
 * @param signingSecret     {@code JOBGUARD_HMAC_SECRET}: keys the login form's signed CSRF cookie, so that a form
 *                          fetched before a restart still works; empty: a key made for each process
 */
public record WebSettings(String host, int port, Path dataDir, int maxCheckedChars,
                          Optional<String> adminUser, Optional<String> adminPassword, Optional<String> apiToken,
                          boolean secureCookies, int loginFailureLimit, Duration loginWindow,
                          Duration sessionIdle, int passwordHashingSlots, Set<String> trustedProxies,
                          PublicLimits publicLimits, Optional<String> signingSecret) {

    public static final int DEFAULT_PORT = 8080;

    public WebSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (passwordHashingSlots < 1) {
            throw new IllegalArgumentException("passwordHashingSlots must be positive");
        }
        if (maxCheckedChars < 1) {
            throw new IllegalArgumentException("maxCheckedChars must be positive");
        }
        trustedProxies = Set.copyOf(trustedProxies);
        adminUser = adminUser.filter(s -> !s.isBlank());
        adminPassword = adminPassword.filter(s -> !s.isBlank());
        apiToken = apiToken.filter(s -> !s.isBlank());
        signingSecret = signingSecret.filter(s -> !s.isBlank());
    }

    /**
     * Local-mode defaults; {@code env} supplies {@code JOBGUARD_PORT}, {@code JOBGUARD_HOST} (default loopback, so a
     * laptop does not offer the dashboard to its network; {@code 0.0.0.0} behind a proxy), {@code
     * JOBGUARD_SECURE_COOKIES=true} for HTTPS, and the admin and API secrets.
     */
    public static WebSettings fromEnvironment(Map<String, String> env, Path dataDir) {
        int port = DEFAULT_PORT;
        String p = env.get("JOBGUARD_PORT");
        if (p != null && !p.isBlank()) {
            try {
                port = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("JOBGUARD_PORT: not a number: " + p);
            }
        }
        String host = Optional.ofNullable(env.get("JOBGUARD_HOST")).filter(h -> !h.isBlank()).orElse("127.0.0.1");
        return new WebSettings(host, port, dataDir, 20_000,
                Optional.ofNullable(env.get("JOBGUARD_ADMIN_USER")),
                Optional.ofNullable(env.get("JOBGUARD_ADMIN_PASSWORD")),
                Optional.ofNullable(env.get("JOBGUARD_API_TOKEN")),
                "true".equalsIgnoreCase(env.get("JOBGUARD_SECURE_COOKIES")), 5, Duration.ofMinutes(15), Duration.ofHours(8),
                passwordHashingSlotsFor(Runtime.getRuntime().maxMemory()),
                Arrays.stream(env.getOrDefault("JOBGUARD_TRUSTED_PROXIES", "").split(",")).map(String::trim)
                        .filter(a -> !a.isEmpty()).collect(Collectors.toSet()), PublicLimits.DEFAULTS, Optional.empty());
    }

    /**
     * Loopback only, free port: what tests use. Tests send hundreds of checks from one address to measure other
     * things, so the public limits are far above the service's; a test of the limits sets them itself.
     */
    public static WebSettings forTest(Path dataDir) {
        return new WebSettings("127.0.0.1", 0, dataDir, 20_000, Optional.empty(), Optional.empty(),
                Optional.empty(), false, 5, Duration.ofMinutes(15), Duration.ofHours(8),
                passwordHashingSlotsFor(Runtime.getRuntime().maxMemory()), Set.of(),
                new PublicLimits(100_000, 1_000_000, 100_000, 1_000_000), Optional.empty());
    }

    /**
     * One password check per 64 MiB of heap, at least one: an Argon2 check holds 19 MiB, so with
     * {@code -Xmx128m} two at once leave the rest of the service its memory; eight ran it out of memory.
     */
    public static int passwordHashingSlotsFor(long maxHeapBytes) {
        return (int) Math.max(1, maxHeapBytes / (64L * 1024 * 1024));
    }

    public WebSettings withTrustedProxies(Set<String> proxies) {
        return new WebSettings(host, port, dataDir, maxCheckedChars, adminUser, adminPassword,
                apiToken, secureCookies, loginFailureLimit, loginWindow, sessionIdle, passwordHashingSlots, proxies, publicLimits, signingSecret);
    }

    public WebSettings withPasswordHashingSlots(int slots) {
        return new WebSettings(host, port, dataDir, maxCheckedChars, adminUser, adminPassword,
                apiToken, secureCookies, loginFailureLimit, loginWindow, sessionIdle, slots, trustedProxies, publicLimits, signingSecret);
    }

    /**
     * The largest body {@code POST /api/check} reads: the checked characters in UTF-8 at three bytes each
     * (Chinese), with room for the JSON around them, and never under 64 KiB. A longer text up to this is
     * cut and the answer says so; beyond it the server answers 413 without reading the rest.
     */
    public int maxApiBodyBytes() {
        return Math.max(64 * 1024, maxCheckedChars * 3 + 4096);
    }

    /** The largest try-it or report form: a form percent-encodes each UTF-8 byte of the text as three. */
    public int maxFormBodyBytes() {
        return maxApiBodyBytes() * 3;
    }

    public WebSettings withAdmin(String user, String password) {
        return new WebSettings(host, port, dataDir, maxCheckedChars, Optional.of(user), Optional.of(password),
                apiToken, secureCookies, loginFailureLimit, loginWindow, sessionIdle, passwordHashingSlots, trustedProxies, publicLimits, signingSecret);
    }

    public WebSettings withApiToken(String token) {
        return new WebSettings(host, port, dataDir, maxCheckedChars, adminUser, adminPassword,
                Optional.of(token), secureCookies, loginFailureLimit, loginWindow, sessionIdle, passwordHashingSlots, trustedProxies, publicLimits, signingSecret);
    }

    public WebSettings withMaxCheckedChars(int max) {
        return new WebSettings(host, port, dataDir, max, adminUser, adminPassword,
                apiToken, secureCookies, loginFailureLimit, loginWindow, sessionIdle, passwordHashingSlots, trustedProxies, publicLimits, signingSecret);
    }

    public WebSettings withPublicLimits(PublicLimits limits) {
        return new WebSettings(host, port, dataDir, maxCheckedChars, adminUser, adminPassword,
                apiToken, secureCookies, loginFailureLimit, loginWindow, sessionIdle, passwordHashingSlots, trustedProxies, limits, signingSecret);
    }

    public WebSettings withSigningSecret(String secret) {
        return new WebSettings(host, port, dataDir, maxCheckedChars, adminUser, adminPassword, apiToken, secureCookies,
                loginFailureLimit, loginWindow, sessionIdle, passwordHashingSlots, trustedProxies, publicLimits,
                Optional.of(secret));
    }
}
