package org.jobguard.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobguard.checker.Category;
import org.jobguard.checker.ContextCues;
import org.jobguard.checker.Language;
import org.jobguard.checker.Rule;
import org.jobguard.checker.RuleSet;
import org.jobguard.checker.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and validates {@code config/rules.yaml}; any problem is a {@link ConfigException} with file and line. */
public final class RulesLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9_.]+");
    private static final Set<String> RULE_FIELDS = Set.of("id", "category", "severity", "enabled", "shadow", "concept",
            "message_key", "phrases", "patterns", "note", "source");
    private static final Pattern MESSAGE_KEY = Pattern.compile("flag\\.[a-z0-9_.]+");
    /** advice groups that are no category: any message, a demand, a warning, a line or two */
    private static final Set<String> ADVICE_GROUPS = Set.of("default", "ransom", "awareness", "short_text", "maybe_held");
    private static final Set<String> TOP_FIELDS = Set.of("rules", "context", "advice", "version");

    private RulesLoader() {
    }

    public static RuleSet load(YamlDocument doc) {
        JsonNode root = doc.root();
        if (!root.isObject()) {
            throw doc.error("", "expected a mapping with 'rules', 'context' and 'advice'");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP_FIELDS.contains(f)) {
                throw doc.error("/" + f, "unknown top-level key '" + f + "' (expected one of " + TOP_FIELDS + ")");
            }
        }
        JsonNode rulesNode = root.path("rules");
        if (!rulesNode.isArray() || rulesNode.isEmpty()) {
            throw doc.error("/rules", "'rules' must be a non-empty list");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            Rule r = rule(doc, "/rules/" + i, rulesNode.get(i));
            if (!ids.add(r.id())) {
                throw doc.error("/rules/" + i + "/id", "duplicate rule id '" + r.id() + "'");
            }
            rules.add(r);
        }
        ContextCues cues = new ContextCues(
                phrases(doc, "/context/negation", root.path("context").path("negation"), false),
                phrases(doc, "/context/awareness", root.path("context").path("awareness"), false),
                phrases(doc, "/context/recruiting", root.path("context").path("recruiting"), false),
                phrases(doc, "/context/legitimacy", root.path("context").path("legitimacy"), false),
                phrases(doc, "/context/narrative", root.path("context").path("narrative"), false),
                phrases(doc, "/context/offer", root.path("context").path("offer"), false),
                phrases(doc, "/context/offshore", root.path("context").path("offshore"), false));
        Map<String, List<String>> advice = new LinkedHashMap<>();
        JsonNode adviceNode = root.path("advice");
        if (!adviceNode.isMissingNode()) {
            if (!adviceNode.isObject()) {
                throw doc.error("/advice", "'advice' must map a category id to a list of message keys");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = adviceNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (Category.fromId(key).isEmpty() && !ADVICE_GROUPS.contains(key)) {
                    throw doc.error("/advice/" + key, "unknown category '" + key + "' in advice");
                }
                advice.put(key, strings(doc, "/advice/" + key, e.getValue()));
            }
        }
        return new RuleSet(rules, cues, advice);
    }

    private static Rule rule(YamlDocument doc, String at, JsonNode n) {
        if (!n.isObject()) {
            throw doc.error(at, "each rule must be a mapping with id, category, severity, phrases");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!RULE_FIELDS.contains(f)) {
                throw doc.error(at + "/" + f, "unknown field '" + f + "' in rule (expected " + RULE_FIELDS + ")");
            }
        }
        String id = text(doc, at + "/id", n.get("id"));
        if (!ID.matcher(id).matches()) {
            throw doc.error(at + "/id", "rule id '" + id + "' must be lower case letters, digits, '_' and '.'");
        }
        String cat = text(doc, at + "/category", n.get("category"));
        Category category = Category.fromId(cat).filter(Category::fromRules).orElseThrow(() ->
                doc.error(at + "/category", "unknown category '" + cat + "' in rule " + id));
        String sev = text(doc, at + "/severity", n.get("severity"));
        Severity severity;
        try {
            severity = Severity.fromId(sev);
        } catch (IllegalArgumentException e) {
            throw doc.error(at + "/severity", "severity must be weak, medium or strong, not '" + sev + "'");
        }
        boolean enabled = bool(doc, at + "/enabled", n.get("enabled"), true);
        boolean shadow = bool(doc, at + "/shadow", n.get("shadow"), false);
        boolean concept = bool(doc, at + "/concept", n.get("concept"), false);
        String message = null;
        if (n.has("message_key")) {
            message = text(doc, at + "/message_key", n.get("message_key"));
            if (!MESSAGE_KEY.matcher(message).matches()) {
                throw doc.error(at + "/message_key", "message_key must look like flag.name, not '" + message + "'");
            }
        }
        List<String> phrases = n.has("phrases") ? phrases(doc, at + "/phrases", n.get("phrases"), true) : List.of();
        List<Pattern> patterns = new ArrayList<>();
        if (n.has("patterns")) {
            List<String> regexes = strings(doc, at + "/patterns", n.get("patterns"));
            for (int i = 0; i < regexes.size(); i++) {
                try {
                    patterns.add(Pattern.compile(regexes.get(i)));
                } catch (PatternSyntaxException e) {
                    throw doc.error(at + "/patterns/" + i, "bad regex in rule " + id + ": " + e.getDescription());
                }
            }
        }
        if (phrases.isEmpty() && patterns.isEmpty()) {
            throw doc.error(at, "rule " + id + " has neither phrases nor patterns");
        }
        return new Rule(id, category, severity, phrases, patterns, enabled, shadow, concept, message);
    }

    /** A list, or a map from language tag to list; all languages are matched alike after normalization. */
    private static List<String> phrases(YamlDocument doc, String at, JsonNode n, boolean required) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            if (required) {
                throw doc.error(at, "phrases are missing");
            }
            return List.of();
        }
        if (n.isArray()) {
            return strings(doc, at, n);
        }
        if (!n.isObject()) {
            throw doc.error(at, "expected a list of phrases or a map zh-Hans/zh-Hant/en → list");
        }
        List<String> all = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (Language.fromTag(e.getKey()).isEmpty()) {
                throw doc.error(at + "/" + e.getKey(), "unknown language '" + e.getKey() + "' (use zh-Hans, zh-Hant, en)");
            }
            all.addAll(strings(doc, at + "/" + e.getKey(), e.getValue()));
        }
        return all;
    }

    private static List<String> strings(YamlDocument doc, String at, JsonNode n) {
        return doc.texts(at, n, "phrase");
    }

    private static String text(YamlDocument doc, String at, JsonNode n) {
        if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
            throw doc.error(at, "'" + at.substring(at.lastIndexOf('/') + 1) + "' is missing or empty");
        }
        return n.asText().trim();
    }

    private static boolean bool(YamlDocument doc, String at, JsonNode n, boolean fallback) {
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw doc.error(at, "expected true or false, found '" + n.asText() + "'");
        }
        return n.asBoolean();
    }
}
