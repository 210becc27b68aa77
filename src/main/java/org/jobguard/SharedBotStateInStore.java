package org.jobguard;

import org.jobguard.patterns.BotStateStore;
import org.jobguard.patterns.ChatLocks;
import org.jobguard.telegram.SharedBotState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The bot's {@link SharedBotState} in the PostgreSQL store several instances share: chats' turns as advisory locks,
 * claims renewed every few seconds while this instance works on them.
 */
final class SharedBotStateInStore implements SharedBotState, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SharedBotStateInStore.class);

    private final BotStateStore store;
    private final ChatLocks chats;
    private final Set<Long> claimed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "update-claim-renewer");
        t.setDaemon(true);
        return t;
    });

    SharedBotStateInStore(BotStateStore store, ChatLocks chats) {
        this.store = store;
        this.chats = chats;
        long every = BotStateStore.RENEW_EVERY.toMillis();
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            store.renewClaims(List.copyOf(claimed));
        } catch (RuntimeException e) {
            // the next renewal comes before the lease ends; if the store stays away, another instance may take over
            log.warn("Cannot renew this instance's update claims: {}", e.getMessage());
        }
    }

    @Override
    public Optional<Turn> takeTurn(long chatKey, Duration wait) throws InterruptedException {
        if (chatKey == 0) {
            return Optional.of(() -> { });
        }
        return chats.take(chatKey, wait).map(turn -> turn::close);
    }

    @Override
    public Claim claimUpdate(int updateId) {
        Claim claim = switch (store.claimUpdate(updateId, chats.session())) {
            case MINE -> Claim.MINE;
            case TAKEN_OVER -> Claim.TAKEN_OVER;
            case HANDLED -> Claim.HANDLED;
            case TAKEN -> Claim.TAKEN;
        };
        if (claim == Claim.MINE || claim == Claim.TAKEN_OVER) {
            claimed.add((long) updateId);
        }
        return claim;
    }

    @Override
    public void updateHandled(int updateId) {
        // only a claim of this instance's: another's may be running under the same id
        if (claimed.remove((long) updateId)) {
            store.updateHandled(updateId);
        }
    }

    @Override
    public void releaseUpdate(int updateId) {
        if (claimed.remove((long) updateId)) {
            store.releaseUpdate(updateId);
        }
    }

    @Override
    public Optional<StoredPreferences> preferences(String userHash) {
        return store.choices(userHash).map(c -> new StoredPreferences(c.language(), c.discreet(), c.deleteAfterSeconds()));
    }

    @Override
    public void savePreferences(String userHash, Optional<StoredPreferences> preferences) {
        store.saveChoices(userHash, preferences.map(p -> new BotStateStore.Choices(p.language(), p.discreet(),
                p.deleteAfterSeconds())));
    }

    @Override
    public Optional<Integer> reply(String messageHash) {
        return store.reply(messageHash);
    }

    @Override
    public void rememberReply(String messageHash, String userHash, int replyMessageId) {
        store.rememberReply(messageHash, userHash, replyMessageId);
    }

    @Override
    public void forgetUser(String userHash) {
        store.forgetUser(userHash);
    }

    /** After the bot stopped: nothing is claimed any more. */
    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
