package org.jobguard.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jobguard.checker.Language;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Users' choices keyed by hash, forgotten after a quiet period or on /forget: in memory, or in the store that
 * several instances share, so that a /lang made through one instance holds on the others.
 */
final class PreferenceStore {
    private final Cache<String, Preferences> byUser;
    private final Optional<SharedBotState> shared;

    PreferenceStore(Duration rememberFor, Optional<SharedBotState> shared) {
        this.byUser = Caffeine.newBuilder().expireAfterAccess(rememberFor).maximumSize(500_000).build();
        this.shared = shared;
    }

    Preferences get(String userHash) {
        if (shared.isPresent()) {
            return shared.get().preferences(userHash).map(PreferenceStore::fromStored).orElse(Preferences.DEFAULT);
        }
        Preferences p = byUser.getIfPresent(userHash);
        return p == null ? Preferences.DEFAULT : p;
    }

    /** On a shared store the last writer wins: one user changes their own choices one command at a time. */
    void update(String userHash, UnaryOperator<Preferences> change) {
        if (shared.isPresent()) {
            Preferences next = change.apply(get(userHash));
            shared.get().savePreferences(userHash, next.equals(Preferences.DEFAULT) ? Optional.empty()
                    : Optional.of(new SharedBotState.StoredPreferences(next.chosenLanguage().map(Language::tag).orElse(null),
                    next.discreet(), next.deleteAfter().toSeconds())));
            return;
        }
        byUser.asMap().compute(userHash, (k, old) -> {
            Preferences next = change.apply(old == null ? Preferences.DEFAULT : old);
            return next.equals(Preferences.DEFAULT) ? null : next;
        });
    }

    void forget(String userHash) {
        shared.ifPresent(s -> s.forgetUser(userHash));
        byUser.invalidate(userHash);
    }

    private static Preferences fromStored(SharedBotState.StoredPreferences p) {
        Language language = p.language() == null ? null : Language.fromTag(p.language()).orElse(null);
        return new Preferences(language, p.discreet(), Duration.ofSeconds(p.deleteAfterSeconds()));
    }
}
