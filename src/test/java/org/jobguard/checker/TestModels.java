package org.jobguard.checker;

import org.jobguard.config.ConfigFiles;
import org.jobguard.config.PlacesLoader;
import org.jobguard.config.RiskModelFile;
import org.jobguard.config.RulesLoader;

import java.util.Map;

/** Risk models for tests: the shipped one, and one that scores like the hand-set points the rules began with. */
public final class TestModels {
    private TestModels() {
    }

    public static RiskModel shipped() {
        return RiskModelFile.load(ConfigFiles.locate(Map.of()));
    }

    public static RuleSet shippedRules() {
        return RulesLoader.load(ConfigFiles.locate(Map.of()).yaml("rules.yaml"));
    }

    /** The repository's rules and model, as the service runs them. */
    public static RedFlagChecker shippedChecker() {
        return new RedFlagChecker(shippedRules(), new Normalizer(), shipped(), shippedPlaces(), ConfirmedPatterns.none());
    }

    public static Gazetteer shippedPlaces() {
        return PlacesLoader.load(ConfigFiles.locate(Map.of()), new Normalizer());
    }

    /**
     * One weak flag low, two points medium, three or a strong flag high: so that tests of matching, negation and
     * evidence on small hand-made rule sets do not depend on fitted weights.
     */
    public static RiskModel rulePoints() {
        return new RiskModel("rule points", FeatureSpace.DEFAULT_NGRAM_BITS,
                Map.of("bias", -3.0, "rules:points:1", 2.0, "rules:points:2", 3.0, "rules:points:3+", 5.0,
                        "rules:strong", 5.0),
                new int[0], new float[0], 1, 0, new RiskModel.Thresholds(0.25, 0.5, 0.8));
    }
}
