package org.jobguard.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The login form's CSRF token as a signed double-submit cookie: the token is a random nonce, its issue time and
 * a MAC over both, sent both as a cookie and in the form, and a post is accepted when the two agree and the MAC
 * is ours. The server keeps nothing per visitor, so an anonymous flood of {@code GET /admin/login} costs no
 * memory (it used to create a session each, and 105,000 of them evicted the logged-in moderator's).
 */
final class LoginFormTokens {
    static final String COOKIE = "jg_login";
    /** Long enough to fetch the form, find the password and type it; a form left open longer is reloaded. */
    static final Duration VALID_FOR = Duration.ofHours(12);

    private final KeyedHash mac;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * @param secret {@code JOBGUARD_HMAC_SECRET}, so a form stays valid across a restart; without it (tests) a
     *               key made for this process
     */
    LoginFormTokens(Optional<String> secret, Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
        byte[] key;
        if (secret.isPresent()) {
            // a key of its own, so a token never reveals a MAC made with the secret that keys the stored hashes
            key = new KeyedHash(secret.get().getBytes(StandardCharsets.UTF_8)).of("jobguard login form token");
        } else {
            key = new byte[32];
            random.nextBytes(key);
        }
        mac = new KeyedHash(key);
    }

    String issue() {
        byte[] nonce = new byte[18];
        random.nextBytes(nonce);
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "." + clock.instant().getEpochSecond();
        return body + "." + sign(body);
    }

    /** Ours, not expired, and the same in the cookie and the form. */
    boolean accepts(String cookie, String form) {
        if (cookie == null || form == null || !valid(cookie)) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), form.getBytes(StandardCharsets.UTF_8));
    }

    boolean valid(String token) {
        if (token == null || token.length() > 200) {
            return false;
        }
        int sig = token.lastIndexOf('.');
        int time = sig < 0 ? -1 : token.lastIndexOf('.', sig - 1);
        if (time < 0) {
            return false;
        }
        String body = token.substring(0, sig);
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.UTF_8),
                token.substring(sig + 1).getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(token.substring(time + 1, sig));
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        return issued <= now + 60 && now - issued <= VALID_FOR.toSeconds();
    }

    private String sign(String body) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.of(body));
    }
}
