package org.jobguard.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.function.UnaryOperator;

/** Users' choices, in memory only, keyed by hash, forgotten after a quiet period or on /forget. */
final class PreferenceStore {
    private final Cache<String, Preferences> byUser;

    PreferenceStore(Duration rememberFor) {
        this.byUser = Caffeine.newBuilder().expireAfterAccess(rememberFor).maximumSize(500_000).build();
    }

    Preferences get(String userHash) {
        Preferences p = byUser.getIfPresent(userHash);
        return p == null ? Preferences.DEFAULT : p;
    }

    void update(String userHash, UnaryOperator<Preferences> change) {
        byUser.asMap().compute(userHash, (k, old) -> {
            Preferences next = change.apply(old == null ? Preferences.DEFAULT : old);
            return next.equals(Preferences.DEFAULT) ? null : next;
        });
    }

    void forget(String userHash) {
        byUser.invalidate(userHash);
    }
}
