package org.jobguard.checker;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fitted weights that turn a message's features into a risk (DESIGN.md section 2, "Score"), as read from the
 * model file that {@code train} writes. Pure data: the checker binds it to its rules' {@link FeatureSpace}.
 *
 * <p>The model is one-vs-rest: one linear part per group of labels (offers, demands, warnings, everything else), each
 * telling its group from the rest. A warning and an offer share their words but not their groups, so the part for
 * warnings can claim a text the offers' part also likes; one weight per feature could not say "this red flag
 * counts unless the text reads as a warning". Each part's sum {@code z} gives {@code s = 1 / (1 + exp(-z))}; the
 * danger is the share of the dangerous parts, {@code d = sum(s, danger) / sum(s)}, and its log-odds
 * {@code log(d / (1 - d))} is calibrated: the probability is {@code 1 / (1 + exp(-(scale * logit + shift)))}, with
 * the scale and shift fitted on cross-validated log-odds (Platt scaling), so that the probability of a message the
 * model did not see during fitting means what it says. The thresholds cut it into the risk bands and were set for
 * the false-alarm targets on the same cross-validated figures. A model of one part is plain logistic regression: its
 * log-odds are its sum.
 *
 * @param version    a label for people: which corpora, which date
 * @param ngramBits  how many wording buckets the weights were fitted with ({@code 2^bits})
 * @param parts      the one-vs-rest parts, at least one dangerous
 */
