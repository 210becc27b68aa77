package org.jobguard.web;

/**
 * How much the public entry points (the try-it form, its report buttons, {@code POST /api/check}) take from
 * strangers. Requests are limited per client address and over all clients; a client over its limit gets 429
 * with {@code Retry-After}. Patterns kept from those requests are limited separately and more tightly: a
 * flood within the request limits is still checked and answered, but only the first few of its texts per
 * hour are stored (61,518 posts from one client in a minute once filled the store with 47 MB).
 *
 * @param requestsPerClientPerMinute checks one client address may ask for in a minute (also its burst)
 * @param requestsPerMinute          checks all clients together may ask for in a minute
 * @param storedPerClientPerHour     patterns and reports one client address may have stored in an hour
 * @param storedPerHour              patterns and reports all clients together may have stored in an hour
 */
public record PublicLimits(int requestsPerClientPerMinute, int requestsPerMinute, int storedPerClientPerHour,
                           int storedPerHour) {

    /** The limits the service runs with; the README's "Limits" table repeats them. */
    public static final PublicLimits DEFAULTS = new PublicLimits(30, 600, 20, 1_000);

    public PublicLimits {
        if (requestsPerClientPerMinute < 1 || requestsPerMinute < 1 || storedPerClientPerHour < 0 || storedPerHour < 0) {
            throw new IllegalArgumentException("public limits must be positive (stored ones may be 0)");
        }
    }
}
