package org.jobguard.patterns;

import java.time.LocalDate;

/** What one retention run deleted: everything whose day is before {@code cutoff}. */
public record PurgeResult(LocalDate cutoff, int patterns, int reports, int groups) {
}
