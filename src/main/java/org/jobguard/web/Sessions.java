package org.jobguard.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Logged-in moderators' sessions, in memory (a restart logs everyone out, which is fine for one moderator team).
 * Only a correct password creates one: anonymous visitors have none (the login form's CSRF token is a signed
 * cookie, {@link LoginFormTokens}), so no flood from strangers can fill this store or evict a moderator.
 */
final class Sessions {
    static final String COOKIE = "jg_session";
    /** Far more than an NGO's moderators log in within {@code sessionIdle}; past it the least recent one goes. */
    static final int MAX_LOGGED_IN = 1_000;

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
                .maximumSize(MAX_LOGGED_IN)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    Optional<Session> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.getIfPresent(id));
    }

    /** A fresh id and CSRF token on every login, so a session id planted before login is worthless. */
    Session login(String user) {
        Session s = new Session(token(), Optional.of(user), token());
        byId.put(s.id(), s);
        return s;
    }

    void logout(String id) {
        byId.invalidate(id);
    }

    /** Sessions held now. */
    long count() {
        byId.cleanUp();
        return byId.estimatedSize();
    }

    String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
