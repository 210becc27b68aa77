package org.jobguard.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts failed logins per client address and user name, and per client address over all user names, in
 * a fixed window. Not per user name alone: then anyone could lock the moderator out with six wrong
 * passwords; guesses from many addresses are slowed instead by the password check's own cost and its
 * bounded concurrency ({@link PasswordChecks}). Keys are keyed hashes with a per-process secret, so client
 * addresses are never held in the clear (DESIGN.md section 4).
 */
final class LoginThrottle {
    /** An address trying many user names is guessing whatever the names. */
    static final int ADDRESS_LIMIT_FACTOR = 4;

    private final Cache<String, AtomicInteger> failures;
    private final int limit;
    private final KeyedHash mac;

    /** @param limit failures allowed per address and user name; {@link #ADDRESS_LIMIT_FACTOR} times that per address */
    LoginThrottle(int limit, Duration window, Clock clock, SecureRandom random) {
        this.limit = limit;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
        mac = KeyedHash.random(random);
    }

    boolean blocked(String client, String user) {
        return count(addressKey(client)) >= limit * ADDRESS_LIMIT_FACTOR || count(pairKey(client, user)) >= limit;
    }

    void failed(String client, String user) {
        failures.get(key(addressKey(client)), k -> new AtomicInteger()).incrementAndGet();
        failures.get(key(pairKey(client, user)), k -> new AtomicInteger()).incrementAndGet();
    }

    void succeeded(String client, String user) {
        failures.invalidate(key(addressKey(client)));
        failures.invalidate(key(pairKey(client, user)));
    }

    private static String addressKey(String client) {
        return "c:" + client;
    }

    private static String pairKey(String client, String user) {
        // the account compares the name trimmed, so " admin" is the same guess as "admin"
        return "cu:" + client + "\n" + user.trim();
    }

    private int count(String raw) {
        AtomicInteger n = failures.getIfPresent(key(raw));
        return n == null ? 0 : n.get();
    }

    private String key(String raw) {
        return Base64.getEncoder().encodeToString(mac.of(raw));
    }
}
