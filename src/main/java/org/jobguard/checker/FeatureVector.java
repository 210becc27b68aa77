package org.jobguard.checker;

/**
 * One message's features as the model reads them: slots of a {@link FeatureSpace}, ascending, with their values.
 * What {@code train} fits on.
 */
public record FeatureVector(int[] slots, double[] values) {
}
