package org.jobguard.checker;

/**
 * A near-duplicate of a moderator-confirmed scam pattern.
 *
 * @param groupId        the confirmed pattern group
 * @param confirmedCount how many times moderators confirmed that group
 * @param similarity     0..1, how close the message is to the group's template
 */
public record PatternMatch(long groupId, int confirmedCount, double similarity) {
}
