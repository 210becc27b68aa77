package org.jobguard;

import org.jobguard.patterns.BotStateStore;
import org.jobguard.telegram.SharedBotState;

import java.util.Optional;

/** The bot's {@link SharedBotState} in the pattern store several instances share. */
final class SharedBotStateInStore implements SharedBotState {
    private final BotStateStore store;

    SharedBotStateInStore(BotStateStore store) {
        this.store = store;
    }

    @Override
    public Claim claimUpdate(int updateId) {
        return switch (store.claimUpdate(updateId)) {
            case MINE -> Claim.MINE;
            case HANDLED -> Claim.HANDLED;
            case TAKEN -> Claim.TAKEN;
        };
    }

    @Override
    public void updateHandled(int updateId) {
        store.updateHandled(updateId);
    }

    @Override
    public void releaseUpdate(int updateId) {
        store.releaseUpdate(updateId);
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
}
