package org.jobguard.telegram;

import org.jobguard.checker.Language;

import java.time.Duration;
import java.util.Optional;

/**
 * What a user chose, held in memory under the keyed hash of their id.
 *
 * @param language    the /lang choice, or null to follow the language of each message
 * @param discreet    neutral wording, no buttons, nothing that names scams
 * @param deleteAfter in discreet mode, how long the bot's replies (and the user's message) stay; zero keeps them
 */
record Preferences(Language language, boolean discreet, Duration deleteAfter) {
    static final Preferences DEFAULT = new Preferences(null, false, Duration.ZERO);

    Optional<Language> chosenLanguage() {
        return Optional.ofNullable(language);
    }

    Preferences withLanguage(Language l) {
        return new Preferences(l, discreet, deleteAfter);
    }

    Preferences withDiscreet(boolean on, Duration after) {
        return new Preferences(language, on, after);
    }
}
