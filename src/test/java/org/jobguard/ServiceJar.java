package org.jobguard;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real jar started with README's run command on loopback ({@code JOBGUARD_PORT=0}, a temp data directory), with
 * a known moderator login and 127.0.0.1 as a trusted proxy, so that a test can play many client addresses through
 * {@code X-Forwarded-For}. Its stdout and stderr go to one log file the assertions read.
 */
public final class ServiceJar implements AutoCloseable {
    public static final String MODERATOR = "moderator";
    public static final String PASSWORD = "correct horse battery staple";
    /** A text the checker rates high, so that the try-it page stores it. */
    public static final String FLAGGED = "高薪招聘客服，包吃包住，到了再签合同，护照公司保管。地点：妙瓦底";
    public static final Duration SIGTERM_DEADLINE = Duration.ofSeconds(20);
    private static final Path JAR = Path.of("target/jobguard.jar").toAbsolutePath();
    private static final Pattern ADDRESS = Pattern.compile("http://localhost:(\\d+)/");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    private ServiceJar(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The service in local mode (web only). */
    public static ServiceJar start(Path work) throws IOException, InterruptedException {
        return start(work, Map.of());
    }

    /**
     * @param extraEnv e.g. {@code TELEGRAM_BOT_TOKEN} and {@code TELEGRAM_API_URL} for the bot
     */
    public static ServiceJar start(Path work, Map<String, String> extraEnv) throws IOException, InterruptedException {
        ServiceJar jar = launch(work, extraEnv);
        jar.awaitAddress();
        return jar;
    }

    /** Starts the jar without waiting for it to serve: for a start that should be refused. */
    public static ServiceJar launch(Path work, Map<String, String> extraEnv) throws IOException {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        ProcessBuilder pb = new ProcessBuilder(ReadmeRunCommand.command(JAR, "-Djava.io.tmpdir=" + tmp))
                .directory(Path.of(".").toFile());
        Map<String, String> env = new HashMap<>();
        env.put("JOBGUARD_PORT", "0");
        env.put("JOBGUARD_DATA_DIR", work.resolve("data").toString());
        env.put("JOBGUARD_HMAC_SECRET", "hostile-load-secret-0123456789abcdef");
        env.put("JOBGUARD_ADMIN_USER", MODERATOR);
        env.put("JOBGUARD_ADMIN_PASSWORD", PASSWORD);
        env.put("JOBGUARD_TRUSTED_PROXIES", "127.0.0.1");
        env.putAll(extraEnv);
        pb.environment().putAll(env);
        Path log = work.resolve("service-" + System.nanoTime() + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ServiceJar(pb.start(), log);
    }

    private void awaitAddress() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher m = ADDRESS.matcher(log());
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the service stopped at start (exit " + process.exitValue() + "): " + log());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the service printed no address in 90 s: " + log());
    }

    public Process process() {
        return process;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The failures issue 14 found: a JVM error anywhere in the service's output. */
    public void assertNoJvmErrorsLogged() throws IOException {
        String output = log();
        for (String error : List.of("OutOfMemoryError", "StackOverflowError")) {
            if (output.contains(error)) {
                throw new AssertionError(error + " in the service's log:\n" + output);
            }
        }
    }

    // ---- HTTP ---------------------------------------------------------------------------------------

    /** @param headers name, value, name, value... */
    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return post(path, "application/x-www-form-urlencoded", form.toString().getBytes(StandardCharsets.UTF_8),
                headers);
    }

    /** A client address of the documentation range 198.18.0.0/15, one per number, sent as X-Forwarded-For. */
    public static String clientAddress(int n) {
        return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    // ---- the moderator ------------------------------------------------------------------------------

    /** A logged-in moderator: the session cookie and the CSRF token of its forms. */
    public record Moderator(String cookie, String csrf) {
    }

    /** The login form: its signed CSRF cookie (as a Cookie header value) and the token the form repeats. */
    public record LoginForm(String cookie, String csrf) {
    }

    public LoginForm loginForm() throws IOException, InterruptedException {
        HttpResponse<String> form = get("/admin/login");
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("jg_login="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no login form cookie"));
        return new LoginForm(cookie, csrfOf(form.body()));
    }

    /** Logs the moderator in from {@code address}, failing the test unless the login succeeds. */
    public Moderator login(String address) throws IOException, InterruptedException {
        LoginForm form = loginForm();
        HttpResponse<String> r = postForm("/admin/login", Map.of("_csrf", form.csrf(), "user", MODERATOR,
                "password", PASSWORD), "Cookie", form.cookie(), "X-Forwarded-For", address);
        if (r.statusCode() != 303) {
            throw new AssertionError("login answered " + r.statusCode());
        }
        String session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("jg_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie"));
        return new Moderator(session, csrfOf(get("/admin", "Cookie", session).body()));
    }

    public boolean loggedIn(Moderator moderator) throws IOException, InterruptedException {
        return get("/admin", "Cookie", moderator.cookie()).statusCode() == 200;
    }

    /** The stored patterns' redacted texts, read through the dashboard's export (one JSON object a line). */
    public List<String> exportedPatterns(Moderator moderator) throws IOException, InterruptedException {
        HttpResponse<String> export = get("/admin/export/patterns.json", "Cookie", moderator.cookie());
        if (export.statusCode() != 200) {
            throw new AssertionError("the export answered " + export.statusCode());
        }
        return export.body().lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * The service after a probe: the moderator still logged in, /health 200 and a flagged try-it text from a new
     * client stored (so that the 200 is true), counted through the dashboard's export.
     */
    public void assertStillServing(Moderator moderator) throws IOException, InterruptedException {
        if (!loggedIn(moderator)) {
            throw new AssertionError("the moderator was logged out");
        }
        int before = exportedPatterns(moderator).size();
        HttpResponse<String> check = postForm("/?ui=en", Map.of("text", FLAGGED + " 新的"),
                "X-Forwarded-For", clientAddress(60_000 + before));
        if (check.statusCode() != 200 || !check.body().contains("data-risk=\"high\"")) {
            throw new AssertionError("try-it answered " + check.statusCode());
        }
        HttpResponse<String> health = get("/health");
        if (health.statusCode() != 200) {
            throw new AssertionError("/health " + health.statusCode() + " " + health.body());
        }
        int after = exportedPatterns(moderator).size();
        if (after != before + 1) {
            throw new AssertionError("/health says ok but the flagged text was not stored: " + before + " -> " + after);
        }
    }

    private static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return m.group(1);
    }

    // ---- stopping -----------------------------------------------------------------------------------

    /**
     * Sends SIGTERM and fails the test unless the service exits within {@link #SIGTERM_DEADLINE} on its own
     * (143, the JVM's code for a finished SIGTERM; 75 would be the service halting itself at the deadline).
     */
    public void assertStopsOnSigterm() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(SIGTERM_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("still running " + SIGTERM_DEADLINE.toSeconds() + " s after SIGTERM: " + log());
        }
        if (process.exitValue() != 143) {
            throw new AssertionError("exit code " + process.exitValue() + " after SIGTERM: " + log());
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
