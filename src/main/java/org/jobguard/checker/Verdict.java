package org.jobguard.checker;

import java.util.List;

/**
 * What the checker says about one message; every risk above none is explained by its flags.
 *
 * @param score         the probability in percent, for ordering; the flags are the reason
 * @param probability   how likely the message is compound recruitment or a ransom demand, calibrated (0..1)
 * @param kind          what the message looks like as a whole
 * @param adviceKeys    2-4 message keys of concrete next steps, most important first
 * @param shadowRuleIds shadow rules that fired: counted for moderators, never shown to users
 * @param knownPattern  the confirmed pattern this message is a near-duplicate of, or null
 * @param contributions the features that weighed most, strongest first, for or against
 * @param countriesNamed ISO codes of the foreign countries the text names (a hub's country, 柬, 🇰🇭, Dubai's UAE),
 *                       hubs and risky countries first: where help contacts are for when no contact lookup of its
 *                       own recognises the place
 */
public record Verdict(Risk risk, int score, double probability, Language language, Kind kind, List<RedFlag> flags,
                      List<Indicator> indicators, List<String> adviceKeys, List<String> shadowRuleIds,
                      PatternMatch knownPattern, List<Contribution> contributions, List<String> countriesNamed) {

    public enum Kind {
        /** nothing special: a job ad, a chat, anything that is not one of the below */
        MESSAGE,
        /** a relative or a captor talking about paying to free someone */
        RANSOM,
        /**
         * someone held there now, in their own words or a relative's, with no money asked yet: a plea sent home in
         * secret is no demand, and a parent reading "this looks like a ransom demand" is told something it does not say
         */
        HELD,
        /**
         * below medium, yet in words of someone held (a plea, a lock, a beating, a threat) that the model counted towards
         * the risk: too few to be sure, too many to say "no risk" to a parent
         */
        MAYBE_HELD,
        /** a warning, news report or survivor story that quotes scam phrases */
        AWARENESS,
        /** nothing left to read after normalizing (empty, emoji only, punctuation) */
        EMPTY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** A person held now: the family's reply (help contacts for the place, steps for relatives), not an offer's. */
        public boolean someoneHeld() {
            return this == RANSOM || this == HELD;
        }

        /**
         * Whether the verdict's headline says what the message is rather than how risky it is: a demand or a plea is no
         * job ad, and "low risk" over a plea would tell a parent not to worry
         */
        public boolean namesItself() {
            return someoneHeld() || this == MAYBE_HELD;
        }
    }

    public Verdict {
        flags = List.copyOf(flags);
        indicators = List.copyOf(indicators);
        adviceKeys = List.copyOf(adviceKeys);
        shadowRuleIds = List.copyOf(shadowRuleIds);
        contributions = List.copyOf(contributions);
    }

    public boolean flagged() {
        return risk.atLeast(Risk.MEDIUM);
    }

    public List<Category> categories() {
        return flags.stream().map(RedFlag::category).distinct().toList();
    }

    /**
     * The message that explains a flag in this verdict: its own, except that in a demand the wording the model
     * learned is a demand's wording, and in a plea a held person's, not a recruiter's. Bot, web and CLI all explain a
     * flag by this.
     */
    public String explanationKey(RedFlag f) {
        if (!f.messageKey().equals(Category.WORDING.messageKey())) {
            return f.messageKey();
        }
        return switch (kind) {
            case RANSOM -> "flag.wording.demand";
            case HELD -> "flag.ransom.held";
            default -> f.messageKey();
        };
    }
}
