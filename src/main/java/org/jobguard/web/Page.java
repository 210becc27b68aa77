package org.jobguard.web;

import org.jobguard.checker.Language;
import org.jobguard.i18n.Messages;

import java.util.List;
import java.util.Optional;

/**
 * What every template needs besides its own model: the interface language, the texts, and for the
 * dashboard the CSRF token to put in each form.
 *
 * @param scripts extra script URLs (same origin only: the CSP forbids inline and foreign script)
 */
public record Page(Language ui, Messages messages, String path, Optional<String> csrfToken, boolean loggedIn,
                   List<String> scripts) {

    public String t(String key) {
        return messages.get(ui, key);
    }

    /** Text with {@code {name}} placeholders; arguments alternate name, value. */
    public String f(String key, Object... nameValuePairs) {
        return messages.format(ui, key, nameValuePairs);
    }

    /** A text that counts something, in the language's plural forms (see {@link Messages#counted}). */
    public String n(String key, Object... nameValuePairs) {
        return messages.counted(ui, key, nameValuePairs);
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    public String languageName(Language l) {
        return messages.get(l, "web.language_name");
    }

    public String csrf() {
        return csrfToken.orElse("");
    }
}
