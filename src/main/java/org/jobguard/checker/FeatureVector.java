package org.jobguard.checker;

/**
 * One message's features as the model reads them: slots of a {@link FeatureSpace}, ascending, with their values.
 * What {@code train} fits on, with the two facts about the message that bound its verdict whatever the model says,
 * so that thresholds are chosen for the verdicts people get, not for the bare probability.
 *
 * @param atLeastMedium a strong sign of control or irregular travel in a text that does not read as a warning
 * @param atMostLow     a risky place alone, nothing about a job: never above low
 * @param warningCued   warning cues that far outweigh the calls to get in touch: a warning, never above low unless
 *                      the model is sure ({@link RedFlagChecker#WARNING_OVERRULED})
 * @param overruledBelow the probability below which the model overrules the floor, where it reads the text as
 *                      ordinary ({@link RedFlagChecker#FLOOR_OVERRULED}, lower next to a lure); 0 for a floor no model
 *                      reading overrules (a contract signed on arrival in an offer) or no floor
 * @param ad            written as a job ad, so weighed by the job ads' medium threshold
 *                      ({@link RiskModel.Thresholds#adMedium})
 */
public record FeatureVector(int[] slots, double[] values, boolean atLeastMedium, boolean atMostLow,
                            boolean warningCued, double overruledBelow, boolean ad) {
}
