package org.jobguard.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML file that remembers the line of every node, so validation after parsing can still say
 * "rules.yaml:42: unknown category". Jackson's tree model drops locations, hence the streaming pass.
 */
public final class YamlDocument {
    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** @param file the name to show in errors */
    public static YamlDocument parse(String file, String content) {
        YAMLFactory factory = new YAMLFactory();
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = factory.createParser(content)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(),
                        p.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(file, line, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage());
        }
        try {
            JsonNode root = new ObjectMapper(factory).readTree(content);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new ConfigException(file, 1, "the file is empty");
            }
            return new YamlDocument(file, root, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(file, line, "not valid YAML: " + e.getOriginalMessage());
        }
    }

    public JsonNode root() {
        return root;
    }

    public String file() {
        return file;
    }

    /** The line of the node at a JSON pointer such as {@code /rules/3/category}, or of its nearest parent. */
    public int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 0;
            }
            p = p.substring(0, slash);
        }
    }

    public ConfigException error(String pointer, String reason) {
        return new ConfigException(file, line(pointer), reason);
    }

    /**
     * The list at {@code pointer}: each item text (or a number, read as text), stripped and never empty; errors name
     * the item's line. No list at all is an empty one.
     *
     * @param item what an item is called in the error for an empty one ("phrase", "name")
     */
    public List<String> texts(String pointer, JsonNode n, String item) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw error(pointer, "expected a list");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode v = n.get(i);
            if (!v.isTextual() && !v.isNumber()) {
                throw error(pointer + "/" + i, "expected text, found " + v.getNodeType().name().toLowerCase());
            }
            String s = v.asText().strip();
            if (s.isEmpty()) {
                throw error(pointer + "/" + i, "empty " + item);
            }
            out.add(s);
        }
        return out;
    }
}
