package org.jobguard.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.jobguard.checker.Language;
import org.jobguard.contacts.Confidence;
import org.jobguard.contacts.ContactKind;
import org.jobguard.contacts.Country;
import org.jobguard.contacts.DialNumber;
import org.jobguard.contacts.HelpContact;
import org.jobguard.contacts.HelpDirectory;
import org.jobguard.contacts.Place;
import org.jobguard.contacts.PlaceFinder;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code contacts.yaml} into a {@link HelpDirectory} and refuses a file with any wrong entry, naming
 * the file, the line and the reason, so a bad number never reaches a relative. The schema is described at
 * the top of {@code config/contacts.yaml}.
 */
public final class ContactsLoader {

    /** Where the jar carries its copy of the file. */
    public static final String BUNDLED = "jobguard/config/contacts.yaml";

    private static final Set<String> TOP_LEVEL = Set.of("countries", "places", "contacts");
    private static final Set<String> COUNTRY_FIELDS = Set.of("code", "names", "citizens");
    private static final Set<String> PLACE_FIELDS = Set.of("id", "country", "name", "aliases");
    private static final Set<String> CONTACT_FIELDS = Set.of("id", "kind", "location", "nationality",
            "family_at_home", "phone", "short_code", "link", "label", "source", "verified", "confidence", "note");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final Clock clock;

    public ContactsLoader(Clock clock) {
        this.clock = clock;
    }

    public HelpDirectory load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /** {@code contacts.yaml} from the operator's config directory, or the copy in the jar when there is none. */
    public HelpDirectory load(ConfigFiles files) {
        return files.configDir() != null ? load(files.configDir().resolve("contacts.yaml")) : loadBundled();
    }

