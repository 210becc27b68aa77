package org.jobguard.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/** Handles one update completely; returning normally means it may be acknowledged. */
@FunctionalInterface
interface UpdateHandler {
    /** @throws InterruptedException when the bot is stopping before the update was fully handled */
    void handle(Update update) throws InterruptedException;

    /** Updates with the same key are handled in order: the chat, or 0 for updates without one. */
    static long orderKey(Update update) {
        if (update.hasMessage()) {
            return update.getMessage().getChatId();
        }
        if (update.hasEditedMessage()) {
            return update.getEditedMessage().getChatId();
        }
        if (update.hasChannelPost()) {
            return update.getChannelPost().getChatId();
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            return update.getCallbackQuery().getMessage().getChatId();
        }
        return 0;
    }
}
