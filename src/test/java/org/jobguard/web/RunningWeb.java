package org.jobguard.web;

import org.jobguard.checker.Normalizer;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.ContactsLoader;
import org.jobguard.config.RulesLoader;
import org.jobguard.contacts.HelpDirectory;
import org.jobguard.i18n.Messages;
import org.jobguard.patterns.ConfirmedPatternIndex;
import org.jobguard.patterns.Fingerprinter;
import org.jobguard.patterns.PatternService;
import org.jobguard.patterns.PatternStore;
import org.jobguard.privacy.IndicatorHasher;
import org.jobguard.privacy.Redactor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real web server on 127.0.0.1 wired like the app: the repository's rules, messages and contacts, a real
 * SQLite pattern store in a temp directory whose confirmed patterns feed the checker, plus a plain HTTP client.
 */
final class RunningWeb implements AutoCloseable {
    static final String USER = "moderator";
    static final String PASSWORD = "correct horse battery staple";

    static final String HMAC_SECRET = "web-test-secret-0123456789abcdef";

    final RedFlagChecker checker;
    final Messages messages;
    final ServiceMetrics metrics = new ServiceMetrics();
    final PatternStore store;
    final PatternService patterns;
    final WebServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    RunningWeb(Path dataDir) {
        this(WebSettings.forTest(dataDir).withAdmin(USER, PASSWORD));
    }

    RunningWeb(WebSettings settings) {
        this(settings, java.util.Optional.empty());
    }

    RunningWeb(WebSettings settings, java.util.Optional<InboundPost> inbound) {
        this(settings, inbound, 0);
    }

    /** @param storeMaxBytes 0, or the size past which the store's writes fail, as on a full disk */
    RunningWeb(WebSettings settings, java.util.Optional<InboundPost> inbound, long storeMaxBytes) {
        this(settings, inbound, storeMaxBytes, org.jobguard.picture.PictureReader.off());
    }

    /** @param pictures reads the pictures uploaded on the try-it page */
    RunningWeb(WebSettings settings, java.util.Optional<InboundPost> inbound, long storeMaxBytes,
               org.jobguard.picture.PictureReader pictures) {
        ConfigFiles files = new ConfigFiles(Path.of("config"), Path.of("messages"));
        Clock clock = Clock.systemUTC();
        Normalizer normalizer = new Normalizer();
        Redactor redactor = new Redactor();
        store = new PatternStore(settings.dataDir().resolve("jobguard.db"), clock, storeMaxBytes);
        ConfirmedPatternIndex index = new ConfirmedPatternIndex(store, new Fingerprinter(normalizer, redactor));
        checker = new RedFlagChecker(RulesLoader.load(files.yaml("rules.yaml")), normalizer,
                org.jobguard.config.RiskModelFile.load(files), org.jobguard.config.PlacesLoader.load(files, normalizer), index);
        patterns = new PatternService(store, redactor, new IndicatorHasher(HMAC_SECRET), normalizer, index, clock,
                checker::rules, t -> checker.reconfigure(checker.rules().withToggle(t.ruleId(), t.enabled(), t.shadow())),
                PatternService.DEFAULT_FORGET_WINDOW);
        messages = Messages.load(Path.of("messages"));
        HelpDirectory directory = new ContactsLoader(clock).load(files);
        WebServer built = new WebServer(settings, messages, checker, patterns, directory, metrics, clock, inbound,
                java.util.Optional::empty, pictures);
        try {
            server = built.start();
        } catch (RuntimeException e) {
            built.stop();
            store.close();
            throw e;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return post(path, "application/x-www-form-urlencoded", sb.toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Logs in over plain HTTP and returns the session cookie and its CSRF token. */
    Login login() throws IOException, InterruptedException {
        HttpResponse<String> form = get("/admin/login");
        String cookie = loginFormCookie(form);
        String csrf = csrfOf(form.body());
        HttpResponse<String> r = postForm("/admin/login", Map.of("_csrf", csrf, "user", USER, "password", PASSWORD),
                "Cookie", cookie);
        if (r.statusCode() != 303) {
            throw new IllegalStateException("login failed: " + r.statusCode());
        }
        String loggedIn = sessionCookie(r);
        HttpResponse<String> admin = get("/admin", "Cookie", loggedIn);
        return new Login(loggedIn, csrfOf(admin.body()));
    }

    record Login(String cookie, String csrf) {
    }

    /** The login form's signed CSRF cookie, as a Cookie header value. */
    static String loginFormCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(LoginFormTokens.COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no login form cookie"));
    }

    static String sessionCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in page");
        }
        return m.group(1);
    }

    @Override
    public void close() {
        server.stop();
        store.close();
    }
}
