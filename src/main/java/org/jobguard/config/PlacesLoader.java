package org.jobguard.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobguard.checker.Gazetteer;
import org.jobguard.checker.Normalizer;
import org.jobguard.checker.PlaceCatalogue;
import org.jobguard.checker.PlaceCues;
import org.jobguard.checker.PlaceEntry;
import org.jobguard.checker.PlaceKind;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code config/places.yaml} (its schema is at the top of the file); any problem is a
 * {@link ConfigException} with file, line and reason, including a spelling that two places share once normalized.
 */
public final class PlacesLoader {
    public static final String FILE = "places.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9_]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Set<String> TOP_FIELDS = Set.of("context", "groups", "version");
    private static final Set<String> CONTEXT_FIELDS = Set.of("before", "after", "not_places");
    private static final Set<String> GROUP_FIELDS = Set.of("kind", "country", "source", "note", "places");
    private static final Set<String> PLACE_FIELDS = Set.of("id", "kind", "country", "source", "note", "names",
            "ambiguous");
    private static final Set<String> NAME_LISTS = Set.of("zh-Hans", "zh-Hant", "en", "pinyin", "abbr");
    private static final Set<String> CUE_LISTS = Set.of("zh-Hans", "zh-Hant", "en");
    private static final String KINDS = Arrays.stream(PlaceKind.values()).map(PlaceKind::id).toList().toString();

    private PlacesLoader() {
    }

    /** The operator's {@code config/places.yaml}, or the jar's copy, as a gazetteer. */
    public static Gazetteer load(ConfigFiles files, Normalizer normalizer) {
        return load(files.yamlOrBundled(FILE), normalizer);
    }

    /** Reads the file and builds its gazetteer; a name that cannot be matched is reported at its line. */
    public static Gazetteer load(YamlDocument doc, Normalizer normalizer) {
        Reading reading = new Reading(doc);
        PlaceCatalogue catalogue = reading.catalogue();
        try {
            return new Gazetteer(catalogue, normalizer);
        } catch (Gazetteer.NameException e) {
            throw doc.error(reading.pointerOf(e.entryId(), e.name()), e.getMessage());
        }
    }

    /** Reads the file without building a gazetteer: every check except the ones that need normalizing. */
    public static PlaceCatalogue read(YamlDocument doc) {
        return new Reading(doc).catalogue();
    }

    /** One pass over a document, remembering where each name was written for errors found later. */
    private static final class Reading {
        private final YamlDocument doc;
        /** "entry id \0 name" (entry id empty for cues and not-a-place words) → JSON pointer */
        private final Map<String, String> namePointers = new HashMap<>();

        Reading(YamlDocument doc) {
            this.doc = doc;
        }

        String pointerOf(String entryId, String name) {
            return namePointers.getOrDefault(key(entryId, name), "");
        }

        private static String key(String entryId, String name) {
            return (entryId == null ? "" : entryId) + '\0' + name;
        }

        PlaceCatalogue catalogue() {
            JsonNode root = doc.root();
            if (!root.isObject()) {
                throw doc.error("", "expected a mapping with 'context' and 'groups'");
            }
            onlyFields("", root, TOP_FIELDS, "top-level key");
            JsonNode groups = root.path("groups");
            if (!groups.isArray() || groups.isEmpty()) {
                throw doc.error("/groups", "'groups' must be a non-empty list");
            }
            List<PlaceEntry> entries = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int g = 0; g < groups.size(); g++) {
                String at = "/groups/" + g;
                JsonNode group = groups.get(g);
                if (!group.isObject()) {
                    throw doc.error(at, "each group must be a mapping with 'places'");
                }
                onlyFields(at, group, GROUP_FIELDS, "field in group");
                JsonNode places = group.path("places");
                if (!places.isArray() || places.isEmpty()) {
                    throw doc.error(at + "/places", "a group's 'places' must be a non-empty list");
                }
                for (int p = 0; p < places.size(); p++) {
                    PlaceEntry entry = entry(at + "/places/" + p, places.get(p), group, at);
                    if (!ids.add(entry.id())) {
                        throw doc.error(at + "/places/" + p + "/id", "duplicate place id '" + entry.id() + "'");
                    }
                    entries.add(entry);
                }
            }
            return new PlaceCatalogue(entries, cues(root.path("context")));
        }

