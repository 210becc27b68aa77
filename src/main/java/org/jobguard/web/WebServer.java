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
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.contacts.HelpDirectory;
import org.jobguard.checker.Risk;
import org.jobguard.contacts.HelpAnswer;
import org.jobguard.patterns.ConfirmedContact;
import org.jobguard.patterns.FeedbackKind;
import org.jobguard.patterns.PatternService;
import org.jobguard.patterns.PatternStore;
import org.jobguard.patterns.Source;
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
import org.jobguard.picture.PictureReader;
import org.jobguard.picture.PictureText;

/**
 * The web face of JobGuard on one Javalin server: the public try-it and contacts pages, the moderator
 * dashboard and the JSON API. Every route carries an {@link Access} role and one gate enforces it.
 */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final String FORM_ATTRIBUTE = "jg.form";
    private static final String BODY_ATTRIBUTE = "jg.body";
    /** Login and dashboard forms hold a few short fields (a note is at most 2,000 characters). */
    static final int SMALL_FORM_BYTES = 64 * 1024;
    /** How much of a refused body is read and dropped so that the client gets the answer; past it, the connection closes. */
    private static final long DRAINED_BYTES = 16L * 1024 * 1024;
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final WebSettings settings;
    private final Messages messages;
    private final RedFlagChecker checker;
    private final PatternService patterns;
    private final HelpDirectory directory;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private final Pages pages;
    private final ObjectMapper json = new ObjectMapper();
    private final VerdictJson verdictJson = new VerdictJson(json);
    private final SecureRandom random = new SecureRandom();
    private final AdminAccount admin;
    private final Sessions sessions;
    private final LoginFormTokens loginForms;
    private final LoginThrottle throttle;
    private final PasswordChecks passwordChecks;
    private final ClientAddress clientAddress;
    private final PublicRateLimiter publicLimits;
    private final Optional<InboundPost> inbound;
    private final java.util.function.Supplier<Optional<String>> otherProblems;
    private final PictureReader pictures;
    private final Javalin app;
    private boolean started;

    /**
     * @param checker    the running checker: try-it uses it, and the dashboard's rule toggles reconfigure it
     * @param patterns   the pattern store: flagged try-it texts are kept anonymized, moderators work its queue
     * @param directory  help contacts for the try-it verdict and the public contacts page
     */
    public WebServer(WebSettings settings, Messages messages, RedFlagChecker checker, PatternService patterns,
                     HelpDirectory directory, ServiceMetrics metrics, Clock clock) {
        this(settings, messages, checker, patterns, directory, metrics, clock, Optional.empty());
    }

    /** @param inbound a machine-to-machine POST endpoint to serve as well, such as the Telegram webhook */
    public WebServer(WebSettings settings, Messages messages, RedFlagChecker checker, PatternService patterns,
                     HelpDirectory directory, ServiceMetrics metrics, Clock clock, Optional<InboundPost> inbound) {
        this(settings, messages, checker, patterns, directory, metrics, clock, inbound, Optional::empty);
    }

    /**
     * @param otherProblems why another part of the service is not working (the bot's polling), when it is not:
     *                      {@code /health} then answers 503 with it as the status
     */
    public WebServer(WebSettings settings, Messages messages, RedFlagChecker checker, PatternService patterns,
                     HelpDirectory directory, ServiceMetrics metrics, Clock clock, Optional<InboundPost> inbound,
                     java.util.function.Supplier<Optional<String>> otherProblems) {
        this(settings, messages, checker, patterns, directory, metrics, clock, inbound, otherProblems, PictureReader.off());
    }

    /** @param pictures reads the text of pictures uploaded on the try-it page ({@code POST /picture}) */
    public WebServer(WebSettings settings, Messages messages, RedFlagChecker checker, PatternService patterns,
                     HelpDirectory directory, ServiceMetrics metrics, Clock clock, Optional<InboundPost> inbound,
                     java.util.function.Supplier<Optional<String>> otherProblems, PictureReader pictures) {
        this.pictures = pictures;
        this.otherProblems = otherProblems;
        this.settings = settings;
        this.inbound = inbound;
        this.messages = messages;
        this.checker = checker;
        this.patterns = patterns;
        this.directory = directory;
        this.clock = clock;
        this.metrics = metrics;
        this.pages = new Pages(messages, settings.secureCookies());
        this.admin = AdminAccount.load(settings, random);
        this.sessions = new Sessions(settings.sessionIdle(), clock, random);
        this.loginForms = new LoginFormTokens(settings.signingSecret(), clock, random);
        this.throttle = new LoginThrottle(settings.loginFailureLimit(), settings.loginWindow(), clock, random);
        this.passwordChecks = new PasswordChecks(settings.passwordHashingSlots());
        this.clientAddress = new ClientAddress(settings.trustedProxies());
        this.publicLimits = new PublicRateLimiter(settings.publicLimits(), clock, random);
        this.app = Javalin.create(this::configure);
        answerHeadLikeGet();
        inbound.ifPresent(this::refuseClash);
    }

    /**
     * Uptime monitors and proxies ask with HEAD. Javalin would answer it on a GET route with an empty 200 without
     * running the route or giving the request the route's access role (so the gate refused it with 403): every
     * GET route gets a HEAD route with the same handler and role instead, and Jetty sends no body for HEAD.
     */
    private void answerHeadLikeGet() {
        for (ParsedEndpoint e : List.copyOf(app.unsafe.internalRouter.allHttpHandlers())) {
            if (e.endpoint.method.equals(HandlerType.GET)) {
                io.javalin.security.Roles roles = e.endpoint.metadata(io.javalin.security.Roles.class);
                app.unsafe.internalRouter.addHttpEndpoint(new io.javalin.router.Endpoint(HandlerType.HEAD,
                        e.endpoint.path, e.endpoint.handler, roles == null ? java.util.Set.of() : java.util.Set.of(roles)));
            }
        }
    }

    /** A webhook path that is also a page would silently take one of the two away. */
    private void refuseClash(InboundPost post) {
        long same = routes().stream().filter(r -> r.method().equals("POST")
                && r.path().replaceAll("/+$", "").equals(post.path().replaceAll("/+$", ""))).count();
        if (same > 1) {
            throw new IllegalArgumentException("the inbound path " + post.path() + " is already a page of the web server");
        }
    }

    /**
     * Starts listening; then, and only then, a login generated on this start is kept (see {@link AdminAccount}).
     *
     * @throws PortInUse when another program holds the port, naming the setting that changes it
     */
    public WebServer start() {
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                throw new PortInUse(settings.host(), settings.port(), e);
            }
            throw e;
        }
        started = true;
        admin.keep();
        return this;
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t instanceof io.javalin.util.JavalinBindException) {
                return true;
            }
        }
        return false;
    }

    /** The web port is taken, most often by a JobGuard that is already running. */
    public static final class PortInUse extends RuntimeException {
        PortInUse(String host, int port, Throwable cause) {
            super("port " + port + " on " + host + " is already in use (is JobGuard already running?): stop the"
                    + " other program, or start with JOBGUARD_PORT set to a free port (JOBGUARD_PORT=0 picks one)", cause);
        }
    }

    public void stop() {
        if (started) {
            app.stop();
            started = false;
        }
        try {
            // a first start's login was shown: keep its hash even when stopped at once
            admin.awaitReady();
        } catch (RuntimeException e) {
            log.error("The moderator login could not be stored ({}); it is generated again on the next start",
                    e.getClass().getSimpleName());
        }
    }

    public int port() {
        return app.port();
    }

    /**
     * What to print on start: the URL, then where the dashboard is with its login on the first local start only;
     * on later starts where the password came from and how to set a new one.
     */
    public List<String> banner() {
        List<String> lines = new ArrayList<>();
        lines.add(messages.format(Language.EN, "web.banner.url", "url", "http://localhost:" + port() + "/"));
        String dashboard = "http://localhost:" + port() + "/admin";
        lines.add(switch (admin.origin()) {
            case GENERATED -> messages.format(Language.EN, "web.banner.login", "url", dashboard, "user", admin.user(),
                    "password", admin.generatedPassword().orElseThrow());
            case STORED -> messages.format(Language.EN, "web.banner.login_stored", "url", dashboard, "user", admin.user());
            case ENVIRONMENT -> messages.format(Language.EN, "web.banner.login_env", "url", dashboard, "user", admin.user());
        });
        return lines;
    }

    PasswordChecks passwordChecks() {
        return passwordChecks;
    }

    Sessions sessions() {
        return sessions;
    }

    /** All registered HTTP routes with their access role, so tests can check none is left open by mistake. */
    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            HandlerType m = e.endpoint.method;
            // HEAD routes are the GET routes' twins (answerHeadLikeGet)
            if (m.equals(HandlerType.BEFORE) || m.equals(HandlerType.BEFORE_MATCHED)
                    || m.equals(HandlerType.AFTER) || m.equals(HandlerType.AFTER_MATCHED) || m.equals(HandlerType.HEAD)) {
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
        // every body is read through body(), which refuses a longer one before reading it; this is a backstop
        config.http.maxRequestSize = Math.max(settings.maxFormBodyBytes(), pictureBodyBytes());
        // an uploaded picture stays in memory: parts below this size are never written to a temporary file
        config.jetty.multipartConfig.maxInMemoryFileSize(pictureBodyBytes(), io.javalin.config.SizeUnit.BYTES);
        config.jetty.multipartConfig.maxFileSize(pictures.settings().maxBytes(), io.javalin.config.SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(pictureBodyBytes(), io.javalin.config.SizeUnit.BYTES);
        config.http.defaultContentType = "text/plain; charset=utf-8";
        // a stop lets requests in progress finish (a webhook post answered at the last moment must reach Telegram,
        // or it is sent again and answered twice); Javalin puts its handlers inside this one
        config.jetty.modifyServer(server -> {
            server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
            server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        });

        var r = config.routes;
        r.before(this::securityHeaders);
        r.beforeMatched(this::gate);

        r.get("/", ctx -> renderTryIt(ctx, TryItView.blank()), Access.PUBLIC);
        r.post("/", this::tryIt, Access.PUBLIC);
        r.post("/report", this::report, Access.PUBLIC);
        r.post("/picture", this::picture, Access.PUBLIC);
        r.get("/contacts", this::contacts, Access.PUBLIC);
        r.post("/api/check", this::apiCheck, Access.PUBLIC);
        r.get("/health", this::health, Access.PUBLIC);
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.prometheusText()), Access.PUBLIC);
        r.get("/assets/{name}", this::asset, Access.PUBLIC);

        r.get("/admin/login", ctx -> renderLogin(ctx, null), Access.LOGIN);
        r.post("/admin/login", this::login, Access.LOGIN);
        r.post("/admin/logout", this::logout, Access.MODERATOR);
        new Dashboard(patterns, checker, directory, pages, json, clock).register(r);
        inbound.ifPresent(post -> {
            r.post(post.path(), ctx -> inbound(ctx, post), Access.SHARED_SECRET);
            // said explicitly: a 404 would suggest the proxy points at the wrong path
            r.get(post.path(), ctx -> ctx.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "POST"),
                    Access.SHARED_SECRET);
        });

        r.exception(BadInput.class, (e, ctx) -> pages.error(ctx, HttpStatus.BAD_REQUEST, e.messageKey()));
        r.exception(BodyTooLarge.class, (e, ctx) -> tooLarge(ctx, e.limitBytes()));
        r.exception(Exception.class, (e, ctx) -> {
            // the exception class only: a message could quote user text
            log.error("web request failed: {} {} -> {}", ctx.method(), ctx.endpoint() == null ? "?" : ctx.endpoint().path,
                    e.getClass().getName());
            metrics.failed("web");
            pages.error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "web.error.internal");
        });
        r.error(404, ctx -> {
            if (ctx.attribute(Pages.ERROR_ATTRIBUTE) == null) {
                pages.error(ctx, HttpStatus.NOT_FOUND, "web.error.not_found");
            }
        });
        // Javalin refuses a declared length over maxRequestSize before any handler runs
        r.error(413, ctx -> {
            if (ctx.attribute(Pages.ERROR_ATTRIBUTE) == null) {
                tooLarge(ctx, ctx.path().startsWith("/api/") ? settings.maxApiBodyBytes() : settings.maxFormBodyBytes());
            }
        });
    }

    private void tooLarge(Context ctx, int limitBytes) {
        metrics.refused("body_too_large");
        if (!drained(ctx)) {
            ctx.header("Connection", "close");
        }
        pages.error(ctx, HttpStatus.CONTENT_TOO_LARGE, "web.error.body_too_large",
                "kb", limitBytes / 1024, "chars", settings.maxCheckedChars());
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #DRAINED_BYTES}: a browser or a script that
     * sends the whole body before reading the answer sees only a reset connection if the server stops reading,
     * never the page saying what was wrong. Nothing is kept, so this costs time on the wire, not memory.
     */
    private static boolean drained(Context ctx) {
        if (ctx.req().getContentLengthLong() > DRAINED_BYTES) {
            return false;
        }
        byte[] sink = new byte[8192];
        long total = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n; (n = in.read(sink)) >= 0; ) {
                total += n;
                if (total > DRAINED_BYTES) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
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
            pages.error(ctx, HttpStatus.FORBIDDEN, "web.error.forbidden");
            return;
        }
        if (access == Access.SHARED_SECRET) {
            // the endpoint checks the caller's secret itself; a cross-site form cannot know it
            return;
        }
        boolean changes = !ctx.method().equals(HandlerType.GET) && !ctx.method().equals(HandlerType.HEAD);
        if (changes && crossSite(ctx)) {
            // browsers say where a form post comes from; a post from another site is refused everywhere
            ctx.skipRemainingHandlers();
            pages.error(ctx, HttpStatus.FORBIDDEN, "web.error.csrf");
            return;
        }
        if (access == Access.PUBLIC) {
            return;
        }
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(Sessions.COOKIE));
        session.ifPresent(s -> ctx.attribute(Pages.SESSION_ATTRIBUTE, s));
        boolean bearer = bearerOk(ctx);
        if (access == Access.MODERATOR && !bearer && session.map(Sessions.Session::loggedIn).orElse(false) == false) {
            ctx.skipRemainingHandlers();
            if ((ctx.method().equals(HandlerType.GET) || ctx.method().equals(HandlerType.HEAD))
                    && ctx.path().startsWith("/admin")) {
                ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
            } else if (ctx.path().startsWith("/api/")) {
                ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "login required"));
            } else {
                pages.error(ctx, HttpStatus.FORBIDDEN, "web.error.login_required");
            }
            return;
        }
        if (changes && !bearer) {
            String given = ctx.header("X-CSRF-Token");
            if (given == null && isForm(ctx)) {
                given = form(ctx).get("_csrf").orElse(null);
            }
            String expected = session.map(Sessions.Session::csrfToken).orElse(null);
            boolean accepted = expected != null
                    ? given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8))
                    // no session before login: the form's token is the signed cookie sent back
                    : access == Access.LOGIN && loginForms.accepts(ctx.cookie(LoginFormTokens.COOKIE), given);
            if (!accepted) {
                ctx.skipRemainingHandlers();
                pages.error(ctx, HttpStatus.FORBIDDEN, "web.error.csrf");
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

    /** A dashboard or login form: a few fields, never a pasted text. */
    static FormBody form(Context ctx) {
        return form(ctx, SMALL_FORM_BYTES);
    }

    static FormBody form(Context ctx, int maxBytes) {
        FormBody f = ctx.attribute(FORM_ATTRIBUTE);
        if (f == null) {
            f = FormBody.parse(body(ctx, maxBytes));
            ctx.attribute(FORM_ATTRIBUTE, f);
        }
        return f;
    }

    /**
     * The request body, read once and at most {@code maxBytes} of it: a declared length over the limit is
     * refused before a byte is read, an undeclared (chunked) one as soon as it passes the limit. Reading a
     * 10 MB body whole, then decoding and parsing it, ran a 128 MB heap out of memory.
     */
    static byte[] body(Context ctx, int maxBytes) {
        byte[] cached = ctx.attribute(BODY_ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw new BodyTooLarge(maxBytes);
        }
        byte[] body;
        try {
            body = ctx.req().getInputStream().readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new BadInput("web.error.bad_form");
        }
        if (body.length > maxBytes) {
            throw new BodyTooLarge(maxBytes);
        }
        ctx.attribute(BODY_ATTRIBUTE, body);
        return body;
    }

    /** A picture's bytes and the form's few fields around it. */
    private int pictureBodyBytes() {
        return pictures.settings().maxBytes() + 64 * 1024;
    }

    /**
     * The try-it page's picture upload (multipart, at most the picture limit): the picture is read on the picture
     * pool, its text checked like pasted text, and the page shows the verdict with the recognised text in the
     * text box, to be corrected and checked again. The picture stays in memory (the multipart limits keep it out
     * of temporary files) and is dropped once read.
     */
    private void picture(Context ctx) {
        if (!admitted(ctx, "try_it")) {
            return;
        }
        String ct = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!ct.startsWith("multipart/form-data")) {
            throw new BadInput("web.error.bad_form");
        }
        if (ctx.req().getContentLengthLong() > pictureBodyBytes()) {
            throw new BodyTooLarge(pictureBodyBytes());
        }
        String langOption = Optional.ofNullable(ctx.formParam("lang")).filter(l -> Language.fromTag(l).isPresent())
                .orElse("auto");
        io.javalin.http.UploadedFile file = ctx.uploadedFile("picture");
        TryItView.Upload off = upload("");
        if (!pictures.available()) {
            renderTryIt(ctx, TryItView.empty(langOption).with(upload("web.try.picture_off")));
            return;
        }
        if (file == null || file.size() == 0) {
            renderTryIt(ctx, TryItView.empty(langOption).with(off));
            return;
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes(pictures.settings().maxBytes() + 1);
        } catch (IOException e) {
            throw new BadInput("web.error.bad_form");
        }
        if (bytes.length > pictures.settings().maxBytes()) {
            throw new BodyTooLarge(pictureBodyBytes());
        }
        PictureText read = pictures.read(bytes).join();
        if (!read.read()) {
            String notice = switch (read.outcome()) {
                case UNSUPPORTED, BROKEN, TOO_LARGE -> "web.try.picture_unsupported";
                case BUSY -> "web.try.picture_busy";
                default -> "web.try.picture_unreadable";
            };
            renderTryIt(ctx, TryItView.empty(langOption).with(upload(notice)));
            return;
        }
        String text = read.text();
        int total = text.codePointCount(0, text.length());
        String checked = total > settings.maxCheckedChars()
                ? text.substring(0, text.offsetByCodePoints(0, settings.maxCheckedChars())) : text;
        Pasted p = new Pasted(checked, langOption, total);
        Verdict v = check(p);
        // looked up before this text is kept, so that it does not count itself
        Optional<ConfirmedContact> known = patterns.confirmedContact(p.text());
        if (!v.flagged() || mayStore(ctx)) {
            countFailure(patterns.record(v, p.text(), Source.WEB, false));
        }
        renderTryIt(ctx, view(p, v, false, known).with(upload("web.try.picture_note")));
        metrics.replied("web");
    }

    private TryItView.Upload upload(String notice) {
        return new TryItView.Upload(pictures.available(), pictures.settings().maxBytes() / (1024 * 1024), notice);
    }

    private void renderTryIt(Context ctx, TryItView view) {
        if (view.upload().mb() == 0) {
            view = view.with(upload(""));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("page", pages.page(ctx, view.verdict().map(Verdict::language)));
        p.put("view", view);
        p.put("maxChars", settings.maxCheckedChars());
        pages.html(ctx, "index.jte", p);
    }

    /** The pasted text and language option of a try-it or report form, cut to the limit. */
    private record Pasted(String text, String langOption, int totalChars) {
        Optional<Language> forced() {
            return Language.fromTag(langOption);
        }
    }

    private Pasted pasted(Context ctx) {
        if (!isForm(ctx)) {
            throw new BadInput("web.error.bad_form");
        }
        FormBody form = form(ctx, settings.maxFormBodyBytes());
        // a browser sends a textarea's line breaks as CR LF: counted as two, a 20,000-character paste was cut
        String text = form.get("text").orElse("").replace("\r\n", "\n");
        String langOption = form.get("lang").filter(l -> Language.fromTag(l).isPresent()).orElse("auto");
        int total = text.codePointCount(0, text.length());
        String checked = total > settings.maxCheckedChars()
                ? text.substring(0, text.offsetByCodePoints(0, settings.maxCheckedChars())) : text;
        return new Pasted(checked, langOption, total);
    }

    private Verdict check(Pasted p) {
        long t0 = System.nanoTime();
        Verdict v = checker.check(p.text(), p.forced());
        metrics.checked("web", v, System.nanoTime() - t0);
        return v;
    }

    private void tryIt(Context ctx) {
        if (!admitted(ctx, "try_it")) {
            return;
        }
        Pasted p = pasted(ctx);
        if (p.text().isBlank()) {
            renderTryIt(ctx, TryItView.empty(p.langOption()));
            return;
        }
        Verdict v = check(p);
        // looked up before this text is kept, so that it does not count itself
        Optional<ConfirmedContact> known = patterns.confirmedContact(p.text());
        // only flagged texts are kept, redacted and without anything about who sent them
        if (!v.flagged() || mayStore(ctx)) {
            countFailure(patterns.record(v, p.text(), Source.WEB, false));
        }
        renderTryIt(ctx, view(p, v, false, known));
        metrics.replied("web");
    }

    /**
     * Takes one check from the client's and the shared allowance ({@link PublicLimits}); when either is spent,
     * answers 429 with {@code Retry-After} and a page (JSON under {@code /api/}) saying when to try again. A
     * script holding the API token is the operator's own and is not limited.
     */
    private boolean admitted(Context ctx, String entry) {
        if (ctx.path().startsWith("/api/") && bearerOk(ctx)) {
            return true;
        }
        Optional<PublicRateLimiter.Refusal> refusal = publicLimits.admit(client(ctx));
        if (refusal.isEmpty()) {
            return true;
        }
        metrics.rateLimited(entry, refusal.get().scope().label);
        long seconds = refusal.get().retryAfterSeconds();
        ctx.header("Retry-After", Long.toString(seconds));
        pages.error(ctx, HttpStatus.TOO_MANY_REQUESTS, "web.error.rate_limited", "seconds", seconds);
        return false;
    }

    /** Whether a flagged text may be stored; past the client's or the shared hourly allowance it is only checked. */
    private boolean mayStore(Context ctx) {
        if (publicLimits.mayStore(client(ctx))) {
            return true;
        }
        metrics.dropped("pattern", "store_allowance");
        return false;
    }

    private void countFailure(PatternService.Recorded recorded) {
        if (recorded.status() == PatternService.Recorded.Status.FAILED) {
            metrics.failed("pattern_store");
        }
    }

    private String client(Context ctx) {
        return clientAddress.of(ctx.req().getRemoteAddr(), java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }

    /** "This verdict is wrong": the text comes back from the form, is checked again and reported anonymized. */
    private void report(Context ctx) {
        if (!admitted(ctx, "report")) {
            return;
        }
        Pasted p = pasted(ctx);
        FeedbackKind kind = switch (form(ctx).get("kind").orElse("")) {
            case "false_positive" -> FeedbackKind.FALSE_POSITIVE;
            case "false_negative" -> FeedbackKind.FALSE_NEGATIVE;
            default -> throw new BadInput("web.error.bad_form");
        };
        if (p.text().isBlank()) {
            renderTryIt(ctx, TryItView.empty(p.langOption()));
            return;
        }
        Verdict v = check(p);
        Optional<ConfirmedContact> known = patterns.confirmedContact(p.text());
        if (mayStore(ctx)) {
            countFailure(patterns.report(kind, v, p.text(), Source.WEB));
        }
        renderTryIt(ctx, view(p, v, true, known));
    }

    private TryItView view(Pasted p, Verdict v, boolean reported, Optional<ConfirmedContact> known) {
        // whoever reads the page is not where the person is (a family at home, a job seeker who has not left)
        Optional<HelpAnswer> help = v.risk() == Risk.HIGH || v.kind().someoneHeld()
                ? Optional.of(directory.answer(p.text(), v.countriesNamed()).reachableFromAbroadFirst()) : Optional.empty();
        return new TryItView(p.text(), p.langOption(), Optional.of(v), EvidenceHighlight.split(p.text(), v.flags()),
                p.totalChars(), p.text().codePointCount(0, p.text().length()), false, help, reported,
                new TryItView.Choices(directory.locations(), directory.nationalities()), known, upload(""));
    }

    /** The public help directory, filtered by where the person is and whose citizen they are. */
    private void contacts(Context ctx) {
        List<String> locations = directory.locations();
        List<String> nationalities = directory.nationalities();
        Optional<String> location = Optional.ofNullable(ctx.queryParam("location")).filter(locations::contains);
        Optional<String> nationality = Optional.ofNullable(ctx.queryParam("nationality")).filter(nationalities::contains);
        pages.render(ctx, "contacts.jte", pages.page(ctx, Optional.empty()), "view",
                new ContactsView(locations, nationalities, location, nationality, directory.lookup(location, nationality)));
    }

    /**
     * The CLI's JSON for one text. The body is either JSON {@code {"text": ..., "lang": ...}} or the bare
     * text as {@code text/plain}; a text over the limit is cut and the answer says so in {@code truncated}.
     */
    private void apiCheck(Context ctx) throws JsonProcessingException {
        if (!admitted(ctx, "api_check")) {
            return;
        }
        String body = FormBody.strictUtf8(body(ctx, settings.maxApiBodyBytes()));
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
        metrics.replied("api");
    }

    /**
     * The secret is checked before the body is read, and the body is read up to its limit only, so neither a
     * stranger nor an oversized post costs more than a header.
     */
    private void inbound(Context ctx, InboundPost post) throws IOException {
        if (!post.authentic().test(ctx.header(post.secretHeader()))) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            return;
        }
        if (ctx.contentLength() > post.maxBodyBytes()) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        byte[] body = ctx.req().getInputStream().readNBytes(post.maxBodyBytes() + 1);
        if (body.length > post.maxBodyBytes()) {
            ctx.status(HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        ctx.status(post.receiver().applyAsInt(body));
    }

    /**
     * 200 only when reports can be kept: the store answers a read, its writer runs, and its last writes did not
     * all fail (a read-only or full database, a writer killed by an Error, used to leave this at "ok" while
     * nothing was stored).
     */
    private void health(Context ctx) {
        boolean readable;
        try {
            patterns.queries().dashboard().patternCount();
            readable = true;
        } catch (RuntimeException e) {
            log.error("health: pattern store unavailable: {}", e.getClass().getName());
            readable = false;
        }
        PatternStore.WriteHealth writes = patterns.queries().writeHealth();
        boolean store = readable && writes.ok();
        Optional<String> other = otherProblems.get();
        String status = !readable ? "store unavailable" : !writes.writerRunning() ? "store writer stopped"
                : !writes.ok() ? "store writes failing" : other.orElse("ok");
        ctx.status(store && other.isEmpty() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("status", status, "store", store, "failed_writes_in_a_row", writes.failedInARow()));
    }

    private static final Map<String, String[]> ASSETS = Map.of(
            "app.css", new String[]{"jobguard/web/app.css", "text/css; charset=utf-8"},
            "charts.js", new String[]{"jobguard/web/charts.js", "text/javascript; charset=utf-8"},
            "export.js", new String[]{"jobguard/web/export.js", "text/javascript; charset=utf-8"},
            // the common build: the simple one has no legend and no tooltip
            "echarts.js", new String[]{"META-INF/resources/webjars/echarts/5.3.1/dist/echarts.common.min.js",
                    "text/javascript; charset=utf-8"});

    private void asset(Context ctx) {
        String[] a = ASSETS.get(ctx.pathParam("name"));
        if (a == null) {
            pages.error(ctx, HttpStatus.NOT_FOUND, "web.error.not_found");
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
        Sessions.Session s = ctx.attribute(Pages.SESSION_ATTRIBUTE);
        if (s == null) {
            String token = ctx.cookie(LoginFormTokens.COOKIE);
            if (!loginForms.valid(token)) {
                token = loginForms.issue();
                pages.addCookie(ctx, LoginFormTokens.COOKIE + "=" + token + "; Path=/admin/login; Max-Age="
                        + LoginFormTokens.VALID_FOR.toSeconds() + "; HttpOnly; SameSite=Strict");
            }
            ctx.attribute(Pages.LOGIN_FORM_TOKEN_ATTRIBUTE, token);
        } else if (s.loggedIn() && errorKey == null) {
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("page", pages.page(ctx, Optional.empty()));
        p.put("errorKey", errorKey);
        pages.html(ctx, "login.jte", p);
    }

    private void login(Context ctx) {
        FormBody form = form(ctx);
        String user = form.get("user").orElse("");
        String password = form.get("password").orElse("");
        String client = client(ctx);
        if (throttle.blocked(client, user)) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After",
                    String.valueOf(settings.loginWindow().toSeconds()));
            renderLogin(ctx, "web.login.too_many");
            return;
        }
        Optional<Boolean> matches = passwordChecks.tryCheck(() -> admin.matches(user, password));
        if (matches.isEmpty()) {
            metrics.refused("password_checks_busy");
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "1");
            renderLogin(ctx, "web.login.busy");
            return;
        }
        if (!matches.get()) {
            throttle.failed(client, user);
            ctx.status(HttpStatus.UNAUTHORIZED);
            renderLogin(ctx, "web.login.wrong");
            return;
        }
        throttle.succeeded(client, user);
        Sessions.Session previous = ctx.attribute(Pages.SESSION_ATTRIBUTE);
        if (previous != null) {
            sessions.logout(previous.id());
        }
        Sessions.Session s = sessions.login(admin.user());
        setSessionCookie(ctx, s);
        pages.addCookie(ctx, LoginFormTokens.COOKIE + "=; Path=/admin/login; Max-Age=0; HttpOnly; SameSite=Strict");
        log.info("moderator logged in");
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Sessions.Session s = ctx.attribute(Pages.SESSION_ATTRIBUTE);
        if (s != null) {
            sessions.logout(s.id());
        }
        pages.addCookie(ctx, Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void setSessionCookie(Context ctx, Sessions.Session s) {
        pages.addCookie(ctx, Sessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict");
    }



}
