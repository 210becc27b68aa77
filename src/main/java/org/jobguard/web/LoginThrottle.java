package org.jobguard.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts failed logins per client address and per user name in a fixed window. Keys are keyed
 * hashes with a per-process secret, so client addresses are never held in the clear (DESIGN.md section 4).
 */
final class LoginThrottle {
    private final Cache<String, AtomicInteger> failures;
    private final int limit;
    private final Mac mac;

    LoginThrottle(int limit, Duration window, Clock clock, SecureRandom random) {
        this.limit = limit;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    boolean blocked(String client, String user) {
        return count("c:" + client) >= limit || count("u:" + user) >= limit;
    }

    void failed(String client, String user) {
        failures.get(key("c:" + client), k -> new AtomicInteger()).incrementAndGet();
        failures.get(key("u:" + user), k -> new AtomicInteger()).incrementAndGet();
    }

    void succeeded(String client) {
        failures.invalidate(key("c:" + client));
    }

    private int count(String raw) {
        AtomicInteger n = failures.getIfPresent(key(raw));
        return n == null ? 0 : n.get();
    }

    private synchronized String key(String raw) {
        return Base64.getEncoder().encodeToString(mac.doFinal(raw.getBytes(StandardCharsets.UTF_8)));
    }
}