        private PlaceEntry entry(String at, JsonNode n, JsonNode group, String groupAt) {
            if (!n.isObject()) {
                throw doc.error(at, "each place must be a mapping with id, names and (or in its group) kind, country"
                        + " and source");
            }
            onlyFields(at, n, PLACE_FIELDS, "field in place");
            String id = text(at + "/id", n.get("id"));
            if (!ID.matcher(id).matches()) {
                throw doc.error(at + "/id", "place id '" + id + "' must be lower case letters, digits and '_'");
            }
            String kindAt = n.has("kind") ? at + "/kind" : groupAt + "/kind";
            String kindId = inherited(kindAt, n.has("kind") ? n.get("kind") : group.get("kind"), id, "kind");
            PlaceKind kind = PlaceKind.fromId(kindId).orElseThrow(() ->
                    doc.error(kindAt, "unknown kind '" + kindId + "' of place " + id + " (expected one of " + KINDS
                            + ")"));
            String countryAt = n.has("country") ? at + "/country" : groupAt + "/country";
            String country = inherited(countryAt, n.has("country") ? n.get("country") : group.get("country"), id,
                    "country");
            if (!COUNTRY.matcher(country).matches()) {
                throw doc.error(countryAt, "country '" + country + "' of place " + id
                        + " must be an ISO 3166-1 alpha-2 code such as MM");
            }
            String sourceAt = n.has("source") ? at + "/source" : groupAt + "/source";
            source(sourceAt, inherited(sourceAt, n.has("source") ? n.get("source") : group.get("source"), id,
                    "source"), id);
            List<String> names = names(at + "/names", n.get("names"), id);
            List<String> ambiguous = n.has("ambiguous") ? strings(at + "/ambiguous", n.get("ambiguous"), id)
                    : List.of();
            if (names.isEmpty() && ambiguous.isEmpty()) {
                throw doc.error(n.has("names") ? at + "/names" : at, "place " + id + " has no names");
            }
            return new PlaceEntry(id, kind, country, names, ambiguous);
        }

        /** A field the place gives, or else its group. */
        private String inherited(String at, JsonNode n, String id, String field) {
            if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
                throw doc.error(at, "place " + id + " has no " + field + " (give it in the place or its group)");
            }
            return n.asText().strip();
        }

        private void source(String at, String source, String id) {
            try {
                URI uri = new URI(source);
                if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                    return;
                }
            } catch (URISyntaxException e) {
                // reported below like any other address that is not a web page
            }
            throw doc.error(at, "source of place " + id + " must be an http(s) address, not '" + source + "'");
        }

        /** A list, or lists by script and kind of spelling; all are matched alike once normalized. */
        private List<String> names(String at, JsonNode n, String id) {
            if (n == null || n.isNull()) {
                return List.of();
            }
            if (n.isArray()) {
                return strings(at, n, id);
            }
            if (!n.isObject()) {
                throw doc.error(at, "names must be a list or a map of " + NAME_LISTS + " to lists");
            }
            List<String> all = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (!NAME_LISTS.contains(e.getKey())) {
                    throw doc.error(at + "/" + e.getKey(), "unknown kind of name '" + e.getKey() + "' (expected one of "
                            + NAME_LISTS + ")");
                }
                all.addAll(strings(at + "/" + e.getKey(), e.getValue(), id));
            }
            return all;
        }

        private PlaceCues cues(JsonNode context) {
            if (context.isMissingNode() || context.isNull()) {
                return PlaceCues.none();
            }
            if (!context.isObject()) {
                throw doc.error("/context", "'context' must be a mapping with before, after and not_places");
            }
            onlyFields("/context", context, CONTEXT_FIELDS, "field in context");
            return new PlaceCues(cueList("/context/before", context.get("before")),
                    cueList("/context/after", context.get("after")),
                    cueList("/context/not_places", context.get("not_places")));
        }

        private List<String> cueList(String at, JsonNode n) {
            if (n == null || n.isNull()) {
                return List.of();
            }
            if (n.isArray()) {
                return strings(at, n, null);
            }
            if (!n.isObject()) {
                throw doc.error(at, "expected a list or a map of " + CUE_LISTS + " to lists");
            }
            List<String> all = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (!CUE_LISTS.contains(e.getKey())) {
                    throw doc.error(at + "/" + e.getKey(), "unknown language '" + e.getKey() + "' (expected one of "
                            + CUE_LISTS + ")");
                }
                all.addAll(strings(at + "/" + e.getKey(), e.getValue(), null));
            }
            return all;
        }

        /** Non-empty texts, each remembered with its place for errors the gazetteer finds later. */
        private List<String> strings(String at, JsonNode n, String entryId) {
            if (n == null || !n.isArray()) {
                throw doc.error(at, "expected a list");
            }
            List<String> out = doc.texts(at, n, "name");
            for (int i = 0; i < out.size(); i++) {
                namePointers.putIfAbsent(key(entryId, out.get(i)), at + "/" + i);
            }
            return out;
        }

        private String text(String at, JsonNode n) {
            if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
                throw doc.error(at, "'" + at.substring(at.lastIndexOf('/') + 1) + "' is missing or empty");
            }
            return n.asText().strip();
        }

        private void onlyFields(String at, JsonNode n, Set<String> allowed, String what) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw doc.error(at + "/" + f, "unknown " + what + " '" + f + "' (expected one of "
                            + allowed.stream().sorted().toList() + ")");
                }
            }
        }
    }
}
