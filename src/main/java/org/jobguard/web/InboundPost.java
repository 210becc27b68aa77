package org.jobguard.web;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * A machine-to-machine POST endpoint served next to the web pages, such as the Telegram webhook: the caller
 * proves itself with a shared secret in a header instead of a session, so the route has no CSRF check. The web
 * server knows nothing of what the body means; {@code App} adapts the receiving side to this.
 *
 * @param path         the route, a plain path such as {@code /tg/hook}
 * @param secretHeader the request header carrying the caller's secret
 * @param maxBodyBytes longer bodies are refused with 413 before they are read whole
 * @param authentic    whether the header's value (null when missing) is the secret; false answers 401 before the
 *                     body is read
 * @param receiver     takes the body and returns the HTTP status to answer
 */
public record InboundPost(String path, String secretHeader, int maxBodyBytes, Predicate<String> authentic,
                          ToIntFunction<byte[]> receiver) {
    public InboundPost {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(secretHeader, "secretHeader");
        Objects.requireNonNull(authentic, "authentic");
        Objects.requireNonNull(receiver, "receiver");
        if (!path.startsWith("/") || path.length() < 2) {
            throw new IllegalArgumentException("an inbound path must start with / and not be the root: " + path);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }
}
