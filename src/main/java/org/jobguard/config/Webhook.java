package org.jobguard.config;

import java.net.URI;

/**
 * Webhook mode of the bot: Telegram posts updates to {@code url} (a reverse proxy forwards them to the web port)
 * and proves itself with {@code secretToken} in a header.
 *
 * @param url         {@code JOBGUARD_WEBHOOK_URL}: https on a port Telegram delivers to; its path is the local route
 * @param secretToken {@code JOBGUARD_WEBHOOK_SECRET}, or derived from the HMAC secret when that is unset
 */
public record Webhook(URI url, String secretToken) {

    /** The route the web server answers on: the public URL's path, as a proxy passes it through. */
    public String path() {
        return url.getRawPath();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Webhook[url=" + url + "]";
    }
}
