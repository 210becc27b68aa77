package org.jobguard.checker;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a place says about a job that is there. The same weak signs (包住, 急招, 高薪) are ordinary in 深圳龙华 and
 * alarming next to 西港, so the learned scoring needs to know which of these a message names.
 */
public enum PlaceKind {
    /** a town, zone or region known for scam compounds, or the transit town into one (Mae Sot) */
    HUB("hub"),
    /** a country where compounds are, or a place in it that is not itself known as a hub (Phnom Penh) */
    RISKY_COUNTRY("risky_country"),
    /** any other foreign country or city a job may be in: enough to say "abroad" */
    ABROAD_OTHER("abroad_other"),
    /** mainland China: provinces, large cities, well-known districts */
    DOMESTIC_CN("domestic_cn"),
    /** Taiwan: the island, its cities and counties */
    DOMESTIC_TW("domestic_tw"),
    /** Hong Kong and its districts */
    DOMESTIC_HK("domestic_hk"),
    /** cities English-language job ads name for work at home (London, Nairobi, Cebu); domestic to their readers */
    DOMESTIC_OTHER("domestic_other");

    private final String id;

    PlaceKind(String id) {
        this.id = id;
    }

    /** As written in {@code places.yaml}. */
    public String id() {
        return id;
    }

    public boolean domestic() {
        return this == DOMESTIC_CN || this == DOMESTIC_TW || this == DOMESTIC_HK || this == DOMESTIC_OTHER;
    }

    public static Optional<PlaceKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
