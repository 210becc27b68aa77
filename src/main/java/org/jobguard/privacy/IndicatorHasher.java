package org.jobguard.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Keyed hashes (HMAC-SHA256) of recruiter indicators, so moderators see "the same handle in 12 reports"
 * without the handle. The key is what makes this safe: phone numbers and handles come from small spaces
 * that a plain hash would not protect against a dictionary.
 *
 * <p>The secret comes from {@value #SECRET_ENV} only; there is deliberately no generated fallback kept
 * next to the database, because anyone holding a copy of the data directory would then hold the key too
 * and could test every phone number of a country against the stored hashes in minutes.
 */
public final class IndicatorHasher {
    public static final String SECRET_ENV = "JOBGUARD_HMAC_SECRET";
    /** 16 bytes of real randomness is the floor for an HMAC key; shorter values are refused. */
    public static final int MIN_SECRET_LENGTH = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public IndicatorHasher(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new MissingSecretException(SECRET_ENV + " is not set: the pattern store needs a secret to hash "
                    + "recruiter contacts. Set it to a random value of at least " + MIN_SECRET_LENGTH
                    + " characters, e.g. `export " + SECRET_ENV + "=$(openssl rand -hex 32)`, and keep it out of the data directory.");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new MissingSecretException(SECRET_ENV + " is too short (" + secret.length() + " characters): use at least "
                    + MIN_SECRET_LENGTH + ", e.g. `openssl rand -hex 32`.");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** @param env usually {@code System.getenv()} */
    public static IndicatorHasher fromEnvironment(Map<String, String> env) {
        return new IndicatorHasher(env.get(SECRET_ENV));
    }

    /** Hex HMAC of the item's type and normalized value; equal indicators of the same type hash alike. */
    public String hash(Redaction.Item item) {
        return hash(item.type().name(), item.normalized());
    }

    /** @param namespace keeps equal strings of different kinds (a QQ number, a phone) apart */
    public String hash(String namespace, String normalizedValue) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(namespace.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "IndicatorHasher[key hidden]";
    }

    public static final class MissingSecretException extends RuntimeException {
        public MissingSecretException(String message) {
            super(message);
        }
    }
}
