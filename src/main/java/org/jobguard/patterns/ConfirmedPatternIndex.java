package org.jobguard.patterns;

import org.jobguard.checker.ConfirmedPatterns;
import org.jobguard.checker.PatternMatch;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moderator-confirmed groups as the checker sees them: fingerprints and confirmation counts, swapped
 * atomically by {@link #reload()} after every moderator decision, so the checker never needs a restart
 * and never sees a half-built index.
 */
public final class ConfirmedPatternIndex implements ConfirmedPatterns {
    private record Snapshot(long[] groupIds, long[] bits, int[] confirmations) {
        static final Snapshot EMPTY = new Snapshot(new long[0], new long[0], new int[0]);
    }

    private final PatternStore store;
    private final Fingerprinter fingerprinter;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.EMPTY);

    public ConfirmedPatternIndex(PatternStore store, Fingerprinter fingerprinter) {
        this.store = store;
        this.fingerprinter = fingerprinter;
    }

    /** Reads the confirmed groups from the store; the checker sees them from its next message on. */
    public void reload() {
        List<PatternStore.ConfirmedGroup> groups = store.dashboard().confirmedGroups();
        long[] ids = new long[groups.size()];
        long[] bits = new long[groups.size()];
        int[] counts = new int[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            ids[i] = groups.get(i).groupId();
            bits[i] = groups.get(i).simhash();
            counts[i] = groups.get(i).confirmations();
        }
        snapshot.set(new Snapshot(ids, bits, counts));
    }

    public int size() {
        return snapshot.get().groupIds().length;
    }

    /** @param normalizedText the checker's normalized text; it is redacted here before fingerprinting */
    @Override
    public Optional<PatternMatch> nearest(String normalizedText) {
        Snapshot s = snapshot.get();
        if (s.groupIds().length == 0 || normalizedText == null) {
            return Optional.empty();
        }
        SimHash.Fingerprint f = fingerprinter.ofNormalized(normalizedText);
        if (f.shingles() < Fingerprinter.MIN_SHINGLES) {
            return Optional.empty();
        }
        int best = -1;
        int bestDistance = Fingerprinter.THRESHOLD + 1;
        for (int i = 0; i < s.bits().length; i++) {
            int d = f.distance(s.bits()[i]);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        return Optional.of(new PatternMatch(s.groupIds()[best], s.confirmations()[best], 1.0 - bestDistance / 64.0));
    }
}
