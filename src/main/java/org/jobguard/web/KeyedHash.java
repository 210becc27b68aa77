package org.jobguard.web;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * HMAC-SHA256 under one key: how the web keeps client addresses and user names only as hashes (throttles, rate
 * limits) and signs its login-form tokens. One {@link Mac} is not thread-safe, hence the lock.
 */
final class KeyedHash {
    private final Mac mac;

    KeyedHash(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** A key made for this process only: hashes that need not survive a restart. */
    static KeyedHash random(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new KeyedHash(key);
    }

    synchronized byte[] of(String text) {
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
