package org.jobguard.checker;

import org.jobguard.checker.CompiledRules.Target;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What {@link CompiledRules} derives from a rule set, except the regexes, which it takes from the rules as they
 * are: every phrase and cue normalized into one automaton, and per pattern whether the automaton reports where it
 * may start, the literals it needs and the length of its prefix.
 *
 * <p>For the shipped rules this takes most of a second on a JVM that has compiled nothing yet (normalizing
 * thousands of phrases, then the automaton), which the service would pay at every start. So the build stores it in
 * the jar ({@code org.jobguard.cli.CompiledRulesResource} at {@code mvn process-classes}) under a key of the rules
 * it was compiled from, and {@link #of} reads it back when the rules it is given have that key. Other rules (an
 * edited rules.yaml, a rule a moderator switched off) are compiled as before, and so is everything when the stored
 * image is missing or damaged: it can make start-up faster, never stop it. A test checks that the stored image
 * equals a fresh compilation.
 */
public final class CompiledRulesImage {
    static final String RESOURCE = "/org/jobguard/checker/compiledrules.bin.gz";
    /** The stored layout; it is part of the key, so an image of another layout is never read as this one. */
    private static final int FORMAT = 1;
    private static final int KEY_BYTES = 32;
    /** see {@link #rarity} */
    private static final int RARE_ENOUGH = 3;

    final PhraseAutomaton automaton;
    /** per pattern of the enabled rules, in rule order: as {@link CompiledRules} describes them */
    final boolean[] patternGated;
    final int[][] patternNeeds;
    final int[] prefixLength;
    final int needCount;
    final int cueCount;

    private CompiledRulesImage(PhraseAutomaton automaton, boolean[] patternGated, int[][] patternNeeds,
                               int[] prefixLength, int needCount, int cueCount) {
        this.automaton = automaton;
        this.patternGated = patternGated;
        this.patternNeeds = patternNeeds;
        this.prefixLength = prefixLength;
        this.needCount = needCount;
        this.cueCount = cueCount;
    }

    /** The image of {@code rules}: the jar's when it was compiled from the same rules, else a fresh one. */
    static CompiledRulesImage of(RuleSet rules, Normalizer normalizer) {
        return of(rules, normalizer, () -> CompiledRulesImage.class.getResourceAsStream(RESOURCE));
    }

    static CompiledRulesImage of(RuleSet rules, Normalizer normalizer, Supplier<InputStream> stored) {
        return read(stored, rules).orElseGet(() -> compile(rules, normalizer));
    }

