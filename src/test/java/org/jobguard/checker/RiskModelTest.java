package org.jobguard.checker;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskModelTest {
    private static final boolean[] OFFER_DEMAND_WARNING_REST = {true, true, false, false};

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void theLogOddsAreTheDangerousPartsShareOfTheParts() {
        double[] z = {1.5, -2.0, 0.5, -1.0};
        double danger = sigmoid(1.5) + sigmoid(-2.0);
        double safe = sigmoid(0.5) + sigmoid(-1.0);
        assertEquals(Math.log(danger / safe), RiskModel.logOdds(OFFER_DEMAND_WARNING_REST, z, null), 1e-12);
    }

    @Test
    void aWarningsPartOutweighsTheSameLuresInTheOffersPart() {
        // the same sum for offers; a strong claim by the warnings' part brings the danger down
        double plain = RiskModel.logOdds(OFFER_DEMAND_WARNING_REST, new double[] {2, -5, -5, -3}, null);
        double warned = RiskModel.logOdds(OFFER_DEMAND_WARNING_REST, new double[] {2, -5, 4, -3}, null);
        assertTrue(plain > 1 && warned < 0, plain + " " + warned);
    }

    @Test
    void theSlopeIsHowTheLogOddsMoveWithEachPartsSum() {
        double[] z = {0.3, -4.0, 1.2, -0.7};
        double[] slope = new double[4];
        RiskModel.logOdds(OFFER_DEMAND_WARNING_REST, z, slope);
        for (int k = 0; k < z.length; k++) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[k] += 1e-6;
            down[k] -= 1e-6;
            double numeric = (RiskModel.logOdds(OFFER_DEMAND_WARNING_REST, up, null)
                    - RiskModel.logOdds(OFFER_DEMAND_WARNING_REST, down, null)) / 2e-6;
            assertEquals(numeric, slope[k], 1e-6, "part " + k);
        }
        assertTrue(slope[0] > 0 && slope[2] < 0);
    }

    @Test
    void extremeSumsStayFinite() {
        double[] slope = new double[4];
        double l = RiskModel.logOdds(OFFER_DEMAND_WARNING_REST, new double[] {-800, -900, 700, 5}, slope);
        assertTrue(Double.isFinite(l) && l < -700, "" + l);
        for (double s : slope) {
            assertTrue(Double.isFinite(s));
        }
    }

    @Test
    void aModelOfOnePartIsPlainLogisticRegression() {
        double[] slope = new double[1];
        assertEquals(-0.4, RiskModel.logOdds(new boolean[] {true}, new double[] {-0.4}, slope));
        assertArrayEquals(new double[] {1}, slope);
    }

    @Test
    void bindLaysThePartsSideBySideOnEachSlot() {
        FeatureSpace space = new FeatureSpace(List.of(), FeatureSpace.DEFAULT_NGRAM_BITS);
        RiskModel m = new RiskModel("t", FeatureSpace.DEFAULT_NGRAM_BITS, List.of(
                new RiskModel.Part("offer", true, Map.of("bias", 1.0), new int[] {3}, new float[] {0.5f}),
                new RiskModel.Part("rest", false, Map.of("bias", -2.0), new int[0], new float[0])),
                1, 0, new RiskModel.Thresholds(0.2, 0.5, 0.8));
        float[] w = m.bind(space);
        int bias = space.slot("bias").orElseThrow();
        assertEquals(1f, w[2 * bias]);
        assertEquals(-2f, w[2 * bias + 1]);
        assertEquals(0.5f, w[2 * space.ngramSlot(3)]);
        assertEquals(0f, w[2 * space.ngramSlot(3) + 1]);
    }

    @Test
    void aJobAdIsMediumFromItsOwnThresholdAndEverythingElseFromTheCommonOne() {
        RiskModel.Thresholds t = new RiskModel.Thresholds(0.3, 0.9, 0.95, 0.7);
        assertEquals(Risk.MEDIUM, t.band(0.75, true));
        assertEquals(Risk.LOW, t.band(0.75, false));
        assertEquals(Risk.LOW, t.band(0.69, true));
        assertEquals(Risk.HIGH, t.band(0.96, true));
        assertEquals(Risk.MEDIUM, t.band(0.9, false));
        assertEquals(0.9, new RiskModel.Thresholds(0.3, 0.9, 0.95).adMedium());
        assertThrows(IllegalArgumentException.class, () -> new RiskModel.Thresholds(0.3, 0.9, 0.95, 0.92));
        assertThrows(IllegalArgumentException.class, () -> new RiskModel.Thresholds(0.3, 0.9, 0.95, 0.2));
    }

    @Test
    void aModelNeedsADangerousPartAndSeveralPartsASafeOne() {
        RiskModel.Thresholds t = new RiskModel.Thresholds(0.2, 0.5, 0.8);
        assertThrows(IllegalArgumentException.class, () -> new RiskModel("t", 16, List.of(
                new RiskModel.Part("rest", false, Map.of(), new int[0], new float[0])), 1, 0, t));
        assertThrows(IllegalArgumentException.class, () -> new RiskModel("t", 16, List.of(
                new RiskModel.Part("a", true, Map.of(), new int[0], new float[0]),
                new RiskModel.Part("b", true, Map.of(), new int[0], new float[0])), 1, 0, t));
    }
}
