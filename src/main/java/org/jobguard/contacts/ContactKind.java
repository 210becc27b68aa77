package org.jobguard.contacts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a help contact is; the order is the order a relative should see them in. */
public enum ContactKind {
    /** local police or emergency number where the person is */
    POLICE,
    /** the nationality's embassy or consulate in that country */
    EMBASSY,
    /** the home country's 24-hour line for citizens in trouble abroad */
    CONSULAR_HOTLINE,
    /** a national line against human trafficking */
    TRAFFICKING_HOTLINE,
    /** a line for reporting fraud and scams */
    ANTI_FRAUD,
    /** immigration or labour department help for workers abroad */
    MIGRANT_WORKER,
    /** a non-governmental or international organisation that takes cases */
    NGO;

    /** Lower-case id as written in contacts.yaml and used in message keys ({@code contacts.kind.<id>}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContactKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }
}