    public HelpDirectory loadBundled() {
        String name = "classpath:" + BUNDLED;
        try (InputStream in = ContactsLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new ConfigException(name, 0, "missing from the jar");
            }
            return parse(name, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    /** One mapping from the file with the line of each of its keys. */
    private record Entry(String file, int line, Map<String, JsonNode> values, Map<String, Integer> lines) {

        ConfigException error(String field, String reason) {
            return new ConfigException(file, lines.getOrDefault(field, line), reason);
        }

        String text(String field) {
            JsonNode v = values.get(field);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                throw error(field, "'" + field + "' is missing");
            }
            if (!v.isValueNode()) {
                throw error(field, "'" + field + "' must be a single value");
            }
            return v.asText().strip();
        }

        Optional<String> optionalText(String field) {
            boolean given = values.containsKey(field) && !values.get(field).isNull();
            return given ? Optional.of(text(field)) : Optional.empty();
        }

        List<String> texts(String field, boolean required) {
            JsonNode v = values.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(field, "'" + field + "' is missing");
                }
                return List.of();
            }
            if (!v.isArray()) {
                throw error(field, "'" + field + "' must be a list");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isValueNode() || item.asText().isBlank()) {
                    throw error(field, "'" + field + "' holds an empty or nested item");
                }
                out.add(item.asText().strip());
            }
            if (required && out.isEmpty()) {
                throw error(field, "'" + field + "' is empty");
            }
            return out;
        }

        Map<Language, String> perLanguage(String field) {
            JsonNode v = values.get(field);
            if (v == null || !v.isObject()) {
                throw error(field, "'" + field + "' must map en, zh-Hans and zh-Hant to text");
            }
            Map<Language, String> out = new EnumMap<>(Language.class);
            for (var it = v.fields(); it.hasNext(); ) {
                var e = it.next();
                Language language = Language.fromTag(e.getKey())
                        .orElseThrow(() -> error(field, "'" + field + "' has unknown language '" + e.getKey()
                                + "' (use en, zh-Hans, zh-Hant)"));
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    throw error(field, "'" + field + "' for " + e.getKey() + " is empty");
                }
                out.put(language, e.getValue().asText().strip());
            }
            for (Language l : Language.values()) {
                if (!out.containsKey(l)) {
                    throw error(field, "'" + field + "' lacks " + l.tag());
                }
            }
            return out;
        }
    }

    HelpDirectory parse(String file, Reader reader) {
        Map<String, List<Entry>> sections = new LinkedHashMap<>();
        try (JsonParser p = yaml.getFactory().createParser(reader)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ConfigException(file, line(p), "expected a mapping with countries, places and contacts");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                int sectionLine = line(p);
                if (!TOP_LEVEL.contains(section)) {
                    throw new ConfigException(file, sectionLine, "unknown section '" + section
                            + "' (expected countries, places, contacts)");
                }
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new ConfigException(file, line(p), "'" + section + "' must be a list");
                }
                List<Entry> entries = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        throw new ConfigException(file, line(p), "each item of '" + section + "' must be a mapping");
                    }
                    entries.add(readEntry(file, p));
                }
                sections.put(section, entries);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(file, at == null ? 0 : at.getLineNr(),
                    "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage());
        }
        for (String s : TOP_LEVEL) {
            if (!sections.containsKey(s) || sections.get(s).isEmpty()) {
                throw new ConfigException(file, 1, "section '" + s + "' is missing or empty");
            }
        }
        List<Entry> countryEntries = sections.get("countries");
        List<Entry> placeEntries = sections.get("places");
        List<Country> countries = unique(countryEntries, this::country, Country::code, "code");
        Set<String> codes = new HashSet<>();
        countries.forEach(c -> codes.add(c.code()));
        List<Place> places = unique(placeEntries, e -> place(e, codes), Place::id, "id");
        List<HelpContact> contacts = unique(sections.get("contacts"), e -> contact(e, codes), HelpContact::id, "id");
        try {
            return new HelpDirectory(countries, places, contacts);
        } catch (PlaceFinder.AmbiguousNameException e) {
            throw new ConfigException(file, lineOfName(e.name(), countryEntries, placeEntries), e.getMessage());
        }
    }

    private static <T> List<T> unique(List<Entry> entries, Function<Entry, T> read, Function<T, String> key,
                                      String keyField) {
        Set<String> seen = new HashSet<>();
        List<T> out = new ArrayList<>();
        for (Entry e : entries) {
            T item = read.apply(e);
            if (!seen.add(key.apply(item))) {
                throw e.error(keyField, "duplicate " + keyField + " '" + key.apply(item) + "'");
            }
            out.add(item);
        }
        return out;
    }

    private Entry readEntry(String file, JsonParser p) throws IOException {
        int start = line(p);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            lines.put(name, line(p));
            p.nextToken();
            values.put(name, yaml.readTree(p));
        }
        return new Entry(file, start, values, lines);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static void onlyKnownFields(Entry e, Set<String> known) {
        for (String field : e.values().keySet()) {
            if (!known.contains(field)) {
                throw e.error(field, "unknown field '" + field + "' (expected one of "
                        + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    private Country country(Entry e) {
        onlyKnownFields(e, COUNTRY_FIELDS);
        String code = e.text("code");
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(code)) {
            throw e.error("code", "'" + code + "' is not an ISO 3166 region code such as MM or HK");
        }
        return new Country(code, e.texts("names", true), e.texts("citizens", true));
    }

    private Place place(Entry e, Set<String> codes) {
        onlyKnownFields(e, PLACE_FIELDS);
        String id = e.text("id");
        String country = e.text("country");
        if (!codes.contains(country)) {
            throw e.error("country", "country '" + country + "' is not listed under countries");
        }
        return new Place(id, country, e.perLanguage("name"), e.texts("aliases", true));
    }

    private HelpContact contact(Entry e, Set<String> codes) {
        onlyKnownFields(e, CONTACT_FIELDS);
        String id = e.text("id");
        String kindId = e.text("kind");
        ContactKind kind = ContactKind.fromId(kindId).orElseThrow(() -> e.error("kind", "unknown kind '" + kindId
                + "' (expected one of " + java.util.Arrays.stream(ContactKind.values()).map(ContactKind::id).toList()
                + ")"));
        String location = countryOrAny(e, "location", codes);
        String nationality = countryOrAny(e, "nationality", codes);
        Optional<DialNumber> phone = e.optionalText("phone").map(written -> {
            String region = !location.equals(HelpContact.ANY) ? location : nationality;
            if (region.equals(HelpContact.ANY) && !written.startsWith("+")) {
                throw e.error("phone", "a number without + needs a location or nationality to be dialled in");
            }
            try {
                return DialNumber.parse(written, region.equals(HelpContact.ANY) ? "ZZ" : region, flag(e, "short_code"));
            } catch (IllegalArgumentException bad) {
                throw e.error("phone", bad.getMessage());
            }
        });
        Optional<String> link = e.optionalText("link").map(text -> webAddress(e, "link", text).toString());
        if (phone.isEmpty() && link.isEmpty()) {
            throw e.error("id", "entry '" + id + "' needs a phone or a link");
        }
        Map<Language, String> label = e.perLanguage("label");
        String source = e.text("source");
        if (source.startsWith("http")) {
            webAddress(e, "source", source);
        }
        String verifiedText = e.text("verified");
        LocalDate verified;
        try {
            verified = LocalDate.parse(verifiedText);
        } catch (DateTimeParseException bad) {
            throw e.error("verified", "verified '" + verifiedText + "' is not an ISO date (YYYY-MM-DD)");
        }
        if (verified.isAfter(LocalDate.now(clock))) {
            throw e.error("verified", "verified " + verified + " is in the future");
        }
        String confidenceId = e.text("confidence");
        Confidence confidence = Confidence.fromId(confidenceId).orElseThrow(() -> e.error("confidence",
                "confidence '" + confidenceId + "' must be high, medium or low"));
        boolean familyAtHome = flag(e, "family_at_home");
        if (familyAtHome && (location.equals(HelpContact.ANY) || !nationality.equals(HelpContact.ANY))) {
            throw e.error("family_at_home", "family_at_home needs a country as location and nationality 'any'");
        }
        return new HelpContact(id, kind, location, nationality, familyAtHome, phone, link, label, source, verified,
                confidence);
    }

    private static boolean flag(Entry e, String field) {
        JsonNode v = e.values().get(field);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw e.error(field, "'" + field + "' must be true or false");
        }
        return v.booleanValue();
    }

    private static String countryOrAny(Entry e, String field, Set<String> codes) {
        String value = e.text(field);
        if (!value.equals(HelpContact.ANY) && !codes.contains(value)) {
            throw e.error(field, field + " '" + value + "' is neither 'any' nor a code listed under countries");
        }
        return value;
    }

    private static URI webAddress(Entry e, String field, String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw e.error(field, field + " '" + text + "' is not an http(s) address");
            }
            return uri;
        } catch (URISyntaxException bad) {
            throw e.error(field, field + " '" + text + "' is not a valid address: " + bad.getReason());
        }
    }

    private static int lineOfName(String name, List<Entry> countries, List<Entry> places) {
        int line = 0;
        for (List<Entry> section : List.of(countries, places)) {
            for (Entry e : section) {
                for (String field : List.of("names", "citizens", "aliases", "name")) {
                    JsonNode v = e.values().get(field);
                    if (v != null && v.toString().contains("\"" + name + "\"")) {
                        line = e.lines().get(field);
                    }
                }
            }
        }
        return line;
    }
}
