package org.jobguard.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-window message counter per user hash. The first message over the limit is told to slow down;
 * the rest of the window is ignored silently, so a flood costs one reply.
 */
final class RateLimiter {
    enum Decision { ALLOW, WARN, DROP }

    private final int perWindow;
    private final Cache<String, AtomicInteger> counts;

    RateLimiter(int perWindow, Duration window) {
        this.perWindow = perWindow;
        this.counts = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(500_000).build();
    }

    Decision admit(String userHash) {
        int n = counts.get(userHash, k -> new AtomicInteger()).incrementAndGet();
        if (n <= perWindow) {
            return Decision.ALLOW;
        }
        return n == perWindow + 1 ? Decision.WARN : Decision.DROP;
    }

    void forget(String userHash) {
        counts.invalidate(userHash);
    }
}
