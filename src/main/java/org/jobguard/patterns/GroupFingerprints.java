package org.jobguard.patterns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The fingerprints of all groups, so a new pattern finds its group by a scan over longs instead of
 * a query. Used only by the store's writer thread (and once at start), so it needs no locking. On a database
 * other instances write too, {@link #catchUp} reads what they changed at the start of each transaction.
 */
final class GroupFingerprints {
    private long[] ids = new long[1024];
    private long[] bits = new long[1024];
    private int size;
    private long maxId;

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
        maxId = 0;
    }

    /**
     * Brings the fingerprints up to date with groups other instances made or deleted. Group ids only grow
     * (PostgreSQL identities are never reused), so an unchanged count and highest id mean nothing changed: new
     * groups are read alone, and only a deletion (a purge, a /forget) reads them all again.
     */
    Void catchUp(Connection c) throws SQLException {
        long count;
        long max;
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM pattern_group")) {
            r.next();
            count = r.getLong(1);
            max = r.getLong(2);
        }
        if (count == size && max == maxId) {
            return null;
        }
        if (max > maxId) {
            try (PreparedStatement st = c.prepareStatement("SELECT id, simhash FROM pattern_group WHERE id > ? ORDER BY id")) {
                st.setLong(1, maxId);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        add(r.getLong(1), r.getLong(2));
                    }
                }
            }
        }
        if (count != size) {
            load(c);
        }
        return null;
    }

    void add(long id, long fingerprint) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            bits = Arrays.copyOf(bits, size * 2);
        }
        ids[size] = id;
        maxId = Math.max(maxId, id);
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
