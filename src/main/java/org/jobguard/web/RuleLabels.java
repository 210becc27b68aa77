package org.jobguard.web;

import org.jobguard.checker.Category;
import org.jobguard.checker.Rule;
import org.jobguard.checker.RuleSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a moderator reads for the rules that fired on a report: their categories' labels ("Pay too good"), each once,
 * with the rule ids behind it for whoever tunes the rules. A rule no longer in rules.yaml is named by the category its
 * id begins with, or by its id.
 */
public final class RuleLabels {
    private final Supplier<RuleSet> rules;

    RuleLabels(Supplier<RuleSet> rules) {
        this.rules = rules;
    }

    /** @param messageKey {@code web.category.*}, or the rule id itself when nothing better is known */
    public record Label(String messageKey, List<String> ruleIds) {
    }

    public List<Label> of(List<String> ruleIds) {
        RuleSet set = rules.get();
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String id : ruleIds) {
            String category = set.rule(id).map(Rule::category).map(Category::id).orElseGet(() -> categoryNamed(id));
            byKey.computeIfAbsent(category == null ? id : "web.category." + category, k -> new ArrayList<>()).add(id);
        }
        List<Label> out = new ArrayList<>();
        byKey.forEach((key, ids) -> out.add(new Label(key, List.copyOf(ids))));
        return out;
    }

    private static String categoryNamed(String ruleId) {
        String prefix = ruleId.contains(".") ? ruleId.substring(0, ruleId.indexOf('.')) : ruleId;
        for (Category c : Category.values()) {
            if (c.id().equals(prefix)) {
                return c.id();
            }
        }
        return null;
    }
}
