package org.jobguard.checker;

/**
 * A recruiter contact point found in the text: a link, handle, phone number, e-mail or wallet.
 * Indicators are facts, not flags: they let moderators see the same handle across reports.
 *
 * @param value      the text as written (code point span {@code start}..{@code end} of the original)
 * @param normalized canonical form used for hashing (E.164 for phones, lower-case handle, host+path)
 * @param detail     type-specific detail: the phone's region code ("MM"), the wallet chain ("TRC20"),
 *                   the URL host; empty when none
 */
public record Indicator(Type type, String value, String normalized, String detail, int start, int end) {
    public enum Type {
        URL, TELEGRAM_LINK, HANDLE, PHONE, EMAIL, WALLET;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
