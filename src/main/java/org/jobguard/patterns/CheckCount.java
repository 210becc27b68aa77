package org.jobguard.patterns;

import java.time.LocalDate;

/** Messages checked and flagged on one day from one source; the denominator of rule hit rates. */
public record CheckCount(LocalDate day, Source source, long checked, long flagged) {
}