public record RiskModel(String version, int ngramBits, List<Part> parts, double scale, double shift,
                        Thresholds thresholds) {

    /**
     * One part's weights.
     *
     * @param name          the group of labels it tells from the rest ("scam_recruit", "awareness", "benign")
     * @param danger        whether its group is what the checker must flag
     * @param named         weight per named feature ({@link FeatureSpace#name})
     * @param ngramBuckets  wording buckets with a weight, ascending
     * @param ngramWeights  their weights, same order
     */
    public record Part(String name, boolean danger, Map<String, Double> named, int[] ngramBuckets,
                       float[] ngramWeights) {
        public Part {
            Objects.requireNonNull(name, "name");
            named = Map.copyOf(named);
            if (ngramBuckets.length != ngramWeights.length) {
                throw new IllegalArgumentException("ngram buckets and weights differ in length in part " + name);
            }
        }
    }

    /**
     * Lower bounds of the calibrated probability for low, medium and high risk, and a lower medium bound for a text
     * written as a job ad ({@code adMedium}). The medium bound for everything else is held up by chat, the label
     * with the least room for false alarms; a job ad is weighed against lawful job ads, which leave more. One bound
     * for both let through real offshore posts (dry HR listings whose only signs are a nationality rule, USD pay and
     * a Telegram contact) that lawful ads never come near.
     */
    public record Thresholds(double low, double medium, double high, double adMedium) {
        public Thresholds {
            if (!(0 <= low && low <= medium && medium <= high && high <= 1)) {
                throw new IllegalArgumentException("thresholds must rise within 0..1: " + low + ", " + medium + ", " + high);
            }
            if (!(low <= adMedium && adMedium <= medium)) {
                throw new IllegalArgumentException("the job ads' medium threshold must lie between low and medium: " + adMedium);
            }
        }

        /** One medium bound for every text. */
        public Thresholds(double low, double medium, double high) {
            this(low, medium, high, medium);
        }

        /** The medium bound for a text that is, or is not, written as a job ad. */
        public double medium(boolean ad) {
            return ad ? adMedium : medium;
        }

        Risk band(double probability) {
            return band(probability, false);
        }

        Risk band(double probability, boolean ad) {
            return probability >= high ? Risk.HIGH : probability >= medium(ad) ? Risk.MEDIUM
                    : probability >= low ? Risk.LOW : Risk.NONE;
        }
    }

    public RiskModel {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(thresholds, "thresholds");
        parts = List.copyOf(parts);
        if (parts.stream().noneMatch(Part::danger)) {
            throw new IllegalArgumentException("a model needs a part for what must be flagged");
        }
        if (parts.size() > 1 && parts.stream().allMatch(Part::danger)) {
            throw new IllegalArgumentException("a model of several parts needs one for what must not be flagged");
        }
        for (Part p : parts) {
            int[] b = p.ngramBuckets();
            for (int i = 0; i < b.length; i++) {
                if (b[i] < 0 || b[i] >= 1 << ngramBits || i > 0 && b[i] <= b[i - 1]) {
                    throw new IllegalArgumentException("ngram buckets must ascend within 0.." + ((1 << ngramBits) - 1));
                }
            }
        }
    }

    /** A model of one part: plain logistic regression, its sum the log-odds. */
    public RiskModel(String version, int ngramBits, Map<String, Double> named, int[] ngramBuckets,
                     float[] ngramWeights, double scale, double shift, Thresholds thresholds) {
        this(version, ngramBits, List.of(new Part("danger", true, named, ngramBuckets, ngramWeights)), scale, shift,
                thresholds);
    }

    public double probability(double logOdds) {
        return 1 / (1 + Math.exp(-(scale * logOdds + shift)));
    }

    /** Per part, whether its group is what the checker must flag. */
    public boolean[] danger() {
        boolean[] d = new boolean[parts.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = parts.get(k).danger();
        }
        return d;
    }

    /**
     * The log-odds of danger from the parts' sums {@code z}; {@code slope}, if not null, gets per part how much the
     * log-odds move per unit of its sum, so that a feature's weight toward danger in this message is the sum over
     * parts of slope times its weight there (what the explanations quote by).
     *
     * @param danger per part, whether it is dangerous ({@link #danger()})
     */
    public static double logOdds(boolean[] danger, double[] z, double[] slope) {
        if (z.length == 1) {
            if (slope != null) {
                slope[0] = 1;
            }
            return z[0];
        }
        // the logs of the two sums of s = sigmoid(z), as log-sum-exp of log s, so that no s underflows to 0
        double[] logS = new double[z.length];
        double dangerMax = Double.NEGATIVE_INFINITY;
        double safeMax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < z.length; k++) {
            logS[k] = -log1pExp(-z[k]);
            if (danger[k]) {
                dangerMax = Math.max(dangerMax, logS[k]);
            } else {
                safeMax = Math.max(safeMax, logS[k]);
            }
        }
        double dangerSum = 0;
        double safeSum = 0;
        for (int k = 0; k < z.length; k++) {
            if (danger[k]) {
                dangerSum += Math.exp(logS[k] - dangerMax);
            } else {
                safeSum += Math.exp(logS[k] - safeMax);
            }
        }
        double logDanger = dangerMax + Math.log(dangerSum);
        double logSafe = safeMax + Math.log(safeSum);
        if (slope != null) {
            for (int k = 0; k < z.length; k++) {
                // d log(sum s) / dz_k = s_k (1 - s_k) / sum s
                double share = Math.exp(logS[k] - (danger[k] ? logDanger : logSafe)) / (1 + Math.exp(z[k]));
                slope[k] = danger[k] ? share : -share;
            }
        }
        return logDanger - logSafe;
    }

    private static double log1pExp(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /**
     * The weights laid out on {@code space}'s slots, part after part within each slot ({@code [slot * parts + k]}),
     * so that the parts' weights of one feature share a cache line; names the space does not have are rules no
     * longer there.
     */
    float[] bind(FeatureSpace space) {
        if (space.ngramBits() != ngramBits) {
            throw new IllegalArgumentException("model has " + ngramBits + " n-gram bits, the checker " + space.ngramBits());
        }
        int k = parts.size();
        float[] w = new float[space.size() * k];
        for (int p = 0; p < k; p++) {
            Part part = parts.get(p);
            int at = p;
            part.named().forEach((name, weight) -> space.slot(name).ifPresent(s -> w[s * k + at] = (float) (double) weight));
            for (int i = 0; i < part.ngramBuckets().length; i++) {
                w[space.ngramSlot(part.ngramBuckets()[i]) * k + p] = part.ngramWeights()[i];
            }
        }
        return w;
    }
}
