package org.jobguard.patterns;

import java.time.Instant;

/** A moderator switching a rule on or off, or into shadow mode; kept as an audit trail. */
public record RuleToggle(String ruleId, boolean enabled, boolean shadow, String moderator, String reason, Instant at) {
}
