package org.jobguard.checker;

import java.util.Map;
import java.util.Objects;

/**
 * The fitted weights that turn a message's features into a risk (DESIGN.md section 2, "Score"), as read from the
 * model file that {@code train} writes. Pure data: the checker binds it to its rules' {@link FeatureSpace}.
 *
 * <p>The probability is {@code 1 / (1 + exp(-(scale * z + shift)))} with {@code z} the weighted sum of the features:
 * the scale and shift are fitted on cross-validated sums (Platt scaling), so that the probability of a message
 * the model did not see during fitting means what it says. The thresholds cut it into the risk bands and were set
 * for the false-alarm targets on the same cross-validated figures.
 *
 * @param version       a label for people: which corpora, which date
 * @param ngramBits     how many wording buckets the weights were fitted with ({@code 2^bits})
 * @param named         weight per named feature ({@link FeatureSpace#name})
 * @param ngramBuckets  wording buckets with a weight, ascending
 * @param ngramWeights  their weights, same order
 */
public record RiskModel(String version, int ngramBits, Map<String, Double> named, int[] ngramBuckets,
                        float[] ngramWeights, double scale, double shift, Thresholds thresholds) {

    /** Lower bounds of the calibrated probability for low, medium and high risk. */
    public record Thresholds(double low, double medium, double high) {
        public Thresholds {
            if (!(0 <= low && low <= medium && medium <= high && high <= 1)) {
                throw new IllegalArgumentException("thresholds must rise within 0..1: " + low + ", " + medium + ", " + high);
            }
        }

        Risk band(double probability) {
            return probability >= high ? Risk.HIGH : probability >= medium ? Risk.MEDIUM
                    : probability >= low ? Risk.LOW : Risk.NONE;
        }
    }

    public RiskModel {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(thresholds, "thresholds");
        named = Map.copyOf(named);
        if (ngramBuckets.length != ngramWeights.length) {
            throw new IllegalArgumentException("ngram buckets and weights differ in length");
        }
        for (int i = 0; i < ngramBuckets.length; i++) {
            if (ngramBuckets[i] < 0 || ngramBuckets[i] >= 1 << ngramBits || i > 0 && ngramBuckets[i] <= ngramBuckets[i - 1]) {
                throw new IllegalArgumentException("ngram buckets must ascend within 0.." + ((1 << ngramBits) - 1));
            }
        }
    }

    public double probability(double z) {
        return 1 / (1 + Math.exp(-(scale * z + shift)));
    }

    /** The weights laid out on {@code space}'s slots; names the space does not have are rules no longer there. */
    float[] bind(FeatureSpace space) {
        if (space.ngramBits() != ngramBits) {
            throw new IllegalArgumentException("model has " + ngramBits + " n-gram bits, the checker " + space.ngramBits());
        }
        float[] w = new float[space.size()];
        named.forEach((name, weight) -> space.slot(name).ifPresent(s -> w[s] = (float) (double) weight));
        for (int i = 0; i < ngramBuckets.length; i++) {
            w[space.ngramSlot(ngramBuckets[i])] = ngramWeights[i];
        }
        return w;
    }
}
