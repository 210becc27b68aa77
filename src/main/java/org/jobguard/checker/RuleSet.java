package org.jobguard.checker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the checker knows, as loaded from {@code config/rules.yaml}.
 *
 * @param advice category id (or {@code default}, {@code ransom}, {@code awareness}) → advice message keys
 */
public record RuleSet(List<Rule> rules, ContextCues context, Map<String, List<String>> advice) {
    public RuleSet {
        rules = List.copyOf(rules);
        advice = Map.copyOf(advice);
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** A copy with one rule's switches changed; the dashboard's toggles go through here. */
    public RuleSet withToggle(String id, boolean enabled, boolean shadow) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        Rule r = byId.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no rule " + id);
        }
        byId.put(id, r.withEnabled(enabled).withShadow(shadow));
        return new RuleSet(List.copyOf(byId.values()), context, advice);
    }

    public List<String> adviceFor(String key) {
        return advice.getOrDefault(key, List.of());
    }
}
