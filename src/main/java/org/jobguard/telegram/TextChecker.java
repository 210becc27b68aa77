package org.jobguard.telegram;

import org.jobguard.checker.Language;
import org.jobguard.checker.Verdict;

import java.util.Optional;

/** The checker as the bot sees it; {@code App} passes {@code RedFlagChecker::check}. */
@FunctionalInterface
public interface TextChecker {
    /** @param forced the language to answer in when the user chose one with /lang */
    Verdict check(String text, Optional<Language> forced);
}
