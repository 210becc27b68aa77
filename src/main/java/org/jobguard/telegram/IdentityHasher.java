package org.jobguard.telegram;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Keyed hashes (HMAC-SHA256) that stand in for Telegram user and chat ids in every in-memory map, so a
 * heap dump or a debug print shows no id. Without the secret the hashes cannot be tested against ids.
 */
final class IdentityHasher {
    private final SecretKeySpec key;

    IdentityHasher(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the HMAC secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    String user(long userId) {
        return hash('u', userId, 0);
    }

    /** A message in a chat, prefixed by the user's hash so that /forget can find it. */
    String message(String userHash, long chatId, int messageId) {
        return userHash + ":" + hash('m', chatId, messageId);
    }

    /** An album of pictures ({@code media_group_id}) the user sent, keyed like a message. */
    String album(String userHash, long chatId, String mediaGroupId) {
        return userHash + ":" + hash('a', chatId, mediaGroupId.hashCode());
    }

    private String hash(char domain, long id, int extra) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(ByteBuffer.allocate(14).putChar(domain).putLong(id).putInt(extra).array());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