    /** The image as stored in the jar: {@code rules} compiled, under their key. */
    public static byte[] encoded(RuleSet rules) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.write(key(rules));
            compile(rules, new Normalizer()).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The stored image if it was compiled from rules with the key of {@code rules}; empty when there is none, it
     * is of another layout or other rules, or it is damaged (gzip's checksum covers all of it).
     */
    static Optional<CompiledRulesImage> read(Supplier<InputStream> stored, RuleSet rules) {
        try (InputStream raw = stored.get();
             DataInputStream in = raw == null ? null : new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            if (in == null) {
                return Optional.empty();
            }
            if (in.readInt() != FORMAT || !Arrays.equals(in.readNBytes(KEY_BYTES), key(rules))) {
                return Optional.empty();
            }
            ByteBuffer body = ByteBuffer.wrap(in.readAllBytes());
            CompiledRulesImage image = new CompiledRulesImage(body);
            if (body.hasRemaining() || image.patternGated.length != patternCount(rules)) {
                return Optional.empty();
            }
            return Optional.of(image);
        } catch (IOException | RuntimeException e) {
            // whatever is wrong with a stored image, compiling the rules gives the right one
            return Optional.empty();
        }
    }

    private CompiledRulesImage(ByteBuffer stored) {
        this.automaton = new PhraseAutomaton(stored);
        byte[] gated = ImageArrays.readBytes(stored);
        this.patternGated = new boolean[gated.length];
        for (int p = 0; p < gated.length; p++) {
            patternGated[p] = gated[p] != 0;
        }
        this.patternNeeds = ImageArrays.readRows(stored);
        this.prefixLength = ImageArrays.readInts(stored);
        this.needCount = stored.getInt();
        this.cueCount = stored.getInt();
        if (patternNeeds == null || patternNeeds.length != gated.length || prefixLength == null
                || prefixLength.length != gated.length) {
            throw new IllegalStateException("the stored pattern arrays do not fit together");
        }
    }

    private void write(DataOutputStream out) throws IOException {
        automaton.write(out);
        byte[] gated = new byte[patternGated.length];
        for (int p = 0; p < gated.length; p++) {
            gated[p] = (byte) (patternGated[p] ? 1 : 0);
        }
        ImageArrays.write(out, gated);
        ImageArrays.write(out, patternNeeds);
        ImageArrays.write(out, prefixLength);
        out.writeInt(needCount);
        out.writeInt(cueCount);
    }

    /**
     * SHA-256 of everything in {@code rules} that the image depends on, in a form where two different rule sets
     * cannot read alike: per rule its index, id, switch, phrases and regexes with their flags, then the context
     * cues, each text after its length. Severity, category and shadow are left out on purpose: {@link CompiledRules}
     * reads them from the rules at every check, so a rule moved to shadow keeps the stored image. No normalizing:
     * this runs at every start.
     */
    static byte[] key(RuleSet rules) {
        // the characters as they are (an encoding would turn distinct lone surrogates into one replacement
        // character), gathered in a builder: a stream written character by character is slow on a cold JVM
        StringBuilder canonical = new StringBuilder(1 << 17);
        number(canonical, FORMAT);
        number(canonical, rules.rules().size());
        for (int i = 0; i < rules.rules().size(); i++) {
            Rule r = rules.rules().get(i);
            number(canonical, i);
            text(canonical, r.id());
            number(canonical, r.enabled() ? 1 : 0);
            texts(canonical, r.phrases());
            number(canonical, r.patterns().size());
            for (Pattern p : r.patterns()) {
                text(canonical, p.pattern());
                number(canonical, p.flags());
            }
        }
        ContextCues cues = rules.context();
        texts(canonical, cues.negation());
        texts(canonical, cues.awareness());
        texts(canonical, cues.recruiting());
        texts(canonical, cues.legitimacy());
        texts(canonical, cues.narrative());
        texts(canonical, cues.offer());
        texts(canonical, cues.offshore());
        char[] chars = new char[canonical.length()];
        canonical.getChars(0, chars.length, chars, 0);
        ByteBuffer bytes = ByteBuffer.allocate(chars.length * Character.BYTES);
        bytes.asCharBuffer().put(chars);
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes.array());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void number(StringBuilder canonical, int n) {
        canonical.append((char) (n >>> 16)).append((char) n);
    }

    private static void text(StringBuilder canonical, String s) {
        number(canonical, s.length());
        canonical.append(s);
    }

    private static void texts(StringBuilder canonical, List<String> texts) {
        number(canonical, texts.size());
        texts.forEach(s -> text(canonical, s));
    }

    private static int patternCount(RuleSet rules) {
        return rules.rules().stream().filter(Rule::enabled).mapToInt(r -> r.patterns().size()).sum();
    }

    /** Normalizes every phrase and cue of the enabled rules and builds the automaton over them. */
    static CompiledRulesImage compile(RuleSet ruleSet, Normalizer normalizer) {
        List<Rule> rules = ruleSet.rules();
        Map<String, List<Target>> phrases = new HashMap<>();
        List<Boolean> gatedList = new ArrayList<>();
        List<int[]> needsList = new ArrayList<>();
        List<Integer> prefixLengths = new ArrayList<>();
        int[] needIds = {0};
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (!r.enabled()) {
                continue;
            }
            for (String p : r.phrases()) {
                add(phrases, normalizer, p, Target.Kind.RULE, i);
            }
            for (Pattern pattern : r.patterns()) {
                int index = gatedList.size();
                // the normalizer trims a literal's trailing space ("not be " of "\\bnot be (permitted|allowed)"):
                // the start without it still gates the pattern, which then costs a scan instead of a regex search
                List<String> starts = pattern.flags() == 0
                        ? RegexTrigger.prefixes(pattern.pattern()).orElse(List.of()).stream().map(String::stripTrailing)
                                .toList()
                        : List.of();
                // a prefix the normalizer would change cannot be found in normalized text: try everywhere
                boolean gated = !starts.isEmpty() && starts.stream()
                        .allMatch(s -> !s.isEmpty() && normalizer.normalize(s).text().equals(s));
                gatedList.add(gated);
                if (gated) {
                    starts.forEach(s -> phrases.computeIfAbsent(s, k -> new ArrayList<>(1))
                            .add(new Target(Target.Kind.PATTERN_START, index)));
                }
                needsList.add(gated ? addNeeds(phrases, pattern, needIds) : new int[0]);
                prefixLengths.add(starts.stream().mapToInt(String::length).min().orElse(0));
            }
        }
        ContextCues cues = ruleSet.context();
        int[] cueIds = {0};
        cues.negation().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.NEGATION, cueIds));
        cues.awareness().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.AWARENESS, cueIds));
        cues.recruiting().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.RECRUITING, cueIds));
        cues.legitimacy().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.LEGITIMACY, cueIds));
        cues.narrative().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.NARRATIVE, cueIds));
        cues.offer().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.OFFER, cueIds));
        cues.offshore().forEach(p -> addCue(phrases, normalizer, p, Target.Kind.OFFSHORE, cueIds));
        boolean[] gated = new boolean[gatedList.size()];
        for (int p = 0; p < gated.length; p++) {
            gated[p] = gatedList.get(p);
        }
        TreeMap<String, Target[]> sorted = new TreeMap<>();
        phrases.forEach((k, v) -> sorted.put(k, v.toArray(new Target[0])));
        return new CompiledRulesImage(new PhraseAutomaton(sorted), gated, needsList.toArray(new int[0][]),
                prefixLengths.stream().mapToInt(Integer::intValue).toArray(), needIds[0], cueIds[0]);
    }

    /** A Traditional and a Simplified spelling often normalize to one key: it is reported once per rule. */
    private static void add(Map<String, List<Target>> phrases, Normalizer normalizer, String phrase,
                            Target.Kind kind, int index) {
        String key = normalizer.normalize(phrase).text().trim();
        if (!key.isEmpty()) {
            List<Target> targets = phrases.computeIfAbsent(key, k -> new ArrayList<>(1));
            Target t = new Target(kind, index);
            if (!targets.contains(t)) {
                targets.add(t);
            }
        }
    }

    /**
     * Puts the literals a match of {@code pattern} must contain after its start ({@link RegexTrigger#requirements})
     * into the automaton, one id per requirement. The regex runs on the normalized text and the automaton reports
     * every occurrence there, so unlike a prefix a literal the normalizer would change needs no special case.
     */
    private static int[] addNeeds(Map<String, List<Target>> phrases, Pattern pattern, int[] nextId) {
        List<List<String>> kept = new ArrayList<>();
        List<String> rarest = null;
        int rarestRarity = -1;
        for (List<String> literals : RegexTrigger.requirements(pattern.pattern())) {
            int rarity = rarity(literals);
            if (rarity >= RARE_ENOUGH) {
                kept.add(literals);
            }
            if (rarity > rarestRarity) {
                rarest = literals;
                rarestRarity = rarity;
            }
        }
        if (kept.isEmpty() && rarest != null) {
            kept.add(rarest);
        }
        int[] ids = new int[kept.size()];
        for (int r = 0; r < ids.length; r++) {
            Target need = new Target(Target.Kind.PATTERN_NEED, nextId[0]++);
            ids[r] = need.index();
            for (String s : kept.get(r)) {
                List<Target> targets = phrases.computeIfAbsent(s, k -> new ArrayList<>(1));
                if (!targets.contains(need)) {
                    targets.add(need);
                }
            }
        }
        return ids;
    }

    /**
     * How seldom a requirement's literals occur, by the shortest of them, a Han character counting as three letters.
     * Every occurrence of a literal is a hit the scan must handle, and a requirement such as "a" or "to" is met by
     * nearly every English message anyway: such requirements are left out unless a pattern has no better one.
     */
    private static int rarity(List<String> literals) {
        int shortest = Integer.MAX_VALUE;
        for (String literal : literals) {
            int weight = 0;
            for (int i = 0; i < literal.length(); i++) {
                weight += literal.charAt(i) < 0x2E80 ? 1 : 3;
            }
            shortest = Math.min(shortest, weight);
        }
        return shortest;
    }

    private static void addCue(Map<String, List<Target>> phrases, Normalizer normalizer, String phrase,
                               Target.Kind kind, int[] nextId) {
        String key = normalizer.normalize(phrase).text().trim();
        if (key.isEmpty()) {
            return;
        }
        List<Target> targets = phrases.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (targets.stream().noneMatch(t -> t.kind() == kind)) {
            targets.add(new Target(kind, nextId[0]++));
        }
    }

    /** Equal when everything {@link CompiledRules} reads is: a stored image against a fresh compilation. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CompiledRulesImage i && automaton.equals(i.automaton)
                && Arrays.equals(patternGated, i.patternGated) && Arrays.deepEquals(patternNeeds, i.patternNeeds)
                && Arrays.equals(prefixLength, i.prefixLength) && needCount == i.needCount && cueCount == i.cueCount;
    }

    @Override
    public int hashCode() {
        return automaton.hashCode();
    }
}
