package org.jobguard.cli;

import org.jobguard.checker.ConfirmedPatterns;
import org.jobguard.checker.Normalizer;
import org.jobguard.checker.PlaceZones;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.RiskModel;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.RiskModelFile;
import org.jobguard.config.RulesLoader;

import java.util.Map;

/** The checker the command-line tools use: the rules and model of {@code config/}, no confirmed patterns. */
final class CheckerFactory {
    private CheckerFactory() {
    }

    static RedFlagChecker fromEnvironment() {
        ConfigFiles files = ConfigFiles.locate(System.getenv());
        return new RedFlagChecker(RulesLoader.load(files.yaml("rules.yaml")), new Normalizer(),
                RiskModelFile.load(files), PlaceZones.NONE, ConfirmedPatterns.none());
    }

    /** A checker that only reads features: for fitting a new model, so it must not need the old one. */
    static RedFlagChecker featureReader() {
        ConfigFiles files = ConfigFiles.locate(System.getenv());
        return new RedFlagChecker(RulesLoader.load(files.yaml("rules.yaml")), new Normalizer(), untrained(),
                PlaceZones.NONE, ConfirmedPatterns.none());
    }

    static RiskModel untrained() {
        return new RiskModel("untrained", org.jobguard.checker.FeatureSpace.DEFAULT_NGRAM_BITS, Map.of(), new int[0], new float[0], 1, 0,
                new RiskModel.Thresholds(0.25, 0.5, 0.8));
    }
}
