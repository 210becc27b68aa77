package org.jobguard.telegram;

/** Who the bot is on Telegram (getMe): its id and username, to recognise mentions and commands in groups. */
public record BotIdentity(long id, String username) {
}
