package org.jobguard.contacts;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the place and the nationality named in free text, in any of the three languages.
 * Longer names win over the names inside them ("中国人" is a nationality, not the place "中国";
 * "印度尼西亚" is not "印度"), and Latin names must be whole words ("mwd", not "mwdx").
 */
public final class PlaceFinder {

    private sealed interface Target permits InCountry, AtPlace, CitizenOf {
    }

    private record InCountry(String code) implements Target {
    }

    private record AtPlace(Place place) implements Target {
    }

    private record CitizenOf(String code) implements Target {
    }

    private record Hit(int start, int end, Target target) {
        int length() {
            return end - start;
        }
    }

    private final PlaceText folding = new PlaceText();
    private final Map<String, Target> byAlias = new HashMap<>();
    private final Map<String, String> codes = new HashMap<>();
    private final Map<String, Integer> countryRank = new HashMap<>();
    private final Map<String, Integer> placeRank = new HashMap<>();
    private final AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();

    /**
     * @throws AmbiguousNameException when one spelling means two different things
     */
    public PlaceFinder(List<Country> countries, List<Place> places) {
        for (Country c : countries) {
            countryRank.putIfAbsent(c.code(), countryRank.size());
            codes.put(c.code().toLowerCase(Locale.ROOT), c.code());
            c.names().forEach(n -> add(n, new InCountry(c.code()), true));
            c.citizens().forEach(n -> add(n, new CitizenOf(c.code()), true));
        }
        for (Place p : places) {
            placeRank.putIfAbsent(p.id(), placeRank.size());
            p.aliases().forEach(a -> add(a, new AtPlace(p), true));
            p.name().values().forEach(n -> add(n, new AtPlace(p), false));
        }
        TreeMap<String, String> keys = new TreeMap<>();
        byAlias.keySet().forEach(k -> keys.put(k, k));
        trie.build(keys);
    }

    private void add(String alias, Target target, boolean strict) {
        String key = folding.fold(alias);
        if (key.isEmpty()) {
            if (strict) {
                throw new IllegalArgumentException("name '" + alias + "' is empty after folding");
            }
            return;
        }
        Target before = byAlias.putIfAbsent(key, target);
        if (before != null && !before.equals(target) && strict) {
            throw new AmbiguousNameException(alias, "name '" + alias + "' means both " + describe(before)
                    + " and " + describe(target));
        }
    }

    private static String describe(Target t) {
        if (t instanceof InCountry c) {
            return "country " + c.code();
        }
        if (t instanceof AtPlace p) {
            return "place " + p.place().id();
        }
        return "citizen of " + ((CitizenOf) t).code();
    }

    /** The place and nationality named in {@code text}; empty parts when nothing is named. */
    public Mention find(String text) {
        if (text == null || text.isBlank()) {
            return Mention.NONE;
        }
        String folded = folding.fold(text);
        List<Hit> hits = new ArrayList<>();
        trie.parseText(folded, (start, end, alias) -> {
            if (wholeWord(folded, start, end)) {
                hits.add(new Hit(start, end, byAlias.get(alias)));
            }
        });
        List<Hit> kept = longestWithoutOverlap(hits);
        Optional<String> nationality = kept.stream()
                .filter(h -> h.target() instanceof CitizenOf)
                .map(h -> ((CitizenOf) h.target()).code())
                .findFirst();
        // Several places: "先到曼谷再转妙瓦底", "我在马来西亚，儿子在柬埔寨", "他是中国人，从中国去了缅甸". The person
        // is most likely in the country listed first in contacts.yaml (where compounds are), a named town beats
        // its bare country, and the home country counts only when nothing else is named.
        Optional<Hit> where = kept.stream()
                .filter(h -> !(h.target() instanceof CitizenOf))
                .min(Comparator.comparing((Hit h) -> nationality.equals(Optional.of(countryOf(h))))
                        .thenComparingInt(h -> countryRank.getOrDefault(countryOf(h), Integer.MAX_VALUE))
                        .thenComparing(h -> h.target() instanceof InCountry)
                        .thenComparingInt(h -> h.target() instanceof AtPlace p ? placeRank.get(p.place().id()) : 0)
                        .thenComparingInt(Hit::start));
        Optional<Place> place = where.filter(h -> h.target() instanceof AtPlace)
                .map(h -> ((AtPlace) h.target()).place());
        Optional<String> location = where.map(PlaceFinder::countryOf);
        return new Mention(location, place, nationality);
    }

    private static String countryOf(Hit h) {
        if (h.target() instanceof InCountry c) {
            return c.code();
        }
        if (h.target() instanceof AtPlace p) {
            return p.place().country();
        }
        return ((CitizenOf) h.target()).code();
    }

    /** A country code, country name or place name on its own (a CLI option, a web filter) as a country code. */
    public Optional<String> country(String name) {
        if (name == null) {
            return Optional.empty();
        }
        // Codes are not searched for in free text: "in" and "my" are English words, not India and Malaysia.
        String code = codes.get(name.strip().toLowerCase(Locale.ROOT));
        if (code != null) {
            return Optional.of(code);
        }
        Mention m = find(name);
        return m.location().or(m::nationality);
    }

    private static boolean wholeWord(String s, int start, int end) {
        boolean latinStart = PlaceText.isAsciiWordChar(s.codePointAt(start));
        boolean latinEnd = PlaceText.isAsciiWordChar(s.codePointBefore(end));
        if (latinStart && start > 0 && PlaceText.isAsciiWordChar(s.codePointBefore(start))) {
            return false;
        }
        return !(latinEnd && end < s.length() && PlaceText.isAsciiWordChar(s.codePointAt(end)));
    }

    private static List<Hit> longestWithoutOverlap(List<Hit> hits) {
        List<Hit> bySize = new ArrayList<>(hits);
        bySize.sort(Comparator.comparingInt(Hit::length).reversed().thenComparingInt(Hit::start));
        List<Hit> kept = new ArrayList<>();
        for (Hit h : bySize) {
            if (kept.stream().noneMatch(k -> h.start() < k.end() && k.start() < h.end())) {
                kept.add(h);
            }
        }
        kept.sort(Comparator.comparingInt(Hit::start));
        return kept;
    }

    /** Two entries use the same name (after folding) for different things. */
    public static final class AmbiguousNameException extends IllegalArgumentException {
        private final String name;

        AmbiguousNameException(String name, String message) {
            super(message);
            this.name = name;
        }

        /** The name as written in the entry that clashed with an earlier one. */
        public String name() {
            return name;
        }
    }
}
