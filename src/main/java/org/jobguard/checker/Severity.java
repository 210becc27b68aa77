package org.jobguard.checker;

/** DESIGN.md section 2: weak flags need company, medium ones count double, strong ones are high risk alone. */
public enum Severity {
    WEAK, MEDIUM, STRONG;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Severity fromId(String id) {
        return valueOf(id.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
