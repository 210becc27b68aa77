package org.jobguard.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anonymous visitors cost the server no session, so their flood cannot log the moderator out. */
class SessionFloodTest {
    /**
     * Five times the sessions the server keeps: were anonymous visitors given one, the moderator's would be evicted
     * long before the end. The jar's own flood (HostileLoadIT) sends 50,000.
     */
    private static final int FLOOD = 5 * Sessions.MAX_LOGGED_IN;
    private static final int CLIENTS = 4;

    @TempDir
    Path data;

    @Test
    void aFloodOfAnonymousLoginPagesBeyondTheSessionCapLeavesTheModeratorLoggedIn() throws Exception {
        try (RunningWeb web = new RunningWeb(data)) {
            RunningWeb.Login moderator = web.login();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<Integer>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(pool.submit(() -> flood(web, FLOOD / CLIENTS)));
                }
                int sessionCookies = 0;
                for (Future<Integer> f : clients) {
                    sessionCookies += f.get();
                }
                assertEquals(0, sessionCookies, "no anonymous visitor gets a session cookie");
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, web.server.sessions().count(), "the server holds the moderator's session only");
            assertEquals(200, web.get("/admin", "Cookie", moderator.cookie()).statusCode(), "still logged in");
            HttpResponse<String> out = web.postForm("/admin/logout", Map.of("_csrf", moderator.csrf()),
                    "Cookie", moderator.cookie());
            assertEquals(303, out.statusCode(), "the session's CSRF token still works");
        }
    }

    /** @return how many answers set a session cookie */
    private static int flood(RunningWeb web, int requests) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create(web.url("/admin/login"))).timeout(Duration.ofSeconds(10))
                .GET().build();
        int withSession = 0;
        for (int i = 0; i < requests; i++) {
            HttpResponse<Void> r = http.send(get, HttpResponse.BodyHandlers.discarding());
            assertEquals(200, r.statusCode());
            if (r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(Sessions.COOKIE + "="))) {
                withSession++;
            }
        }
        return withSession;
    }

    @Test
    void theLoginFormsCookieMustBeOursAndMatchTheForm() throws Exception {
        try (RunningWeb web = new RunningWeb(data)) {
            HttpResponse<String> form = web.get("/admin/login");
            String cookie = RunningWeb.loginFormCookie(form);
            String token = RunningWeb.csrfOf(form.body());
            assertEquals(LoginFormTokens.COOKIE + "=" + token, cookie, "double submit: the form repeats the cookie");
            String forged = "AAAAAAAAAAAAAAAAAAAAAAAA." + (System.currentTimeMillis() / 1000) + ".forged";
            assertEquals(403, web.postForm("/admin/login", Map.of("_csrf", forged, "user", RunningWeb.USER,
                    "password", RunningWeb.PASSWORD), "Cookie", LoginFormTokens.COOKIE + "=" + forged).statusCode(),
                    "a token we did not sign");
            HttpResponse<String> other = web.get("/admin/login");
            assertEquals(403, web.postForm("/admin/login", Map.of("_csrf", RunningWeb.csrfOf(other.body()),
                    "user", RunningWeb.USER, "password", RunningWeb.PASSWORD), "Cookie", cookie).statusCode(),
                    "the form and the cookie differ");
            HttpResponse<String> in = web.postForm("/admin/login", Map.of("_csrf", token, "user", RunningWeb.USER,
                    "password", RunningWeb.PASSWORD), "Cookie", cookie);
            assertEquals(303, in.statusCode());
            assertTrue(in.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(Sessions.COOKIE + "=")));
            assertEquals(1, web.server.sessions().count());
        }
    }
}
