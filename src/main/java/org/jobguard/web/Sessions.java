package org.jobguard.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Server-side sessions in memory (a restart logs everyone out, which is fine for one moderator team).
 * Anonymous sessions exist only to carry the login form's CSRF token.
 */
final class Sessions {
    static final String COOKIE = "jg_session";

    record Session(String id, Optional<String> user, String csrfToken) {
        boolean loggedIn() {
            return user.isPresent();
        }
    }

    private final Cache<String, Session> byId;
    private final SecureRandom random;

    Sessions(Duration idle, Clock clock, SecureRandom random) {
        this.random = random;
        this.byId = Caffeine.newBuilder()
                .expireAfterAccess(idle)
                .maximumSize(100_000)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    Optional<Session> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.getIfPresent(id));
    }

    Session anonymous() {
        Session s = new Session(token(), Optional.empty(), token());
        byId.put(s.id(), s);
        return s;
    }

    /** A fresh id and CSRF token on login, so a session id planted before login is worthless. */
    Session login(Session previous, String user) {
        byId.invalidate(previous.id());
        Session s = new Session(token(), Optional.of(user), token());
        byId.put(s.id(), s);
        return s;
    }

    void logout(String id) {
        byId.invalidate(id);
    }

    String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
