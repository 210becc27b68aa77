package org.jobguard.patterns;

import java.time.LocalDate;

/** A count for one day and one key (a feedback kind, a category id, a source). */
public record DailyCount(LocalDate day, String key, long count) {
}
