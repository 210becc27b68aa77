package org.jobguard.cli;

import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.RiskModel;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelTrainingTest {

    /** 100 warnings with probabilities 0.00..0.99; the given ones are bounded by the checker. */
    private static RiskModel.Thresholds warnings(int atLeastMedium, int atMostLow) {
        return warnings(atLeastMedium, atMostLow, 0);
    }

    /** As above, and the {@code warningCued} most probable read as warnings unless the model is sure. */
    private static RiskModel.Thresholds warnings(int atLeastMedium, int atMostLow, int warningCued) {
        return warnings(atLeastMedium, 50, atMostLow, warningCued);
    }

    /** As above, the ones a strong sign keeps at medium from probability {@code floorFrom} / 100 on. */
    private static RiskModel.Thresholds warnings(int atLeastMedium, int floorFrom, int atMostLow, int warningCued) {
        List<LabelledMessage> messages = new ArrayList<>();
        double[] p = new double[100];
        ModelTraining.Bounds bounds = new ModelTraining.Bounds(100);
        for (int i = 0; i < 100; i++) {
            messages.add(new LabelledMessage("w" + i, "", "awareness", "en", List.of()));
            p[i] = i / 100.0;
        }
        // the checker's bounds fall on the most probable ones: the cases that decide the threshold
        for (int k = 0; k < atMostLow; k++) {
            bounds.atMostLow()[99 - k] = true;
        }
        for (int k = 0; k < atLeastMedium; k++) {
            bounds.atLeastMedium()[floorFrom + k] = true;
            bounds.overruledBelow()[floorFrom + k] = RedFlagChecker.STRONG_SIGN_OVERRULED;
        }
        for (int k = 0; k < warningCued; k++) {
            bounds.warningCued()[99 - k] = true;
        }
        return ModelTraining.thresholds(messages, p, bounds);
    }

    @Test
    void theMediumThresholdLetsSevenInAHundredWarningsThrough() {
        // 7.5 % of 100: the 8th most probable (0.92) must stay below medium
        assertEquals(0.92, warnings(0, 0).medium(), 0.001);
    }

    @Test
    void warningsTheCheckerAlwaysFlagsUseUpTheAllowance() {
        // five flagged by a strong sign whatever the threshold: only two more may reach medium
        assertEquals(0.97, warnings(5, 0).medium(), 0.001);
    }

    @Test
    void aFloorTheModelReadsAsOrdinaryUsesNoneOfTheAllowance() {
        // the five strong signs stand in texts the model puts at 0.10..0.14, under RedFlagChecker.STRONG_SIGN_OVERRULED
        assertEquals(0.92, warnings(5, 10, 0, 0).medium(), 0.001);
    }

    @Test
    void warningsTheCheckerNeverFlagsDoNotCount() {
        // the four most probable are read as warnings: the allowance of seven starts below them
        assertEquals(0.88, warnings(0, 4).medium(), 0.001);
    }

    @Test
    void flaggedFollowsTheCheckersBounds() {
        ModelTraining.Bounds b = new ModelTraining.Bounds(new boolean[] {false, true, true, false, true, true},
                new boolean[] {false, false, true, false, false, false},
                new boolean[] {false, false, false, true, false, false},
                new double[] {0, RedFlagChecker.FLOOR_OVERRULED, 0, 0, 0, RedFlagChecker.STRONG_SIGN_OVERRULED},
                new boolean[6]);
        assertFalse(b.flagged(0, 0.4, 0.5));
        assertTrue(b.flagged(0, 0.5, 0.5));
        assertTrue(b.flagged(1, 0.55, 0.6));
        // a strong sign in a text the model reads as ordinary is no floor; a contract signed on arrival is
        assertFalse(b.flagged(1, 0.1, 0.5));
        assertTrue(b.flagged(4, 0.1, 0.5));
        // each floor has its own point below which the model overrules it
        assertTrue(b.flagged(5, 0.45, 0.9));
        assertFalse(b.flagged(1, 0.45, 0.9));
        assertFalse(b.flagged(5, 0.35, 0.9));
        assertFalse(b.flagged(2, 0.99, 0.5));
        // a warning's cues keep it low until the model is sure
        assertFalse(b.flagged(3, 0.9, 0.5));
        assertTrue(b.flagged(3, 0.96, 0.5));
    }

    /**
     * 1,000 chats at 0.000..0.999, not job ads, and 1,000 lawful job ads at 0..{@code top} in even steps: the chats
     * hold the common medium threshold up, the ads have their own.
     */
    private static RiskModel.Thresholds chatsAndAds(double top) {
        List<LabelledMessage> messages = new ArrayList<>();
        double[] p = new double[2000];
        ModelTraining.Bounds bounds = new ModelTraining.Bounds(2000);
        for (int i = 0; i < 1000; i++) {
            messages.add(new LabelledMessage("c" + i, "", "chat", "zh-Hans", List.of()));
            p[i] = i / 1000.0;
        }
        for (int i = 0; i < 1000; i++) {
            messages.add(new LabelledMessage("j" + i, "", "legit_job", "zh-Hans", List.of()));
            p[1000 + i] = top * i / 1000.0;
            bounds.ad()[1000 + i] = true;
        }
        return ModelTraining.thresholds(messages, p, bounds);
    }

    @Test
    void jobAdsGetTheMediumThresholdTheLawfulAdsAllow() {
        RiskModel.Thresholds t = chatsAndAds(0.8);
        // chat at its 1 %: the 11th most probable (0.989) stays below medium
        assertEquals(0.9891, t.medium(), 0.0001);
        // lawful ads at 0.5 %: five of them (0.7992..0.7960) may be flagged, the sixth (0.7952) may not
        assertEquals(0.7953, t.adMedium(), 0.0001);
        assertTrue(t.medium(true) < t.medium(false));
    }

    @Test
    void noJobAdIsFlaggedBelowEvenOdds() {
        // no lawful ad reaches 0.5: the ads' threshold stops there, however much room is left
        assertEquals(ModelTraining.AD_MEDIUM_FLOOR, chatsAndAds(0.4).adMedium());
    }

    @Test
    void warningsTheModelIsSureOfUseUpTheAllowance() {
        // of the ten cued as warnings, 0.90..0.94 are never flagged and 0.95..0.99 always: five of the allowance of
        // seven, so only two of the rest may reach medium and the third most probable (0.87) must fall below it
        assertEquals(0.87, warnings(0, 0, 10).medium(), 0.001);
    }

    @Test
    void aRedFlagNeverWeighsAgainstRisk() {
        String json = TrainCommand.train(CheckerFactory.featureReader(),
                List.of(Path.of("src/test/resources/corpus/dev.jsonl")), TrainCommand.DEFAULT_C,
                new PrintWriter(new StringWriter()));
        RiskModel model = org.jobguard.config.RiskModelFile.parse("dev", json);
        assertEquals(ModelTraining.PARTS, model.parts().stream().map(RiskModel.Part::name).toList());
        for (RiskModel.Part part : model.parts()) {
            if (!part.danger()) {
                // the parts for warnings and the rest may weigh a lure for themselves: a warning quotes it
                continue;
            }
            long constrained = part.named().keySet().stream().filter(ModelTraining::nonNegative).count();
            assertTrue(constrained > 20, "the fit weighs flag features at all: " + constrained);
            part.named().forEach((feature, weight) -> assertTrue(!ModelTraining.nonNegative(feature) || weight >= 0,
                    part.name() + ": " + feature + " weighs " + weight));
        }
    }

    @Test
    void onlyFlagFeaturesAreKeptNonNegative() {
        assertTrue(ModelTraining.nonNegative("pair:all_expenses_paid+risky_destination"));
        assertTrue(ModelTraining.nonNegative("rule:document_control.passport_kept"));
        assertTrue(ModelTraining.nonNegative("cat:contract_after_arrival"));
        assertTrue(ModelTraining.nonNegative("zone:hub+all_expenses_paid"));
        assertTrue(ModelTraining.nonNegative("categories:4"));
        assertTrue(ModelTraining.nonNegative("strongest:medium"));
        assertTrue(ModelTraining.nonNegative("rule:concept.amount"));
        assertTrue(ModelTraining.nonNegative("concepts:concept.money_demanded+concept.held"));
        // family money talk, 包吃住 in 深圳, places, cues and wording may count against risk
        assertFalse(ModelTraining.nonNegative("concepts:money_talk_only"));
        assertFalse(ModelTraining.nonNegative("zone:domestic+all_expenses_paid"));
        assertFalse(ModelTraining.nonNegative("zone:hub+lang:en"));
        assertFalse(ModelTraining.nonNegative("zone:hub+unwarned"));
        assertFalse(ModelTraining.nonNegative("cue:awareness:1"));
        assertFalse(ModelTraining.nonNegative("bias"));
    }

    @Test
    void aBatchIsNeverSplitOverFolds() {
        List<LabelledMessage> messages = new ArrayList<>();
        int[] sizes = {300, 120, 90, 60, 50, 40, 30, 7};
        for (int b = 0; b < sizes.length; b++) {
            for (int i = 1; i <= sizes[b]; i++) {
                messages.add(new LabelledMessage("hard" + b + "-" + String.format("%04d", i), "t",
                        i % 2 == 0 ? "chat" : "scam_recruit", "en", List.of()));
            }
        }
        int[] fold = ModelTraining.batchFolds(messages);
        Map<String, java.util.Set<Integer>> foldsOfBatch = new java.util.HashMap<>();
        int[] size = new int[ModelTraining.FOLDS];
        for (int i = 0; i < fold.length; i++) {
            foldsOfBatch.computeIfAbsent(ModelTraining.batch(messages.get(i).id()), k -> new java.util.HashSet<>())
                    .add(fold[i]);
            size[fold[i]]++;
        }
        assertEquals(sizes.length, foldsOfBatch.size());
        foldsOfBatch.forEach((batch, folds) -> assertEquals(1, folds.size(), batch + " in folds " + folds));
        for (int f = 0; f < size.length; f++) {
            assertTrue(size[f] > 0, "fold " + f + " is empty");
        }
        // the largest batch alone, the next ones filling the smallest folds
        assertEquals(300, java.util.Arrays.stream(size).max().orElseThrow());
    }

    @Test
    void aCorpusOfFewerBatchesThanFoldsIsFoldedByLabel() {
        List<LabelledMessage> messages = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            messages.add(new LabelledMessage("own-" + i, "t", i % 2 == 0 ? "chat" : "legit_job", "en", List.of()));
        }
        assertEquals(java.util.Arrays.toString(ModelTraining.stratifiedFolds(messages)),
                java.util.Arrays.toString(ModelTraining.batchFolds(messages)));
        assertEquals("hard193", ModelTraining.batch("hard193-0042"));
        assertEquals("realzh", ModelTraining.batch("realzh-0163"));
    }

    @Test
    void aRealLineCountsTwiceInAFit() {
        List<LabelledMessage> messages = List.of(
                new LabelledMessage("hard7-0001", "t", "chat", "en", List.of()),
                new LabelledMessage("real21-0001", "t", "scam_recruit", "en", List.of()),
                new LabelledMessage("realzh-0002", "t", "chat", "zh-Hans", List.of()),
                new LabelledMessage("own-0003", "t", "legit_job", "en", List.of()));
        assertEquals(List.of(0, 1, 2, 3, 1, 2), ModelTraining.weighted(List.of(0, 1, 2, 3), messages));
        assertEquals(List.of(0, 3), ModelTraining.weighted(List.of(0, 3), messages));
    }
}
