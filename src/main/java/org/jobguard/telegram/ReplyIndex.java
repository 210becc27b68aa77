package org.jobguard.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Optional;

/**
 * Which reply answered which user message, so an edited message gets its reply edited rather than a
 * second reply. Keys are {@link IdentityHasher#message} hashes; kept as long as Telegram lets bots edit. In memory,
 * or in the store several instances share, since the edit may reach another instance than the message did.
 */
final class ReplyIndex {
    private final Cache<String, Integer> replyByMessage;
    private final Optional<SharedBotState> shared;

    ReplyIndex(Duration keepFor, Optional<SharedBotState> shared) {
        this.replyByMessage = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(500_000).build();
        this.shared = shared;
    }

    void remember(String messageHash, int replyMessageId) {
        if (shared.isPresent()) {
            shared.get().rememberReply(messageHash, messageHash.substring(0, messageHash.indexOf(':')), replyMessageId);
            return;
        }
        replyByMessage.put(messageHash, replyMessageId);
    }

    Optional<Integer> replyTo(String messageHash) {
        if (shared.isPresent()) {
            return shared.get().reply(messageHash);
        }
        return Optional.ofNullable(replyByMessage.getIfPresent(messageHash));
    }

    /** On a shared store {@link PreferenceStore#forget} deletes the links with the choices. */
    void forgetUser(String userHash) {
        replyByMessage.asMap().keySet().removeIf(k -> k.startsWith(userHash + ":"));
    }
}
