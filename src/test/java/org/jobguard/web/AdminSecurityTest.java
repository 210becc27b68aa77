package org.jobguard.web;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminSecurityTest extends RunningWebTest {
    /** Under /admin and /api, only these are meant to work without a login. */
    private static final Set<String> OPEN = Set.of("GET /admin/login", "POST /admin/login", "POST /api/check");

    @Test
    void everyRouteDeclaresWhoMayUseIt() {
        List<WebServer.Route> routes = web.server.routes();
        assertTrue(routes.size() > 5);
        for (WebServer.Route r : routes) {
            assertNotNull(r.access(), r.method() + " " + r.path() + " has no access role");
        }
    }

    @Test
    void everyAdminAndApiRouteRefusesWithoutLogin() throws Exception {
        int checked = 0;
        for (WebServer.Route r : web.server.routes()) {
            String key = r.method() + " " + r.path();
            if (!(r.path().startsWith("/admin") || r.path().startsWith("/api")) || OPEN.contains(key)) {
                continue;
            }
            String path = r.path().replaceAll("\\{[^}]+}", "1");
            HttpResponse<String> resp = r.method().equals("GET") ? web.get(path)
                    : web.postForm(path, Map.of("_csrf", "forged"));
            int s = resp.statusCode();
            if (r.method().equals("GET") && path.startsWith("/admin")) {
                assertEquals(303, s, key);
                assertEquals("/admin/login", resp.headers().firstValue("Location").orElse(""), key);
            } else {
                assertTrue(s == 401 || s == 403, key + " gave " + s);
            }
            checked++;
        }
        assertTrue(checked >= 2, "enumerated protected routes: " + checked);
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() throws Exception {
        RunningWeb.Login login = web.login();
        HttpResponse<String> without = web.postForm("/admin/logout", Map.of(), "Cookie", login.cookie());
        assertEquals(403, without.statusCode());
        HttpResponse<String> wrong = web.postForm("/admin/logout", Map.of("_csrf", "x" + login.csrf()),
                "Cookie", login.cookie());
        assertEquals(403, wrong.statusCode());
        assertEquals(200, web.get("/admin", "Cookie", login.cookie()).statusCode(), "still logged in");
        HttpResponse<String> with = web.postForm("/admin/logout", Map.of("_csrf", login.csrf()),
                "Cookie", login.cookie());
        assertEquals(303, with.statusCode());
        assertEquals(303, web.get("/admin", "Cookie", login.cookie()).statusCode(), "logged out");
    }

    @Test
    void postsFromAnotherSiteAreRefused() throws Exception {
        HttpResponse<String> r = web.postForm("/", Map.of("text", "高薪"), "Origin", "https://evil.example");
        assertEquals(403, r.statusCode());
        HttpResponse<String> fetch = web.postForm("/", Map.of("text", "高薪"), "Sec-Fetch-Site", "cross-site");
        assertEquals(403, fetch.statusCode());
        assertEquals(200, web.postForm("/", Map.of("text", "高薪"), "Sec-Fetch-Site", "same-origin").statusCode());
    }

    @Test
    void loginFormNeedsItsCsrfTokenToo() throws Exception {
        HttpResponse<String> r = web.postForm("/admin/login",
                Map.of("user", RunningWeb.USER, "password", RunningWeb.PASSWORD));
        assertEquals(403, r.statusCode());
    }

    @Test
    void cookiesAreHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> form = web.get("/admin/login");
        String setCookie = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(LoginFormTokens.COOKIE)).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"));
        assertTrue(setCookie.contains("SameSite=Strict"));
        HttpResponse<String> loggedIn = web.postForm("/admin/login", Map.of("_csrf", RunningWeb.csrfOf(form.body()),
                "user", RunningWeb.USER, "password", RunningWeb.PASSWORD), "Cookie", RunningWeb.loginFormCookie(form));
        String session = loggedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Sessions.COOKIE)).findFirst().orElseThrow();
        assertTrue(session.contains("HttpOnly"));
        assertTrue(session.contains("SameSite=Strict"));
        assertTrue(form.headers().firstValue("X-Frame-Options").isPresent());
    }

    @Test
    void scriptsUseTheApiWithABearerToken() throws Exception {
        try (RunningWeb own = new RunningWeb(WebSettings.forTest(Files.createTempDirectory(data, "token"))
                .withAdmin(RunningWeb.USER, RunningWeb.PASSWORD).withApiToken("t0ken-for-scripts-0123456789"))) {
            HttpResponse<String> ok = own.get("/api/rules", "Authorization", "Bearer t0ken-for-scripts-0123456789");
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().startsWith("[{\"id\":"), ok.body());
            assertEquals(200, own.get("/api/stats", "Authorization", "Bearer t0ken-for-scripts-0123456789").statusCode());
            own.postForm("/", Map.of("text", "护照公司保管，旅游签证去上班，妙瓦底"));
            HttpResponse<String> groups = own.get("/api/patterns", "Authorization", "Bearer t0ken-for-scripts-0123456789");
            assertEquals(200, groups.statusCode());
            assertTrue(groups.body().contains("\"first_day\""), groups.body());
            assertEquals(401, own.get("/api/stats", "Authorization", "Bearer wrong").statusCode());
            assertEquals(401, own.get("/api/patterns").statusCode());
        }
    }

    @Test
    void wrongPasswordsAreRateLimited() throws Exception {
        try (RunningWeb own = new RunningWeb(Files.createTempDirectory(data, "throttle"))) {
            HttpResponse<String> form = own.get("/admin/login");
            String cookie = RunningWeb.loginFormCookie(form);
            String csrf = RunningWeb.csrfOf(form.body());
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = own.postForm("/admin/login",
                        Map.of("_csrf", csrf, "user", RunningWeb.USER, "password", "guess" + i), "Cookie", cookie);
                assertEquals(401, r.statusCode());
            }
            HttpResponse<String> blocked = own.postForm("/admin/login",
                    Map.of("_csrf", csrf, "user", RunningWeb.USER, "password", RunningWeb.PASSWORD), "Cookie", cookie);
            assertEquals(429, blocked.statusCode(), "even the right password waits once the limit is hit");
            assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    void someoneElsesWrongPasswordsDoNotLockTheModeratorOut() throws Exception {
        try (RunningWeb own = new RunningWeb(Files.createTempDirectory(data, "lockout"))) {
            HttpResponse<String> form = own.get("/admin/login");
            String cookie = RunningWeb.loginFormCookie(form);
            String csrf = RunningWeb.csrfOf(form.body());
            // a stranger at another loopback address guesses the moderator's password until refused
            List<Integer> stranger = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                stranger.add(postFormFrom("127.0.0.2", own, "/admin/login", cookie,
                        Map.of("_csrf", csrf, "user", RunningWeb.USER, "password", "guess" + i)));
            }
            assertEquals(List.of(401, 401, 401, 401, 401, 429), stranger);
            HttpResponse<String> moderator = own.postForm("/admin/login",
                    Map.of("_csrf", csrf, "user", RunningWeb.USER, "password", RunningWeb.PASSWORD), "Cookie", cookie);
            assertEquals(303, moderator.statusCode(), "the moderator's own address is not the stranger's");
        }
    }

    @Test
    void behindATrustedProxyTheForwardedAddressIsTheClient() throws Exception {
        WebSettings proxied = WebSettings.forTest(Files.createTempDirectory(data, "proxied"))
                .withAdmin(RunningWeb.USER, RunningWeb.PASSWORD).withTrustedProxies(Set.of("127.0.0.1"));
        try (RunningWeb own = new RunningWeb(proxied)) {
            HttpResponse<String> form = own.get("/admin/login");
            String cookie = RunningWeb.loginFormCookie(form);
            Map<String, String> wrong = Map.of("_csrf", RunningWeb.csrfOf(form.body()), "user", RunningWeb.USER,
                    "password", "guess");
            for (int i = 0; i < 5; i++) {
                assertEquals(401, own.postForm("/admin/login", wrong, "Cookie", cookie,
                        "X-Forwarded-For", "203.0.113.9").statusCode());
            }
            assertEquals(429, own.postForm("/admin/login", wrong, "Cookie", cookie,
                    "X-Forwarded-For", "203.0.113.9").statusCode());
            HttpResponse<String> moderator = own.postForm("/admin/login",
                    Map.of("_csrf", RunningWeb.csrfOf(form.body()), "user", RunningWeb.USER, "password", RunningWeb.PASSWORD),
                    "Cookie", cookie, "X-Forwarded-For", "198.51.100.7");
            assertEquals(303, moderator.statusCode(), "the proxy's one address is not everyone's");
        }
    }

    @Test
    void aForwardedAddressFromAnUntrustedPeerIsIgnored() throws Exception {
        try (RunningWeb own = new RunningWeb(Files.createTempDirectory(data, "spoof"))) {
            HttpResponse<String> form = own.get("/admin/login");
            String cookie = RunningWeb.loginFormCookie(form);
            Map<String, String> wrong = Map.of("_csrf", RunningWeb.csrfOf(form.body()), "user", RunningWeb.USER,
                    "password", "guess");
            for (int i = 0; i < 5; i++) {
                own.postForm("/admin/login", wrong, "Cookie", cookie, "X-Forwarded-For", "203.0.113." + i);
            }
            assertEquals(429, own.postForm("/admin/login", wrong, "Cookie", cookie,
                    "X-Forwarded-For", "203.0.113.99").statusCode(), "a new address per guess changes nothing");
        }
    }

    @Test
    void anAddressTryingManyUserNamesIsRefusedToo() throws Exception {
        try (RunningWeb own = new RunningWeb(Files.createTempDirectory(data, "names"))) {
            HttpResponse<String> form = own.get("/admin/login");
            String cookie = RunningWeb.loginFormCookie(form);
            String csrf = RunningWeb.csrfOf(form.body());
            int limit = 5 * LoginThrottle.ADDRESS_LIMIT_FACTOR;
            for (int i = 0; i < limit; i++) {
                HttpResponse<String> r = own.postForm("/admin/login",
                        Map.of("_csrf", csrf, "user", "user" + i, "password", "guess"), "Cookie", cookie);
                assertEquals(401, r.statusCode());
            }
            HttpResponse<String> next = own.postForm("/admin/login",
                    Map.of("_csrf", csrf, "user", "someone-else", "password", "guess"), "Cookie", cookie);
            assertEquals(429, next.statusCode());
        }
    }

    @Test
    void aPasswordCheckBeyondTheSlotsIsAnswered429WithRetryAfter() throws Exception {
        WebSettings oneSlot = WebSettings.forTest(Files.createTempDirectory(data, "slots"))
                .withAdmin(RunningWeb.USER, RunningWeb.PASSWORD).withPasswordHashingSlots(1);
        try (RunningWeb own = new RunningWeb(oneSlot)) {
            HttpResponse<String> form = own.get("/admin/login?ui=en");
            String cookie = RunningWeb.loginFormCookie(form);
            Map<String, String> fields = Map.of("_csrf", RunningWeb.csrfOf(form.body()), "user", RunningWeb.USER,
                    "password", RunningWeb.PASSWORD);
            assertTrue(own.server.passwordChecks().occupy(), "a check in progress");
            HttpResponse<String> busy = own.postForm("/admin/login?ui=en", fields, "Cookie", cookie);
            assertEquals(429, busy.statusCode());
            assertEquals("1", busy.headers().firstValue("Retry-After").orElse(""));
            assertTrue(busy.body().contains("try again in a moment"), busy.body());
            assertTrue(own.metrics.prometheusText().contains("jobguard_refused_total{reason=\"password_checks_busy\"} 1"));
            own.server.passwordChecks().vacate();
            assertEquals(303, own.postForm("/admin/login", fields, "Cookie", cookie).statusCode(),
                    "a busy answer is not a failed attempt");
        }
    }

    @Test
    void parallelWrongLoginsAreEachAnsweredWithinTheSlots() throws Exception {
        WebSettings twoSlots = WebSettings.forTest(Files.createTempDirectory(data, "flood"))
                .withAdmin(RunningWeb.USER, RunningWeb.PASSWORD).withPasswordHashingSlots(2);
        try (RunningWeb own = new RunningWeb(twoSlots)) {
            HttpResponse<String> form = own.get("/admin/login");
            String cookie = RunningWeb.loginFormCookie(form);
            String csrf = RunningWeb.csrfOf(form.body());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
            try {
                List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String user = "user" + i;
                    answers.add(pool.submit(() -> own.postForm("/admin/login",
                            Map.of("_csrf", csrf, "user", user, "password", "guess"), "Cookie", cookie).statusCode()));
                }
                for (java.util.concurrent.Future<Integer> a : answers) {
                    int status = a.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    assertTrue(status == 401 || status == 429, "status " + status);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(303, own.postForm("/admin/login",
                    Map.of("_csrf", csrf, "user", RunningWeb.USER, "password", RunningWeb.PASSWORD), "Cookie", cookie)
                    .statusCode());
        }
    }

    /** A form post from another loopback address than the test's own; only the status is read. */
    private static int postFormFrom(String localAddress, RunningWeb web, String path, String cookie,
                                    Map<String, String> fields) throws Exception {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() > 0 ? "&" : "")
                .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        byte[] body = form.toString().getBytes(StandardCharsets.UTF_8);
        int port = web.server.port();
        try (java.net.Socket s = new java.net.Socket()) {
            s.bind(new java.net.InetSocketAddress(localAddress, 0));
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(20_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n"
                    + "Cookie: " + cookie + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void generatedCredentialsAreShownOnceAndStoredHashed() throws Exception {
        Path dir = Files.createTempDirectory(data, "firstrun");
        String password;
        try (RunningWeb first = new RunningWeb(WebSettings.forTest(dir))) {
            List<String> banner = first.server.banner();
            assertTrue(banner.get(0).contains("http://localhost:" + first.server.port() + "/"));
            assertEquals(2, banner.size(), "first start prints the login");
            password = banner.get(1).replaceAll(".*password: (\\S+).*", "$1");
        }
        Path file = dir.resolve(AdminAccount.FILE_NAME);
        String stored = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(stored.contains(password), "only the hash is stored");
        assertTrue(stored.contains("$argon2id$"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)), "readable by its owner only, like the HMAC secret");
        try (RunningWeb second = new RunningWeb(WebSettings.forTest(dir))) {
            List<String> banner = second.server.banner();
            assertEquals(2, banner.size(), "later starts say where the dashboard is: " + banner);
            assertTrue(banner.get(1).contains("http://localhost:" + second.server.port() + "/admin"), banner.get(1));
            assertTrue(banner.get(1).contains("shown on the first start") && banner.get(1).contains("JOBGUARD_ADMIN_PASSWORD"),
                    "and how to get in without the first start's password: " + banner.get(1));
            assertFalse(banner.get(1).contains(password));
            HttpResponse<String> form = second.get("/admin/login");
            HttpResponse<String> r = second.postForm("/admin/login", Map.of("_csrf", RunningWeb.csrfOf(form.body()),
                    "user", "admin", "password", password), "Cookie", RunningWeb.loginFormCookie(form));
            assertEquals(303, r.statusCode());
        }
    }

    @Test
    void aFirstStartOnABusyPortNamesTheSettingAndKeepsNoLoginNobodySaw() throws Exception {
        Path dir = Files.createTempDirectory(data, "busyport");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            WebSettings busy = WebSettings.fromEnvironment(Map.of("JOBGUARD_PORT",
                    Integer.toString(taken.getLocalPort())), dir);
            WebServer.PortInUse e;
            try (org.jobguard.CapturedLog log = org.jobguard.CapturedLog.start()) {
                e = assertThrows(WebServer.PortInUse.class, () -> new RunningWeb(busy).close());
                assertTrue(log.has(ch.qos.logback.classic.Level.ERROR, "Failed to start Javalin"), log.lines().toString());
            }
            assertTrue(e.getMessage().contains("JOBGUARD_PORT") && e.getMessage().contains(
                    Integer.toString(taken.getLocalPort())), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve(AdminAccount.FILE_NAME)), "a login never shown is not kept");
        try (RunningWeb next = new RunningWeb(WebSettings.forTest(dir))) {
            assertTrue(next.server.banner().get(1).contains("password: "), "the next start shows a login");
        }
    }

    @Test
    void thePasswordAloneFromTheEnvironmentIsTheAdminsAndReplacesTheGeneratedOne() throws Exception {
        Path dir = Files.createTempDirectory(data, "rotate");
        try (RunningWeb first = new RunningWeb(WebSettings.forTest(dir))) {
            assertTrue(first.server.banner().get(1).contains("password: "));
        }
        WebSettings env = WebSettings.fromEnvironment(Map.of("JOBGUARD_PORT", "0",
                "JOBGUARD_ADMIN_PASSWORD", "a new password for the NGO"), dir);
        try (RunningWeb rotated = new RunningWeb(env)) {
            assertTrue(rotated.server.banner().get(1).contains("from JOBGUARD_ADMIN_PASSWORD"),
                    rotated.server.banner().get(1));
            HttpResponse<String> form = rotated.get("/admin/login");
            HttpResponse<String> r = rotated.postForm("/admin/login", Map.of("_csrf", RunningWeb.csrfOf(form.body()),
                    "user", "admin", "password", "a new password for the NGO"), "Cookie", RunningWeb.loginFormCookie(form));
            assertEquals(303, r.statusCode(), "user admin with the password from the environment");
        }
    }
}
