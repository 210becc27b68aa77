package org.jobguard.checker;

/**
 * One red flag found in a message, with its evidence: the exact original substring and where it is.
 *
 * @param start Unicode code point offset into the original text (inclusive)
 * @param end   Unicode code point offset into the original text (exclusive)
 * @param messageKey key in {@code messages/} of the explanation shown to the user
 */
public record RedFlag(String ruleId, Category category, Severity severity, String evidence,
                      int start, int end, String messageKey) {
}
