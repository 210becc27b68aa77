package org.jobguard.patterns;

import java.time.Instant;

/** A moderator's action on a group: {@code confirm}, {@code reject} or {@code note}. */
public record Decision(long groupId, String action, String note, String moderator, Instant at) {
}
