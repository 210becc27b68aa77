package org.jobguard.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Optional;

/**
 * Which reply answered which user message, so an edited message gets its reply edited rather than a
 * second reply. Keys are {@link IdentityHasher#message} hashes; kept as long as Telegram lets bots edit.
 */
final class ReplyIndex {
    private final Cache<String, Integer> replyByMessage;

    ReplyIndex(Duration keepFor) {
        this.replyByMessage = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(500_000).build();
    }

    void remember(String messageHash, int replyMessageId) {
        replyByMessage.put(messageHash, replyMessageId);
    }

    Optional<Integer> replyTo(String messageHash) {
        return Optional.ofNullable(replyByMessage.getIfPresent(messageHash));
    }

    void forgetUser(String userHash) {
        replyByMessage.asMap().keySet().removeIf(k -> k.startsWith(userHash + ":"));
    }
}
