package org.jobguard.cli;

import org.jobguard.checker.ConfirmedPatterns;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.RulesLoader;

/** The checker the commands use: the rules of {@code config/} (or the jar's copy), no stored patterns. */
final class CheckerFactory {
    private CheckerFactory() {
    }

    static RedFlagChecker fromEnvironment() {
        ConfigFiles files = ConfigFiles.locate(System.getenv());
        return new RedFlagChecker(RulesLoader.load(files.yaml("rules.yaml")), ConfirmedPatterns.none());
    }
}
