package org.jobguard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.router.ParsedEndpoint;
import org.jobguard.checker.Language;
import org.jobguard.checker.Verdict;
import org.jobguard.cli.VerdictJson;
import org.jobguard.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web face of JobGuard on one Javalin server: the public try-it and contacts pages, the moderator
 * dashboard and the JSON API. Every route carries an {@link Access} role and one gate enforces it.
 */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    static final String UI_COOKIE = "jg_ui";
    private static final String FORM_ATTRIBUTE = "jg.form";
    private static final String SESSION_ATTRIBUTE = "jg.session";
    private static final String ERROR_ATTRIBUTE = "jg.error";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final WebSettings settings;
    private final Messages messages;
    private final TextChecker checker;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private final Templates templates = new Templates();
    private final ObjectMapper json = new ObjectMapper();
    private final VerdictJson verdictJson = new VerdictJson(json);
    private final SecureRandom random = new SecureRandom();
    private final AdminAccount admin;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Javalin app;
    private boolean started;

    public WebServer(WebSettings settings, Messages messages, TextChecker checker, ServiceMetrics metrics, Clock clock) {
        this.settings = settings;
        this.messages = messages;
        this.checker = checker;
        this.metrics = metrics;
        this.clock = clock;
        this.admin = AdminAccount.load(settings, random);
        this.sessions = new Sessions(settings.sessionIdle(), clock, random);
        this.throttle = new LoginThrottle(settings.loginFailureLimit(), settings.loginWindow(), clock, random);
        this.app = Javalin.create(this::configure);
    }

    public WebServer start() {
        app.start(settings.host(), settings.port());
        started = true;
        return this;
    }

    public void stop() {
        if (started) {
            app.stop();
            started = false;
        }
    }

    public int port() {
        return app.port();
    }

    /** What to print on start: the URL and, on the first local start only, the generated login. */
    public List<String> banner() {
        List<String> lines = new ArrayList<>();
        lines.add(messages.format(Language.EN, "web.banner.url", "url", "http://localhost:" + port() + "/"));
        admin.generatedPassword().ifPresent(pw -> lines.add(messages.format(Language.EN, "web.banner.login",
                "url", "http://localhost:" + port() + "/admin", "user", admin.user(), "password", pw)));
        return lines;
    }

    /** All registered HTTP routes with their access role, so tests can check none is left open by mistake. */
    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            HandlerType m = e.endpoint.method;
            if (m.equals(HandlerType.BEFORE) || m.equals(HandlerType.BEFORE_MATCHED)
                    || m.equals(HandlerType.AFTER) || m.equals(HandlerType.AFTER_MATCHED)) {
                continue;
            }
            io.javalin.security.Roles roles = e.endpoint.metadata(io.javalin.security.Roles.class);
            Access access = roles == null ? null : roles.getRoles().stream()
                    .filter(Access.class::isInstance).map(Access.class::cast).findFirst().orElse(null);
            out.add(new Route(m.name(), e.endpoint.path, access));
        }
        return out;
    }

    public record Route(String method, String path, Access access) {
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        // a pasted 1 MB ad of CJK text is up to 9 MB once form-encoded; we cut it after decoding
        config.http.maxRequestSize = 16L * 1024 * 1024;
        config.http.defaultContentType = "text/plain; charset=utf-8";

        var r = config.routes;
        r.before(this::securityHeaders);
        r.beforeMatched(this::gate);

        r.get("/", ctx -> renderTryIt(ctx, TryItView.blank()), Access.PUBLIC);
        r.post("/", this::tryIt, Access.PUBLIC);
        r.post("/api/check", this::apiCheck, Access.PUBLIC);
        r.get("/health", this::health, Access.PUBLIC);
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.prometheusText()), Access.PUBLIC);
        r.get("/assets/{name}", this::asset, Access.PUBLIC);

        r.get("/admin/login", ctx -> renderLogin(ctx, null), Access.LOGIN);
        r.post("/admin/login", this::login, Access.LOGIN);
        r.post("/admin/logout", this::logout, Access.MODERATOR);
        r.get("/admin", this::adminHome, Access.MODERATOR);

        r.exception(BadInput.class, (e, ctx) -> errorPage(ctx, HttpStatus.BAD_REQUEST, e.messageKey()));
        r.exception(Exception.class, (e, ctx) -> {
            // the exception class only: a message could quote user text
            log.error("web request failed: {} {} -> {}", ctx.method(), ctx.endpoint() == null ? "?" : ctx.endpoint().path,
                    e.getClass().getName());
            metrics.failed("web");
            errorPage(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "web.error.internal");
        });
        r.error(404, ctx -> {
            if (ctx.attribute(ERROR_ATTRIBUTE) == null) {
                errorPage(ctx, HttpStatus.NOT_FOUND, "web.error.not_found");
            }
        });
        r.error(413, ctx -> errorPage(ctx, HttpStatus.CONTENT_TOO_LARGE, "web.error.too_large"));
    }

    private void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (!ctx.path().startsWith("/assets/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** Enforces each route's {@link Access}: sessions, the API token and CSRF tokens. */
    private void gate(Context ctx) {
        Access access = ctx.routeRoles().stream().filter(Access.class::isInstance).map(Access.class::cast)
                .findFirst().orElse(null);
        if (access == null) {
            // a route someone forgot to classify is closed, not open
            ctx.skipRemainingHandlers();
            errorPage(ctx, HttpStatus.FORBIDDEN, "web.error.forbidden");
            return;
        }
        boolean changes = !ctx.method().equals(HandlerType.GET) && !ctx.method().equals(HandlerType.HEAD);
        if (changes && crossSite(ctx)) {
            // browsers say where a form post comes from; a post from another site is refused everywhere
            ctx.skipRemainingHandlers();
            errorPage(ctx, HttpStatus.FORBIDDEN, "web.error.csrf");
            return;
        }
        if (access == Access.PUBLIC) {
            return;
        }
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(Sessions.COOKIE));
        session.ifPresent(s -> ctx.attribute(SESSION_ATTRIBUTE, s));
        boolean bearer = bearerOk(ctx);
        if (access == Access.MODERATOR && !bearer && session.map(Sessions.Session::loggedIn).orElse(false) == false) {
            ctx.skipRemainingHandlers();
            if (ctx.method().equals(HandlerType.GET) && ctx.path().startsWith("/admin")) {
                ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
            } else if (ctx.path().startsWith("/api/")) {
                ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "login required"));
            } else {
                errorPage(ctx, HttpStatus.FORBIDDEN, "web.error.login_required");
            }
            return;
        }
        if (changes && !bearer) {
            String expected = session.map(Sessions.Session::csrfToken).orElse(null);
            String given = ctx.header("X-CSRF-Token");
            if (given == null && isForm(ctx)) {
                given = form(ctx).get("_csrf").orElse(null);
            }
            if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8))) {
                ctx.skipRemainingHandlers();
                errorPage(ctx, HttpStatus.FORBIDDEN, "web.error.csrf");
            }
        }
    }

    private static boolean crossSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            return !(site.equals("same-origin") || site.equals("none"));
        }
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null")) {
            return false;
        }
        String host = ctx.header("Host");
        return host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private boolean bearerOk(Context ctx) {
        String auth = ctx.header("Authorization");
        if (settings.apiToken().isEmpty() || auth == null || !auth.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(settings.apiToken().get().getBytes(StandardCharsets.UTF_8),
                auth.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isForm(Context ctx) {
        String ct = ctx.contentType();
        return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    static FormBody form(Context ctx) {
        FormBody f = ctx.attribute(FORM_ATTRIBUTE);
        if (f == null) {
            f = FormBody.parse(ctx.bodyAsBytes());
            ctx.attribute(FORM_ATTRIBUTE, f);
        }
        return f;
    }

    // ---- pages

    Page page(Context ctx, Optional<Language> fallback) {
        Sessions.Session s = ctx.attribute(SESSION_ATTRIBUTE);
        return new Page(uiLanguage(ctx, fallback), messages, ctx.path(),
                Optional.ofNullable(s).map(Sessions.Session::csrfToken),
                s != null && s.loggedIn(), List.of());
    }

    /** The interface language: chosen by link (remembered in a cookie), else the text's, else the browser's. */
    private Language uiLanguage(Context ctx, Optional<Language> fallback) {
        Optional<Language> chosen = Language.fromTag(ctx.queryParam("ui"));
        if (chosen.isPresent()) {
            addCookie(ctx, UI_COOKIE + "=" + chosen.get().tag() + "; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly");
            return chosen.get();
        }
        Optional<Language> remembered = Language.fromTag(ctx.cookie(UI_COOKIE));
        if (remembered.isPresent()) {
            return remembered.get();
        }
        return fallback.orElseGet(() -> fromAcceptLanguage(ctx.header("Accept-Language")));
    }

    static Language fromAcceptLanguage(String header) {
        if (header == null) {
            return Language.EN;
        }
        for (String part : header.split(",")) {
            String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (tag.startsWith("zh-hant") || tag.equals("zh-tw") || tag.equals("zh-hk") || tag.equals("zh-mo")) {
                return Language.ZH_HANT;
            }
            if (tag.startsWith("zh")) {
                return Language.ZH_HANS;
            }
            if (tag.startsWith("en")) {
                return Language.EN;
            }
        }
        return Language.EN;
    }

    private void html(Context ctx, String template, Map<String, Object> params) {
        ctx.contentType("text/html; charset=utf-8").result(templates.render(template, params));
    }

    private void errorPage(Context ctx, HttpStatus status, String messageKey) {
        ctx.attribute(ERROR_ATTRIBUTE, messageKey);
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("error", messages.get(Language.EN, messageKey)));
            return;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("page", page(ctx, Optional.empty()));
        p.put("status", status.getCode());
        p.put("messageKey", messageKey);
        html(ctx, "error.jte", p);
    }

    private void renderTryIt(Context ctx, TryItView view) {
        Map<String, Object> p = new HashMap<>();
        p.put("page", page(ctx, view.verdict().map(Verdict::language)));
        p.put("view", view);
        html(ctx, "index.jte", p);
    }

    private void tryIt(Context ctx) {
        if (!isForm(ctx)) {
            throw new BadInput("web.error.bad_form");
        }
        FormBody form = form(ctx);
        String text = form.get("text").orElse("");
        String langOption = form.get("lang").filter(l -> Language.fromTag(l).isPresent()).orElse("auto");
        int total = text.codePointCount(0, text.length());
        if (text.isBlank()) {
            renderTryIt(ctx, new TryItView("", langOption, Optional.empty(), List.of(), 0, 0, true));
            return;
        }
        String checked = total > settings.maxCheckedChars()
                ? text.substring(0, text.offsetByCodePoints(0, settings.maxCheckedChars())) : text;
        long t0 = System.nanoTime();
        Verdict v = checker.check(checked, Language.fromTag(langOption));
        metrics.checked("web", v, System.nanoTime() - t0);
        renderTryIt(ctx, new TryItView(checked, langOption, Optional.of(v), EvidenceHighlight.split(checked, v.flags()),
                total, checked.codePointCount(0, checked.length()), false));
    }

    /**
     * The CLI's JSON for one text. The body is either JSON {@code {"text": ..., "lang": ...}} or the bare
     * text as {@code text/plain}; a text over the limit is cut and the answer says so in {@code truncated}.
     */
    private void apiCheck(Context ctx) throws JsonProcessingException {
        String body = FormBody.strictUtf8(ctx.bodyAsBytes());
        String text;
        String lang = ctx.queryParam("lang");
        String ct = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (ct.startsWith("application/json")) {
            JsonNode node;
            try {
                node = json.readTree(body);
            } catch (JsonProcessingException e) {
                throw new BadInput("web.error.bad_json");
            }
            if (node == null || !node.path("text").isTextual()) {
                throw new BadInput("web.error.bad_json");
            }
            text = node.get("text").asText();
            if (node.path("lang").isTextual()) {
                lang = node.get("lang").asText();
            }
        } else {
            text = body;
        }
        int total = text.codePointCount(0, text.length());
        String checked = total > settings.maxCheckedChars()
                ? text.substring(0, text.offsetByCodePoints(0, settings.maxCheckedChars())) : text;
        long t0 = System.nanoTime();
        Verdict v = checker.check(checked, Language.fromTag(lang));
        metrics.checked("api", v, System.nanoTime() - t0);
        ObjectNode out = verdictJson.toJson(v, null);
        if (total > settings.maxCheckedChars()) {
            ObjectNode t = out.putObject("truncated");
            t.put("checked", settings.maxCheckedChars());
            t.put("total", total);
        }
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(out));
    }

    private void health(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    private static final Map<String, String[]> ASSETS = Map.of(
            "app.css", new String[]{"jobguard/web/app.css", "text/css; charset=utf-8"},
            "charts.js", new String[]{"jobguard/web/charts.js", "text/javascript; charset=utf-8"},
            "echarts.js", new String[]{"META-INF/resources/webjars/echarts/5.3.1/dist/echarts.simple.min.js",
                    "text/javascript; charset=utf-8"});

    private void asset(Context ctx) {
        String[] a = ASSETS.get(ctx.pathParam("name"));
        if (a == null) {
            errorPage(ctx, HttpStatus.NOT_FOUND, "web.error.not_found");
            return;
        }
        try (InputStream in = WebServer.class.getClassLoader().getResourceAsStream(a[0])) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + a[0]);
            }
            ctx.contentType(a[1]).header("Cache-Control", "public, max-age=3600").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- login

    private void renderLogin(Context ctx, String errorKey) {
        Sessions.Session s = ctx.attribute(SESSION_ATTRIBUTE);
        if (s == null) {
            s = sessions.anonymous();
            setSessionCookie(ctx, s);
            ctx.attribute(SESSION_ATTRIBUTE, s);
        } else if (s.loggedIn() && errorKey == null) {
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("page", page(ctx, Optional.empty()));
        p.put("errorKey", errorKey);
        html(ctx, "login.jte", p);
    }

    private void login(Context ctx) {
        FormBody form = form(ctx);
        String user = form.get("user").orElse("");
        String password = form.get("password").orElse("");
        String client = ctx.ip();
        if (throttle.blocked(client, user)) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After",
                    String.valueOf(settings.loginWindow().toSeconds()));
            renderLogin(ctx, "web.login.too_many");
            return;
        }
        if (!admin.matches(user, password)) {
            throttle.failed(client, user);
            ctx.status(HttpStatus.UNAUTHORIZED);
            renderLogin(ctx, "web.login.wrong");
            return;
        }
        throttle.succeeded(client);
        Sessions.Session s = sessions.login(ctx.attribute(SESSION_ATTRIBUTE), admin.user());
        setSessionCookie(ctx, s);
        log.info("moderator logged in");
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Sessions.Session s = ctx.attribute(SESSION_ATTRIBUTE);
        if (s != null) {
            sessions.logout(s.id());
        }
        addCookie(ctx, Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void setSessionCookie(Context ctx, Sessions.Session s) {
        addCookie(ctx, Sessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict");
    }

    private void addCookie(Context ctx, String cookie) {
        ctx.res().addHeader("Set-Cookie", cookie + (settings.secureCookies() ? "; Secure" : ""));
    }

    private void adminHome(Context ctx) {
        Map<String, Object> p = new HashMap<>();
        p.put("page", page(ctx, Optional.empty()));
        html(ctx, "admin.jte", p);
    }

    Clock clock() {
        return clock;
    }
}
