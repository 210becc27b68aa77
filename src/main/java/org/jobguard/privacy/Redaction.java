package org.jobguard.privacy;

import java.util.List;

/**
 * A text with its identifiers replaced by typed placeholders, and what was replaced.
 *
 * @param text  the redacted text, safe to store
 * @param items one entry per replaced identifier; {@code normalized} values are secrets that must only
 *              leave memory as keyed hashes (see {@link IndicatorHasher})
 */
public record Redaction(String text, List<Item> items) {
    public Redaction {
        items = List.copyOf(items);
    }

    /**
     * @param type        what kind of identifier it was
     * @param placeholder the text that replaced it, e.g. {@code <PHONE:+95>}
     * @param normalized  canonical value for keyed hashing (E.164, lower-case handle, host+path)
     */
    public record Item(Type type, String placeholder, String normalized) {
        @Override
        public String toString() {
            // a record's default toString would print the identifier; keep it out of logs and traces
            return "Item[" + type + ", " + placeholder + "]";
        }
    }

    public enum Type {
        PHONE, EMAIL, HANDLE, URL, WECHAT, QQ, LINE, ID, PASSPORT, BANKCARD, WALLET, NAME;

        /** Whether the value points at a recruiter's contact and is worth a keyed hash for moderators. */
        public boolean isIndicator() {
            return this != ID && this != PASSPORT && this != NAME && this != BANKCARD;
        }
    }
}
