package org.jobguard.web;

import org.jobguard.checker.Language;
import org.jobguard.checker.Verdict;

import java.util.Optional;

/** What the web needs from the checker; {@code RedFlagChecker::check} fits. */
@FunctionalInterface
public interface TextChecker {
    Verdict check(String text, Optional<Language> forced);
}
