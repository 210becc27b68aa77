package org.jobguard.checker;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The red-flag categories of DESIGN.md section 2; the ids are used in config, tests and stats. */
public enum Category {
    PAY_TOO_GOOD,
    ALL_EXPENSES_PAID,
    RISKY_DESTINATION,
    VAGUE_JOB,
    CONTRACT_AFTER_ARRIVAL,
    IRREGULAR_TRAVEL,
    DOCUMENT_CONTROL,
    EXIT_PENALTY,
    HIDDEN_CHANNEL,
    URGENCY,
    REASSURANCE,
    SCAM_WORK,
    RANSOM,
    /** wording the risk model learned from labelled messages, quoted where it weighed most; no rule lists it */
    WORDING;

    // computed once: every verdict asks for them
    private final String id = name().toLowerCase(Locale.ROOT);
    private final String messageKey = "flag." + id;

    public String id() {
        return id;
    }

    /** Key of the one-line explanation shown to users, e.g. {@code flag.document_control}. */
    public String messageKey() {
        return messageKey;
    }

    /** Whether rules in {@code rules.yaml} may have this category; {@link #WORDING} comes from the model only. */
    public boolean fromRules() {
        return this != WORDING;
    }

    public static Optional<Category> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
