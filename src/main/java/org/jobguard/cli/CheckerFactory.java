package org.jobguard.cli;

import org.jobguard.checker.ConfirmedPatterns;
import org.jobguard.checker.FeatureSpace;
import org.jobguard.checker.Normalizer;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.RiskModel;
import org.jobguard.config.ConfigFiles;
import org.jobguard.config.PlacesLoader;
import org.jobguard.config.RiskModelFile;
import org.jobguard.config.RulesLoader;

import java.util.Map;

/** The checker the command-line tools use: the rules, places and model of {@code config/}, no confirmed patterns. */
final class CheckerFactory {
    private CheckerFactory() {
    }

    static RedFlagChecker fromEnvironment() {
        return build(RiskModelFile.load(ConfigFiles.locate(System.getenv())));
    }

    /** A checker that only reads features: for fitting a new model, so it must not need the old one. */
    static RedFlagChecker featureReader() {
        return build(untrained());
    }

    private static RedFlagChecker build(RiskModel model) {
        ConfigFiles files = ConfigFiles.locate(System.getenv());
        Normalizer normalizer = new Normalizer();
        return new RedFlagChecker(RulesLoader.load(files.yaml("rules.yaml")), normalizer, model,
                PlacesLoader.load(files, normalizer), ConfirmedPatterns.none());
    }

    static RiskModel untrained() {
        return new RiskModel("untrained", FeatureSpace.DEFAULT_NGRAM_BITS, Map.of(), new int[0], new float[0], 1, 0,
                new RiskModel.Thresholds(0.25, 0.5, 0.8));
    }
}
