package org.jobguard.cli;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import org.jobguard.checker.FeatureSpace;
import org.jobguard.checker.FeatureVector;
import org.jobguard.checker.RedFlagChecker;
import org.jobguard.checker.RiskModel;
import org.jobguard.config.RiskModelFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fits the risk model the way SpamAssassin fits its rule scores: the rules' hits and the other features of every
 * labelled message go into regularised logistic regressions (LIBLINEAR, primal trust-region Newton: deterministic,
 * so the same corpora give the same file), one per part ({@link #PARTS}: offers, demands, warnings, the rest), each
 * telling its group of labels from all others; the danger is the dangerous parts' share ({@link RiskModel#logOdds}).
 * Then, on predictions for messages each fold did not see:
 * <ol>
 *   <li>Platt scaling (a one-feature logistic regression on the cross-validated log-odds) makes the probability
 *   calibrated;</li>
 *   <li>the medium threshold is the lowest that keeps every negative label under its false-alarm target, and never
 *   below one half; high is where almost no negative reaches; low is half of medium.</li>
 * </ol>
 * The final weights are fitted on all messages; the cross-validated figures are the honest ones and go into the
 * model file next to them.
 */
final class ModelTraining {
    /**
     * The share of each negative label allowed at medium or above in cross-validation: issue 13's targets for
     * unseen messages, warnings a little under their 8 % so that unseen ones keep some margin. other_scam (task scams,
     * crypto pitches, domestic fake job ads) is not compound recruitment, but some of it is worded like it; it gets a
     * looser bound.
     */
    static final Map<String, Double> FALSE_ALARM_TARGETS = Map.of(
            "legit_job", 0.01, "chat", 0.01, "awareness", 0.075, "other_scam", 0.05);
    /**
     * Jobs and chat together stay under this, below each one's own 1 %: the margin the held-out lines need. Set per
     * label (chat at 0.5 %), the threshold was the 4th-highest of 800 chat scores and jumped by up to 0.1 when one
     * chat line moved; pooled, it is the 12th-highest of 2,000, which a single line barely moves.
     */
    static final Set<String> POOLED = Set.of("legit_job", "chat");
    static final double POOLED_TARGET = 0.006;
    /**
     * Lawful jobs flagged among all of them, at most, once texts written as job ads are weighed by their own medium
     * threshold ({@link RiskModel.Thresholds#adMedium}): half their 1 % target, the margin chat keeps. On folds by
     * batch of 36,980 messages, ads at 0.7 and the rest at 0.916 found 21 more of 412 real offers and demands than
     * 0.916 for all (176 against 155), with lawful jobs flagged 0.49 % instead of 0.34 % and chat 0.92 % instead of
     * 0.91 %. On the held-out lines, the shipped model with ads at its 0.719 against the same model with 0.911 for
     * all: 34 more of 5,213 offers and demands (2 more of 118 real ones), 2 more of 2,373 lawful jobs, 3 more of
     * 1,486 warnings, no more chat.
     */
    static final double AD_JOB_TARGET = 0.005;
    /** under this the model reads a text as more likely safe than not: no threshold for ads goes lower */
    static final double AD_MEDIUM_FLOOR = 0.5;
    static final int FOLDS = 5;
    /**
     * The model's one-vs-rest parts, each a group of labels: offers, demands, warnings, and the rest (lawful jobs, chat,
     * other scams). A part of their own lets warnings claim the lures they quote without a red flag ever weighing
     * against an offer: in cross-validation, four parts found 3 points more offers and demands than one sum at the
     * same false alarms on jobs and chat, with fewer warnings flagged; six parts (one per label) and five did worse
     * than four at the lowest false-alarm levels.
     */
    static final List<String> PARTS = List.of("scam_recruit", "ransom", "awareness", "benign");
    /**
     * How many times a real line (quoted from a public source, in the real corpora) counts in a fit. The checker is
     * measured on real messages, and there are 2,100 real lines among 29,500: counted once, the writers' style
     * outweighed them. On folds by batch, at 0.6 % of jobs and chats flagged, twice found 147 of 381 real offers and
     * demands instead of 141 (0.779 instead of 0.781 over all); held out, real ones 45 of 109 instead of 43. Three
     * times found 151 and 47, but read "公司统一保管护照" alone at 0.498, under the point where the model then overruled
     * a strong sign's floor (0.5; 0.551 once, 0.518 twice). That point is 0.4 now, and a bare sign is never overruled
     * ({@code RedFlagChecker.STRONG_SIGN_OVERRULED}), so three times is worth measuring again.
     */
    static final int REAL_WEIGHT = 2;
    /** named weights smaller than this change no verdict; leaving them out keeps the file small */
    private static final double PRUNE = 5e-4;

    /**
     * @param crossValidated per message, its probability from the fold that did not see it
     * @param bounds         per message, what bounds its verdict whatever the probability
     */
    record Result(RiskModel model, double[] crossValidated, Bounds bounds) {
    }

    /**
     * Per message: whether the checker keeps it at medium or above, or at low or below, whatever the model says, or
     * at low or below unless the model is sure ({@code warningCued}).
     */
    record Bounds(boolean[] atLeastMedium, boolean[] atMostLow, boolean[] warningCued, double[] overruledBelow,
                  boolean[] ad) {
        Bounds(int size) {
            this(new boolean[size], new boolean[size], new boolean[size], new double[size], new boolean[size]);
        }

        /** Whether the message is flagged at these thresholds, as the checker decides (a job ad by the ads' medium). */
        boolean flagged(int i, double probability, RiskModel.Thresholds thresholds) {
            return flagged(i, probability, thresholds.medium(ad[i]));
        }

        /** Whether the message is flagged (medium or high) at this medium threshold, as the checker decides. */
        boolean flagged(int i, double probability, double medium) {
            return !atMostLow(i, probability) && (floored(i, probability) || probability >= medium);
        }

        /** Kept at medium or above by a rule, unless the model reads the text as ordinary (below its floor's {@code overruledBelow}). */
        boolean floored(int i, double probability) {
            return atLeastMedium[i] && probability >= overruledBelow[i];
        }

        boolean atMostLow(int i, double probability) {
            return atMostLow[i] || warningCued[i] && probability < RedFlagChecker.WARNING_OVERRULED;
        }

        /** Flagged whatever the medium threshold (below {@link RedFlagChecker#WARNING_OVERRULED}). */
        boolean alwaysFlagged(int i, double probability) {
            return !atMostLow(i, probability)
                    && (floored(i, probability) || warningCued[i] && probability >= RedFlagChecker.WARNING_OVERRULED);
        }
    }

    /**
     * Whether a feature's weight in a dangerous part may not be negative: a red flag never makes a message safer.
     * That holds for a rule's hit, its category, two categories together, how many categories and how strong the
     * strongest, a category next to a place abroad, and the concepts of a demand (money, someone held, a deadline) and
     * their pairs; not for cues, places alone or wording. Unconstrained, warnings that list every lure taught the
     * model "risky place + contract on arrival" -2.1 and "contract on arrival + passport kept" -1.9, and the classic
     * offer itself ("高薪客服，包机票，到了再签合同，妙瓦底，护照由公司保管") fell to medium; with only the pairs
     * constrained, "4 categories" took up their -1.6 and the seed article's offer fell to 0.31. Warnings must be told
     * apart by their own cues and wording, not by an offer having many signs; the warnings' own part may weigh a lure
     * for itself, since a warning quotes it.
     */
    static boolean nonNegative(String feature) {
        if (FREE.contains(feature) || feature.contains("+lang:") || feature.endsWith("+unwarned")) {
            return false;
        }
        return FLAG_PREFIXES.stream().anyMatch(feature::startsWith);
    }

    /** The part a label belongs to ({@link #PARTS}). */
    static String part(String label) {
        return switch (label) {
            case "scam_recruit", "ransom", "awareness" -> label;
            default -> "benign";
        };
    }

    private static final List<String> FLAG_PREFIXES = List.of("rule:", "cat:", "pair:", "categories:", "strongest:",
            "rules:", "concepts:", "zone:hub+", "zone:risky_country+", "zone:abroad+");
    /**
     * money, an amount and kin with no one held is family money talk, meant to weigh against; a category next to a
     * domestic place (包吃住 in 深圳) is free because no prefix above names it
     */
    private static final Set<String> FREE = Set.of("concepts:money_talk_only");
    /** rounds of refitting without the constrained features that came out negative; each round drops at least one */
    private static final int MAX_CONSTRAINT_ROUNDS = 8;

    private final RedFlagChecker featureReader;
    private final double c;

    /** @param featureReader a checker over the rules to train for; its own model is not used */
    ModelTraining(RedFlagChecker featureReader, double c) {
        this.featureReader = featureReader;
        this.c = c;
    }

    Result fit(List<LabelledMessage> messages, String version) {
        Linear.disableDebugOutput();
        FeatureSpace space = featureReader.featureSpace();
        java.util.BitSet constrained = new java.util.BitSet();
        for (int s = 0; s < space.namedCount(); s++) {
            if (nonNegative(space.name(s))) {
                constrained.set(s);
            }
        }
        Feature[][] x = new Feature[messages.size()][];
        double[] y = new double[messages.size()];
        Bounds bounds = new Bounds(messages.size());
        // each message's slots are its own, so reading them in parallel gives the same arrays
        java.util.stream.IntStream.range(0, messages.size()).parallel().forEach(i -> {
            FeatureVector v = featureReader.features(messages.get(i).text());
            x[i] = nodes(v);
            y[i] = messages.get(i).danger() ? 1 : -1;
            bounds.atLeastMedium()[i] = v.atLeastMedium();
            bounds.atMostLow()[i] = v.atMostLow();
            bounds.warningCued()[i] = v.warningCued();
            bounds.overruledBelow()[i] = v.overruledBelow();
            bounds.ad()[i] = v.ad();
        });
        int[] fold = batchFolds(messages);
        int parts = PARTS.size();
        boolean[] danger = new boolean[parts];
        double[][] partY = new double[parts][messages.size()];
        for (int k = 0; k < parts; k++) {
            danger[k] = LabelledMessage.DANGER.contains(PARTS.get(k));
            for (int i = 0; i < messages.size(); i++) {
                partY[k][i] = part(messages.get(i).label()).equals(PARTS.get(k)) ? 1 : -1;
            }
        }
        java.util.BitSet free = new java.util.BitSet();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            all.add(i);
        }
        // the folds' fits and the final ones are independent and each is sequential, so fitting them side by side
        // gives the same weights as one after another (RiskModelReproducibilityTest), in half the time on two cores
        double[][][] w = new double[FOLDS + 1][parts][];
        List<Runnable> fits = new ArrayList<>();
        // the final fits, on all messages, are the longest: started first, they do not leave one core idle at the end
        for (int f = FOLDS; f >= 0; f--) {
            List<Integer> rows = weighted(f == FOLDS ? all : rowsOutside(fold, f), messages);
            for (int k = 0; k < parts; k++) {
                int ff = f;
                int kk = k;
                fits.add(() -> w[ff][kk] = weights(problem(x, partY[kk], rows, space.size()),
                        danger[kk] ? constrained : free));
            }
        }
        runAll(fits);
        double[] oof = new double[messages.size()];
        double[] z = new double[parts];
        for (int i = 0; i < fold.length; i++) {
            for (int k = 0; k < parts; k++) {
                z[k] = dot(w[fold[i]][k], x[i]);
            }
            oof[i] = RiskModel.logOdds(danger, z, null);
        }
        double[] platt = platt(oof, y);
        double[] p = new double[oof.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1 / (1 + Math.exp(-(platt[0] * oof[i] + platt[1])));
        }
        RiskModel.Thresholds thresholds = thresholds(messages, p, bounds);

        List<RiskModel.Part> fitted = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            double[] partWeights = w[FOLDS][k];
            Map<String, Double> named = new TreeMap<>();
            for (int s = 0; s < space.namedCount(); s++) {
                if (Math.abs(partWeights[s]) >= PRUNE) {
                    named.put(space.name(s), round(partWeights[s]));
                }
            }
            List<Integer> buckets = new ArrayList<>();
            List<Float> bucketWeights = new ArrayList<>();
            for (int s = space.namedCount(); s < space.size(); s++) {
                float stored = RiskModelFile.storable(partWeights[s]);
                if (stored != 0) {
                    buckets.add(s - space.namedCount());
                    bucketWeights.add(stored);
                }
            }
            float[] bw = new float[bucketWeights.size()];
            for (int i = 0; i < bw.length; i++) {
                bw[i] = bucketWeights.get(i);
            }
            fitted.add(new RiskModel.Part(PARTS.get(k), danger[k], named,
                    buckets.stream().mapToInt(Integer::intValue).toArray(), bw));
        }
        RiskModel model = new RiskModel(version, space.ngramBits(), fitted, round(platt[0]), round(platt[1]), thresholds);
        return new Result(model, p, bounds);
    }

    /**
     * {@code rows} with each real line ({@link #REAL_WEIGHT}) repeated after them: LIBLINEAR's instance weight. The
     * out-of-fold probabilities, the calibration and the thresholds count every line once.
     */
    static List<Integer> weighted(List<Integer> rows, List<LabelledMessage> messages) {
        List<Integer> out = new ArrayList<>(rows);
        for (int row : rows) {
            if (messages.get(row).real()) {
                for (int k = 1; k < REAL_WEIGHT; k++) {
                    out.add(row);
                }
            }
        }
        return out;
    }

    private static List<Integer> rowsOutside(int[] fold, int f) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] != f) {
                rows.add(i);
            }
        }
        return rows;
    }

    /** Runs the fits on as many threads as there are cores and waits for all; a failed fit fails the training. */
    private static void runAll(List<Runnable> fits) {
        int threads = Math.max(1, Math.min(fits.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Runnable fit : fits) {
                done.add(pool.submit(fit));
            }
            for (java.util.concurrent.Future<?> d : done) {
                d.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a fit failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Whole batches per fold (a batch is the id before its last '-': "hard193", "real21", "own"), the largest first
     * into the fold with fewest messages. A batch is one writer's or one collector's lines, and the checker meets
     * writers it has never seen: with every fifth line of each label per fold, as before, each fold had seen the
     * writer of every line it was asked about, and cross-validation said recall 0.797 at 0.6 % of jobs and chats
     * flagged where batches it had not seen gave 0.749 (real lines 0.34), and chat flagged 1.1 % at the threshold it
     * chose, over the 1 % target. The threshold chosen on these folds holds for writers not yet seen.
     */
    static int[] batchFolds(List<LabelledMessage> messages) {
        Map<String, List<Integer>> batches = new TreeMap<>();
        for (int i = 0; i < messages.size(); i++) {
            batches.computeIfAbsent(batch(messages.get(i).id()), k -> new ArrayList<>()).add(i);
        }
        if (batches.size() < FOLDS) {
            return stratifiedFolds(messages);
        }
        List<List<Integer>> bySize = new ArrayList<>(batches.values());
        // stable: batches of one size stay in the order of their names
        bySize.sort((a, b) -> b.size() - a.size());
        int[] size = new int[FOLDS];
        int[] fold = new int[messages.size()];
        for (List<Integer> batch : bySize) {
            int f = 0;
            for (int k = 1; k < FOLDS; k++) {
                if (size[k] < size[f]) {
                    f = k;
                }
            }
            size[f] += batch.size();
            for (int i : batch) {
                fold[i] = f;
            }
        }
        return fold;
    }

    /** A corpus of fewer batches than folds (a test's) is folded by label, in file order: every fifth line of each. */
    static int[] stratifiedFolds(List<LabelledMessage> messages) {
        Map<String, Integer> seen = new HashMap<>();
        int[] fold = new int[messages.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = seen.merge(messages.get(i).label(), 1, Integer::sum) % FOLDS;
        }
        return fold;
    }

    /** The batch of a corpus id: "hard193-0042" is of "hard193"; an id without a number is its own batch. */
    static String batch(String id) {
        int dash = id.lastIndexOf('-');
        return dash > 0 ? id.substring(0, dash) : id;
    }

    /**
     * The medium threshold is chosen on the verdicts the checker gives, not on the bare probability: a warning the
     * cues recognise is never flagged, however its probability, and an offer with a strong sign always is. So each
     * label's allowance of false alarms is what is left after the ones no threshold can prevent. (Chosen on the bare
     * probability, the threshold had let 11.7 % of warnings be flagged in cross-validation, not the 8 % it reported.)
     */
    static RiskModel.Thresholds thresholds(List<LabelledMessage> messages, double[] p, Bounds bounds) {
        double medium = 0.5;
        Map<String, List<Double>> open = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<Double> negatives = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            String label = messages.get(i).label();
            int[] c = counts.computeIfAbsent(label, k -> new int[2]);
            c[0]++;
            List<Double> values = open.computeIfAbsent(label, k -> new ArrayList<>());
            if (bounds.atMostLow(i, p[i])) {
                continue;
            }
            if (bounds.alwaysFlagged(i, p[i])) {
                c[1]++;
            } else {
                values.add(p[i]);
            }
            if (FALSE_ALARM_TARGETS.containsKey(label)) {
                negatives.add(p[i]);
            }
        }
        List<Double> pooled = new ArrayList<>();
        int pooledCount = 0;
        int pooledBound = 0;
        for (String label : POOLED) {
            pooled.addAll(open.getOrDefault(label, List.of()));
            int[] c = counts.getOrDefault(label, new int[2]);
            pooledCount += c[0];
            pooledBound += c[1];
        }
        medium = Math.max(medium, lowestKeeping(pooled,
                Math.max(0, (int) Math.floor(POOLED_TARGET * pooledCount) - pooledBound)));
        for (var e : open.entrySet()) {
            Double target = FALSE_ALARM_TARGETS.get(e.getKey());
            if (target == null) {
                continue;
            }
            int[] c = counts.get(e.getKey());
            int allowed = Math.max(0, (int) Math.floor(target * c[0]) - c[1]);
            medium = Math.max(medium, lowestKeeping(e.getValue(), allowed));
        }
        // high: where at most 1 in 100 negatives that can be flagged reaches, and never below 0.8
        double high = Math.max(Math.max(medium, 0.8),
                lowestKeeping(negatives, (int) Math.floor(0.01 * negatives.size())));
        double rounded = roundUp(medium);
        return new RiskModel.Thresholds(round(medium / 2), rounded, roundUp(Math.min(high, 0.99)),
                Math.min(rounded, roundUp(adMedium(messages, p, bounds, rounded))));
    }

    /**
     * The lowest medium threshold for texts written as job ads, not under {@link #AD_MEDIUM_FLOOR}, at which, with
     * every other text flagged at {@code medium}, lawful jobs stay under {@link #AD_JOB_TARGET} and every other
     * negative label under its own target: the ads below {@code medium} are let in from the most likely down until
     * the next one would break a label's allowance.
     */
    static double adMedium(List<LabelledMessage> messages, double[] p, Bounds bounds, double medium) {
        Map<String, int[]> counts = new HashMap<>();
        List<Integer> below = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            String label = messages.get(i).label();
            int[] c = counts.computeIfAbsent(label, k -> new int[2]);
            c[0]++;
            if (bounds.flagged(i, p[i], medium)) {
                c[1]++;
            } else if (bounds.ad()[i] && FALSE_ALARM_TARGETS.containsKey(label) && p[i] >= AD_MEDIUM_FLOOR
                    && !bounds.atMostLow(i, p[i])) {
                below.add(i);
            }
        }
        below.sort((a, b) -> Double.compare(p[b], p[a]));
        for (int i : below) {
            String label = messages.get(i).label();
            int[] c = counts.get(label);
            double target = label.equals("legit_job") ? AD_JOB_TARGET : FALSE_ALARM_TARGETS.get(label);
            if (c[1] + 1 > (int) Math.floor(target * c[0])) {
                return Math.nextUp(p[i]);
            }
            c[1]++;
        }
        return AD_MEDIUM_FLOOR;
    }

    /** The lowest threshold at which at most {@code allowed} of {@code values} are at or above it. */
    private static double lowestKeeping(List<Double> values, int allowed) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0 || allowed >= v.length) {
            return 0;
        }
        // the (allowed+1)-th largest must fall below the threshold
        return Math.nextUp(v[v.length - 1 - allowed]);
    }

    /** Platt scaling: a logistic regression of the label on the sum alone; returns {scale, shift}. */
    private static double[] platt(double[] z, double[] y) {
        Problem prob = new Problem();
        prob.l = z.length;
        prob.n = 2;
        prob.bias = -1;
        prob.y = y;
        prob.x = new Feature[z.length][];
        for (int i = 0; i < z.length; i++) {
            // the constant feature stands for the shift; C is large so that its regularisation hardly matters
            prob.x[i] = new Feature[] {new FeatureNode(1, z[i]), new FeatureNode(2, 1)};
        }
        Model m = Linear.train(prob, new Parameter(SolverType.L2R_LR, 1000, 1e-8));
        double[] w = m.getFeatureWeights();
        double sign = m.getLabels()[0] == 1 ? 1 : -1;
        return new double[] {sign * w[0], sign * w[1]};
    }

    /**
     * Fits, then refits without every constrained feature that came out negative, until none does: an active-set
     * way to keep those weights at or above zero with a solver that has no bounds. A feature left out weighs zero.
     *
     * @param constrained per slot, whether its weight may not be negative ({@link #nonNegative})
     */
    private double[] weights(Problem prob, java.util.BitSet constrained) {
        java.util.BitSet dropped = new java.util.BitSet();
        double[] w = fitOnce(prob);
        for (int round = 0; round < MAX_CONSTRAINT_ROUNDS; round++) {
            boolean more = false;
            for (int s = constrained.nextSetBit(0); s >= 0; s = constrained.nextSetBit(s + 1)) {
                if (s < w.length && w[s] < 0 && !dropped.get(s)) {
                    dropped.set(s);
                    more = true;
                }
            }
            if (!more) {
                break;
            }
            w = fitOnce(without(prob, dropped));
        }
        for (int s = dropped.nextSetBit(0); s >= 0 && s < w.length; s = dropped.nextSetBit(s + 1)) {
            w[s] = 0;
        }
        return w;
    }

    private double[] fitOnce(Problem prob) {
        Model m = Linear.train(prob, new Parameter(SolverType.L2R_LR, c, 1e-4));
        double[] w = m.getFeatureWeights();
        if (m.getLabels()[0] != 1) {
            w = Arrays.stream(w).map(v -> -v).toArray();
        }
        return w;
    }

    /** The same problem with the given slots' features removed from every row. */
    private static Problem without(Problem prob, java.util.BitSet slots) {
        Problem out = new Problem();
        out.l = prob.l;
        out.n = prob.n;
        out.bias = prob.bias;
        out.y = prob.y;
        out.x = new Feature[prob.l][];
        for (int i = 0; i < prob.l; i++) {
            out.x[i] = Arrays.stream(prob.x[i]).filter(f -> !slots.get(f.getIndex() - 1)).toArray(Feature[]::new);
        }
        return out;
    }

    private static Problem problem(Feature[][] x, double[] y, List<Integer> rows, int features) {
        Problem prob = new Problem();
        prob.l = rows.size();
        prob.n = features;
        prob.bias = -1;
        prob.x = new Feature[rows.size()][];
        prob.y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            prob.x[i] = x[rows.get(i)];
            prob.y[i] = y[rows.get(i)];
        }
        return prob;
    }

    private static Feature[] nodes(FeatureVector v) {
        Feature[] f = new Feature[v.slots().length];
        for (int i = 0; i < f.length; i++) {
            f[i] = new FeatureNode(v.slots()[i] + 1, v.values()[i]);
        }
        return f;
    }

    private static double dot(double[] w, Feature[] x) {
        double sum = 0;
        for (Feature f : x) {
            sum += w[f.getIndex() - 1] * f.getValue();
        }
        return sum;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** A threshold rounded down could let in the message it was set just above. */
    private static double roundUp(double v) {
        return Math.ceil(v * 10000) / 10000.0;
    }
}
