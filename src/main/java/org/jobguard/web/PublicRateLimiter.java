package org.jobguard.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Token buckets for the public entry points ({@link PublicLimits}): one per client address and one over all
 * clients, for the checks asked for and, separately, for the patterns stored from them. Client addresses are
 * held only as keyed hashes with a per-process key (DESIGN.md section 4), like {@link LoginThrottle}'s.
 */
final class PublicRateLimiter {
    /**
     * Clients remembered at once. A client forgotten under a flood of many addresses starts afresh, which the
     * buckets over all clients still bound; the cap keeps the buckets themselves from filling the heap.
     */
    static final int MAX_CLIENTS = 20_000;

    /** Why a request was turned away, as a fixed word for {@code /metrics}. */
    enum Scope {
        CLIENT("client"), ALL_CLIENTS("all_clients");

        final String label;

        Scope(String label) {
            this.label = label;
        }
    }

    /** A refusal: which limit, and when the next request would be admitted. */
    record Refusal(Scope scope, Duration retryAfter) {
        /** Whole seconds, at least one, as {@code Retry-After} needs. */
        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final PublicLimits limits;
    private final TimeMeter time;
    private final Cache<String, Bucket> requestsByClient;
    private final Cache<String, Bucket> storedByClient;
    private final Bucket requests;
    private final Bucket stored;
    private final KeyedHash mac;

    PublicRateLimiter(PublicLimits limits, Clock clock, SecureRandom random) {
        this.limits = limits;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        // a bucket left alone for its whole period is full again: forgetting it then changes nothing
        this.requestsByClient = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(Duration.ofMinutes(1))
                .ticker(() -> clock.millis() * 1_000_000L).build();
        this.storedByClient = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(Duration.ofHours(1))
                .ticker(() -> clock.millis() * 1_000_000L).build();
        this.requests = bucket(limits.requestsPerMinute(), Duration.ofMinutes(1));
        this.stored = bucket(limits.storedPerHour(), Duration.ofHours(1));
        mac = KeyedHash.random(random);
    }

    /** Takes one check from the client's bucket and the shared one; empty when admitted. */
    Optional<Refusal> admit(String client) {
        Bucket own = requestsByClient.get(key(client),
                k -> bucket(limits.requestsPerClientPerMinute(), Duration.ofMinutes(1)));
        ConsumptionProbe probe = own.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Optional.of(new Refusal(Scope.CLIENT, Duration.ofNanos(probe.getNanosToWaitForRefill())));
        }
        ConsumptionProbe shared = requests.tryConsumeAndReturnRemaining(1);
        if (!shared.isConsumed()) {
            // the client did not get its check: give its token back
            own.addTokens(1);
            return Optional.of(new Refusal(Scope.ALL_CLIENTS, Duration.ofNanos(shared.getNanosToWaitForRefill())));
        }
        return Optional.empty();
    }

    /** Takes one stored pattern from the client's hourly allowance and the shared one; false when either is spent. */
    boolean mayStore(String client) {
        if (limits.storedPerClientPerHour() == 0 || limits.storedPerHour() == 0) {
            return false;
        }
        Bucket own = storedByClient.get(key(client), k -> bucket(limits.storedPerClientPerHour(), Duration.ofHours(1)));
        if (!own.tryConsume(1)) {
            return false;
        }
        if (!stored.tryConsume(1)) {
            own.addTokens(1);
            return false;
        }
        return true;
    }

    /** Full at first, refilled evenly: a client may use its allowance in a burst, then as fast as it refills. */
    private Bucket bucket(int capacity, Duration period) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(Math.max(1, capacity)).refillGreedy(Math.max(1, capacity), period))
                .withCustomTimePrecision(time)
                .build();
    }

    private String key(String client) {
        // 16 bytes of the hash tell 20,000 clients apart as well as 32, in half the memory
        byte[] h = mac.of(client);
        return Base64.getEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(h, 16));
    }
}
