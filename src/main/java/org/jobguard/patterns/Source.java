package org.jobguard.patterns;

import java.util.Locale;

/** Where a message was checked: the Telegram bot or the web try-it page. */
public enum Source {
    BOT, WEB;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Source fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
