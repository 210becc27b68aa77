package org.jobguard.checker;

import org.jobguard.config.ConfigFiles;
import org.jobguard.config.RulesLoader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompiledRulesImageTest {
    private static final RuleSet SHIPPED = RulesLoader.load(ConfigFiles.locate(Map.of()).yaml("rules.yaml"));
    private static final String MYANMAR = "risky_destination.myanmar";

    private static Supplier<InputStream> inJar() {
        return () -> CompiledRulesImage.class.getResourceAsStream(CompiledRulesImage.RESOURCE);
    }

    private static Supplier<InputStream> bytes(byte[] image) {
        return () -> new ByteArrayInputStream(image);
    }

    @Test
    void theImageInTheJarEqualsAFreshCompilationOfTheShippedRules() {
        Optional<CompiledRulesImage> stored = CompiledRulesImage.read(inJar(), SHIPPED);
        assertTrue(stored.isPresent(), "no image of config/rules.yaml in the jar, or a stale one: rebuild with"
                + " mvn process-classes");
        assertEquals(CompiledRulesImage.compile(SHIPPED, new Normalizer()), stored.get(),
                "the compiled rules image is stale: rebuild with mvn process-classes");
        // and equality does look at the arrays: one rule fewer is another image
        assertNotEquals(stored.get(), CompiledRulesImage.compile(SHIPPED.withToggle(MYANMAR, false, false),
                new Normalizer()));
    }

    @Test
    void aHandMadeRuleSetSurvivesTheRoundTrip() {
        RuleSet rules = new RuleSet(List.of(
                new Rule("pay.a", Category.PAY_TOO_GOOD, Severity.WEAK, List.of("高薪", "高薪", "High Pay"),
                        List.of(Pattern.compile("月薪\\d+万"), Pattern.compile("(?i)salary \\d+")), true, false),
                new Rule("dest.a", Category.RISKY_DESTINATION, Severity.WEAK, List.of("妙瓦底", "妙瓦底"),
                        List.of(Pattern.compile(".*x")), true, true),
                new Rule("off.a", Category.URGENCY, Severity.WEAK, List.of("马上"), List.of(), false, false)),
                new ContextCues(List.of("绝不"), List.of("警惕", "警惕"), List.of("加我"), List.of("劳动合同"), List.of(), List.of(), List.of()), Map.of());
        assertEquals(CompiledRulesImage.compile(rules, new Normalizer()),
                CompiledRulesImage.read(bytes(CompiledRulesImage.encoded(rules)), rules).orElseThrow());
    }

    @Test
    void rulesWithoutAnyPhraseSurviveTheRoundTrip() {
        RuleSet rules = new RuleSet(List.of(new Rule("any.a", Category.VAGUE_JOB, Severity.WEAK, List.of(),
                List.of(Pattern.compile(".+")), true, false)), ContextCues.empty(), Map.of());
        assertEquals(CompiledRulesImage.compile(rules, new Normalizer()),
                CompiledRulesImage.read(bytes(CompiledRulesImage.encoded(rules)), rules).orElseThrow());
    }

    @Test
    void rulesThatDifferAreCompiledNotRead() {
        List<UnaryOperator<RuleSet>> changes = List.of(
                r -> r.withToggle(MYANMAR, false, false),
                r -> withRule(r, MYANMAR, rule -> new Rule(rule.id(), rule.category(), rule.severity(),
                        append(rule.phrases(), "zqxvland"), rule.patterns(), true, rule.shadow())),
                r -> withRule(r, MYANMAR, rule -> new Rule(rule.id() + "_2", rule.category(), rule.severity(),
                        rule.phrases(), rule.patterns(), true, rule.shadow())),
                r -> withRule(r, MYANMAR, rule -> new Rule(rule.id(), rule.category(), rule.severity(),
                        reversed(rule.phrases()), rule.patterns(), true, rule.shadow())),
                r -> withPatternFlags(r, Pattern.CASE_INSENSITIVE),
                r -> new RuleSet(r.rules(), new ContextCues(r.context().negation(), r.context().awareness(),
                        r.context().recruiting(), append(r.context().legitimacy(), "zqxv licence"), r.context().narrative(),
                        r.context().offer(), r.context().offshore()),
                        r.advice()),
                r -> new RuleSet(r.rules(), new ContextCues(r.context().negation(), r.context().awareness(),
                        r.context().recruiting(), r.context().legitimacy(), append(r.context().narrative(), "zqxv later"), r.context().offer(),
                        r.context().offshore()),
                        r.advice()),
                r -> new RuleSet(r.rules(), new ContextCues(r.context().awareness(), r.context().negation(),
                        r.context().recruiting(), r.context().legitimacy(), r.context().narrative(), r.context().offer(),
                        r.context().offshore()),
                        r.advice()),
                r -> new RuleSet(r.rules(), new ContextCues(r.context().negation(), r.context().awareness(),
                        r.context().recruiting(), r.context().legitimacy(), r.context().narrative(),
                        append(r.context().offer(), "zqxv salary"), r.context().offshore()), r.advice()),
                r -> new RuleSet(r.rules(), new ContextCues(r.context().negation(), r.context().awareness(),
                        r.context().recruiting(), r.context().legitimacy(), r.context().narrative(),
                        r.context().offer(), append(r.context().offshore(), "zqxv nationality")), r.advice()),
                r -> new RuleSet(r.rules().subList(1, r.rules().size()), r.context(), r.advice()));
        for (UnaryOperator<RuleSet> change : changes) {
            RuleSet changed = change.apply(SHIPPED);
            assertFalse(Arrays.equals(CompiledRulesImage.key(SHIPPED), CompiledRulesImage.key(changed)));
            assertTrue(CompiledRulesImage.read(inJar(), changed).isEmpty());
        }
    }

    @Test
    void changedRulesGiveTheVerdictsOfTheirOwnPhrases() {
        String offer = "高薪招聘，工作地点妙瓦底，包吃包住";
        String madeUp = "good job in zqxvland";
        RedFlagChecker shipped = new RedFlagChecker(SHIPPED, TestModels.rulePoints(), ConfirmedPatterns.none());
        assertTrue(flagged(shipped.check(offer), MYANMAR));
        assertFalse(flagged(shipped.check(madeUp), MYANMAR));

        RedFlagChecker off = new RedFlagChecker(SHIPPED.withToggle(MYANMAR, false, false), TestModels.rulePoints(), ConfirmedPatterns.none());
        assertFalse(flagged(off.check(offer), MYANMAR));
        assertTrue(flagged(off.check(offer), "pay_too_good.high_pay"));

        RuleSet added = withRule(SHIPPED, MYANMAR, rule -> new Rule(rule.id(), rule.category(), rule.severity(),
                append(rule.phrases(), "zqxvland"), rule.patterns(), true, rule.shadow()));
        RedFlagChecker more = new RedFlagChecker(added, TestModels.rulePoints(), ConfirmedPatterns.none());
        assertTrue(flagged(more.check(madeUp), MYANMAR));
        assertTrue(flagged(more.check(offer), MYANMAR));
    }

    @Test
    void shadowSeverityAndAdviceDoNotChangeTheImage() {
        RuleSet shadowed = SHIPPED.withToggle(MYANMAR, true, true);
        RuleSet stronger = withRule(SHIPPED, MYANMAR, rule -> new Rule(rule.id(), rule.category(), Severity.STRONG,
                rule.phrases(), rule.patterns(), rule.enabled(), rule.shadow()));
        RuleSet noAdvice = new RuleSet(SHIPPED.rules(), SHIPPED.context(), Map.of());
        for (RuleSet same : List.of(shadowed, stronger, noAdvice)) {
            assertTrue(CompiledRulesImage.read(inJar(), same).isPresent());
        }
        RedFlagChecker checker = new RedFlagChecker(shadowed, TestModels.rulePoints(), ConfirmedPatterns.none());
        Verdict v = checker.check("工作地点妙瓦底");
        assertFalse(flagged(v, MYANMAR));
        assertEquals(List.of(MYANMAR), v.shadowRuleIds());
    }

    @Test
    void aDamagedOrMissingImageIsCompiledInstead() throws IOException {
        byte[] stored;
        try (InputStream in = inJar().get()) {
            assertNotNull(in);
            stored = in.readAllBytes();
        }
        byte[] body = gunzip(stored);
        List<byte[]> damaged = new ArrayList<>(List.of(
                new byte[0],
                "not an image".getBytes(),
                Arrays.copyOf(stored, 10),
                Arrays.copyOf(stored, stored.length / 2),
                Arrays.copyOf(stored, stored.length - 4),
                flipped(stored, stored.length / 2),
                flipped(stored, stored.length - 6),
                gzip(Arrays.copyOf(body, body.length - 1)),
                gzip(Arrays.copyOf(body, body.length / 2)),
                gzip(Arrays.copyOf(body, body.length + 1)),
                gzip(withInt(body, 0, 2)),
                // the first array's length: a huge one must not be allocated
                gzip(withInt(body, 4 + 32, Integer.MAX_VALUE)),
                gzip(withInt(body, 4 + 32, -7))));
        Normalizer normalizer = new Normalizer();
        CompiledRulesImage fresh = CompiledRulesImage.compile(SHIPPED, normalizer);
        for (int i = 0; i < damaged.size(); i++) {
            Supplier<InputStream> image = bytes(damaged.get(i));
            assertTrue(CompiledRulesImage.read(image, SHIPPED).isEmpty(), "damage " + i);
            assertEquals(fresh, CompiledRulesImage.of(SHIPPED, normalizer, image), "damage " + i);
        }
        assertEquals(fresh, CompiledRulesImage.of(SHIPPED, normalizer, () -> null));
        assertEquals(fresh, CompiledRulesImage.of(SHIPPED, normalizer, () -> {
            throw new UncheckedIOException(new IOException("cannot read the jar"));
        }));
        CompiledRules compiled = new CompiledRules(SHIPPED, CompiledRulesImage.of(SHIPPED, normalizer, () -> null));
        int myanmar = SHIPPED.rules().indexOf(SHIPPED.rule(MYANMAR).orElseThrow());
        assertTrue(compiled.match(normalizer.normalize("工作地点妙瓦底")).hit(myanmar));
    }

    @Test
    void theKeyOfRulesLoadedTwiceIsTheSame() {
        assertArrayEquals(CompiledRulesImage.key(SHIPPED), CompiledRulesImage.key(
                RulesLoader.load(ConfigFiles.locate(Map.of()).yaml("rules.yaml"))));
    }

    @Test
    void textsThatAnEncodingWouldMergeHaveDifferentKeys() {
        UnaryOperator<String> oneRule = phrase -> Arrays.toString(CompiledRulesImage.key(new RuleSet(List.of(
                new Rule("a.a", Category.VAGUE_JOB, Severity.WEAK, List.of(phrase), List.of(), true, false)),
                ContextCues.empty(), Map.of())));
        assertNotEquals(oneRule.apply("\uD800x"), oneRule.apply("\uD801x"));
        assertNotEquals(oneRule.apply("\uD800x"), oneRule.apply("?x"));
        // lengths keep the boundaries: "ab" + "c" is not "a" + "bc"
        assertNotEquals(Arrays.toString(CompiledRulesImage.key(new RuleSet(List.of(new Rule("a.a", Category.VAGUE_JOB,
                        Severity.WEAK, List.of("ab", "c"), List.of(), true, false)), ContextCues.empty(), Map.of()))),
                Arrays.toString(CompiledRulesImage.key(new RuleSet(List.of(new Rule("a.a", Category.VAGUE_JOB,
                        Severity.WEAK, List.of("a", "bc"), List.of(), true, false)), ContextCues.empty(), Map.of()))));
    }

    private static boolean flagged(Verdict v, String ruleId) {
        return v.flags().stream().anyMatch(f -> f.ruleId().equals(ruleId));
    }

    private static RuleSet withRule(RuleSet rules, String id, UnaryOperator<Rule> change) {
        List<Rule> changed = new ArrayList<>();
        rules.rules().forEach(r -> changed.add(r.id().equals(id) ? change.apply(r) : r));
        return new RuleSet(changed, rules.context(), rules.advice());
    }

    private static RuleSet withPatternFlags(RuleSet rules, int flags) {
        List<Rule> changed = new ArrayList<>();
        boolean[] done = {false};
        rules.rules().forEach(r -> {
            if (!done[0] && !r.patterns().isEmpty()) {
                done[0] = true;
                List<Pattern> patterns = new ArrayList<>(r.patterns());
                patterns.set(0, Pattern.compile(patterns.get(0).pattern(), flags));
                changed.add(new Rule(r.id(), r.category(), r.severity(), r.phrases(), patterns, r.enabled(),
                        r.shadow()));
            } else {
                changed.add(r);
            }
        });
        assertTrue(done[0], "the shipped rules have a pattern");
        return new RuleSet(changed, rules.context(), rules.advice());
    }

    private static List<String> append(List<String> list, String more) {
        List<String> out = new ArrayList<>(list);
        out.add(more);
        return out;
    }

    private static List<String> reversed(List<String> list) {
        List<String> out = new ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    private static byte[] flipped(byte[] bytes, int at) {
        byte[] out = bytes.clone();
        out[at] ^= 0x5A;
        return out;
    }

    private static byte[] withInt(byte[] bytes, int at, int value) {
        byte[] out = bytes.clone();
        ByteBuffer.wrap(out).putInt(at, value);
        return out;
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
