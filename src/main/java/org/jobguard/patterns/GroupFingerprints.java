package org.jobguard.patterns;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The fingerprints of all groups, so a new pattern finds its group by a scan over longs instead of
 * a query. Used only by the store's writer thread (and once at start), so it needs no locking.
 */
final class GroupFingerprints {
    private long[] ids = new long[1024];
    private long[] bits = new long[1024];
    private int size;

    void load(Connection c) throws SQLException {
        clear();
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT id, simhash FROM pattern_group")) {
            while (r.next()) {
                add(r.getLong(1), r.getLong(2));
            }
        }
    }

    void clear() {
        size = 0;
    }

    void add(long id, long fingerprint) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            bits = Arrays.copyOf(bits, size * 2);
        }
        ids[size] = id;
        bits[size] = fingerprint;
        size++;
    }

    /** The closest group within {@code threshold} bits (oldest on a tie), or -1. */
    long nearest(long fingerprint, int threshold) {
        long best = -1;
        int bestDistance = threshold + 1;
        for (int i = 0; i < size; i++) {
            int d = Long.bitCount(bits[i] ^ fingerprint);
            if (d < bestDistance) {
                bestDistance = d;
                best = ids[i];
            }
        }
        return best;
    }
}
