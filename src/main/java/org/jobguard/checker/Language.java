package org.jobguard.checker;

import java.util.Arrays;
import java.util.Optional;

/** The three languages JobGuard reads and answers in. */
public enum Language {
    ZH_HANS("zh-Hans"), ZH_HANT("zh-Hant"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** BCP 47 tag as used in JSON, config and the messages file names. */
    public String tag() {
        return tag;
    }

    public static Optional<Language> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.trim().replace('_', '-');
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(t)).findFirst();
    }
}
