package org.jobguard.checker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train} fits the model on {@link RedFlagChecker#features}, and the checker scores with its own walk over the
 * same evidence: the two must agree, or the model is fitted on one reading of a text and applied to another. The
 * wording read a second time where a text names a place abroad is the newest such reading.
 */
class TrainingReadsWhatTheCheckerWeighsTest {
    private final RedFlagChecker checker = TestModels.shippedChecker();
    private final RiskModel model = TestModels.shipped();

    @Test
    void theCheckersProbabilityIsTheModelAppliedToTheTrainingFeatures() {
        float[] w = model.bind(checker.featureSpace());
        int parts = model.parts().size();
        for (String text : List.of(
                "招聘客服，月休4天，包食宿，工作地点迪拜，中文流利，薪资1500U",
                "招聘客服，月休4天，包食宿，工作地点深圳龙华，薪资8000",
                "Customer Success Specialist (Mandarin), Phnom Penh, USD 1,800-2,400 plus KPI, relocation support.",
                "Warehouse picker in Leeds, £11.44 an hour, weekly pay, no experience needed",
                "高薪客服，包机票，到了再签合同，妙瓦底",
                "我儿子在妙瓦底，他们要四万块才放人",
                "周末一起去吃火锅吗")) {
            FeatureVector v = checker.features(text);
            double[] z = new double[parts];
            for (int i = 0; i < v.slots().length; i++) {
                for (int k = 0; k < parts; k++) {
                    z[k] += v.values()[i] * w[v.slots()[i] * parts + k];
                }
            }
            double trained = model.probability(RiskModel.logOdds(model.danger(), z, null));
            assertEquals(trained, checker.check(text).probability(), 1e-4, text);
        }
    }

    @Test
    void theWordingIsReadAgainOnlyInATextThatNamesAPlaceAbroad() {
        int named = checker.featureSpace().namedCount();
        long home = wordingSlots(checker.features("招聘客服，月休4天，包食宿，工作地点深圳"), named);
        long abroad = wordingSlots(checker.features("招聘客服，月休4天，包食宿，工作地点迪拜"), named);
        assertTrue(abroad > home * 3 / 2, "abroad " + abroad + ", at home " + home);
    }

    private static long wordingSlots(FeatureVector v, int named) {
        return java.util.Arrays.stream(v.slots()).filter(s -> s >= named).count();
    }
}
