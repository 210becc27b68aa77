package org.jobguard.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jobguard.checker.Language;
import org.jobguard.i18n.Messages;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Rendering shared by all pages: the interface language, the session's CSRF token, error pages, cookies. */
final class Pages {
    static final String UI_COOKIE = "jg_ui";
    static final String SESSION_ATTRIBUTE = "jg.session";
    static final String ERROR_ATTRIBUTE = "jg.error";
    /** The login form's CSRF token when the visitor has no session ({@link LoginFormTokens}). */
    static final String LOGIN_FORM_TOKEN_ATTRIBUTE = "jg.login_form_token";

    private final Messages messages;
    private final Templates templates = new Templates();
    private final boolean secureCookies;

    Pages(Messages messages, boolean secureCookies) {
        this.messages = messages;
        this.secureCookies = secureCookies;
    }

    Messages messages() {
        return messages;
    }

    Optional<Sessions.Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION_ATTRIBUTE));
    }

    Page page(Context ctx, Optional<Language> fallback, String... scripts) {
        Optional<Sessions.Session> s = session(ctx);
        // the language links repeat the path; "//host" would make them point at another site
        String path = ctx.path().startsWith("/") && !ctx.path().startsWith("//") ? ctx.path() : "/";
        Optional<String> csrf = s.map(Sessions.Session::csrfToken)
                .or(() -> Optional.ofNullable(ctx.attribute(LOGIN_FORM_TOKEN_ATTRIBUTE)));
        return new Page(uiLanguage(ctx, fallback), messages, path, csrf,
                s.map(Sessions.Session::loggedIn).orElse(false), List.of(scripts));
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

    void html(Context ctx, String template, Map<String, Object> params) {
        ctx.contentType("text/html; charset=utf-8").result(templates.render(template, params));
    }

    /** Renders {@code template} with the page and alternating name, value pairs. */
    void render(Context ctx, String template, Page page, Object... nameValuePairs) {
        Map<String, Object> p = new HashMap<>();
        p.put("page", page);
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            p.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        html(ctx, template, p);
    }

    /** @param nameValuePairs the message's {@code {name}} placeholders, alternating name and value */
    void error(Context ctx, HttpStatus status, String messageKey, Object... nameValuePairs) {
        ctx.attribute(ERROR_ATTRIBUTE, messageKey);
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("error", messages.format(Language.EN, messageKey, nameValuePairs)));
            return;
        }
        Page page = page(ctx, Optional.empty());
        render(ctx, "error.jte", page, "status", status.getCode(), "message", page.f(messageKey, nameValuePairs));
    }

    void addCookie(Context ctx, String cookie) {
        ctx.res().addHeader("Set-Cookie", cookie + (secureCookies ? "; Secure" : ""));
    }
}
